// Context shapes: C# declarations (issue 16).
class Shapes {
    // ruleid: secrets.generic.api-key-assignment
    string apiKey = "xQtYc2grjUnsXAnbWfCWg7se5n4DbmfP";
    // ruleid: secrets.generic.token-assignment
    private const string AuthToken = "X4Ywj5CzWvBbFCjSsAaLY3SE7EXMiCqn";
    // ok: secrets.generic.token-assignment
    private const string AuthTokenHeader = "Authorization";
    void Setup() {
        // ruleid: secrets.generic.token-assignment
        Environment.SetEnvironmentVariable("API_TOKEN", "iRtp5moZAXjgSEfiBsuTTnjLJcoA5yNZ");
        // ruleid: secrets.generic.password-assignment
        settings["password"] = "gepCfsEUB2ZoSN";
    }
    // Xamarin's NSUserDefaults: the value before its key.
    void Store() {
        // ruleid: secrets.generic.stored-under-key
        NSUserDefaults.StandardUserDefaults.SetString("Tq3vNw8ZpLx5Rk", "password");
        // ok: secrets.generic.stored-under-key
        cache.Set("Tq3vNw8ZpLx5RkTq3vNw8ZpLx5Rk", "token");
    }
    // An XML element inside a string literal.
    // ruleid: secrets.generic.token-assignment
    const string Envelope = "<auth><token>Wn2Lx7Kc4Vb9Nm3Hs6Jd1Pt0RyGz5Tq8</token></auth>";
}
// Auto-properties with an initializer: the accessors stand between the name and the value.
public class SmtpSettings {
    public string Host { get; set; } = "smtp.example.org";
    // ruleid: secrets.generic.password-assignment
    public string SmtpPassword { get; set; } = "Vb7#qLx2Nw9zRt4K";
    // ruleid: secrets.generic.api-key-assignment
    public string ApiKey { get; init; } = "kT4wQz9Xc2Vn7Lb5Hs8Jm3Pd6Rf1Gy0A";
    // ruleid: secrets.generic.secret-assignment
    public string ClientSecret { get; private set; } = "Qm8Zt3Wk6Np1Vx4Lc7Hb2Jr5Fs9Dg0Ty";
    // ok: secrets.generic.password-assignment
    public string Password { get; set; } = Environment.GetEnvironmentVariable("SMTP_PASSWORD");
    // ok: secrets.generic.token-assignment
    public string TokenHeader { get; set; } = "Authorization";
}
