// A pre-encoded Basic credential in .NET code.
using System.Net.Http.Headers;

public class TelematicsClient
{
    public void Configure(HttpClient http)
    {
        http.DefaultRequestHeaders.Authorization =
            // ruleid: secrets.generic.basic-auth-header
            new AuthenticationHeaderValue("Basic", "YnJpZGdlLXN2YzpVWDNuU1dVRDdUMTNQakluM0FkWA==");
        http.DefaultRequestHeaders.Authorization =
            // ok: secrets.generic.basic-auth-header
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
    }
}
