// A user:password literal encoded for a Basic header (issue 16).
public class DeclarationClient
{
    public DeclarationClient(HttpClient http)
    {
        // ruleid: secrets.generic.basic-auth-literal
        var raw = Encoding.UTF8.GetBytes("kestrel-edi:Qm7vR2xLp9WtZ4nB");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
        // ok: secrets.generic.basic-auth-literal
        var label = Encoding.UTF8.GetBytes("status:pending");
        // ok: secrets.generic.basic-auth-literal
        var placeholder = Encoding.UTF8.GetBytes("user:changeme");
        // A time of day, not a login.
        // ok: secrets.generic.basic-auth-literal
        var stamp = Encoding.UTF8.GetBytes("12:30:45");
    }
}
