// A configuration read with a hard-coded fallback (C#'s `??`): the fallback is the secret whenever the setting is
// missing, so it ships in every build.
var builder = WebApplication.CreateBuilder(args);

// ruleid: secrets.generic.token-assignment
var apiToken = Environment.GetEnvironmentVariable("API_TOKEN") ?? "d7a64c06f00f11383aac77e9cf3e78182c7380d5";

// ruleid: secrets.generic.secret-assignment
var jwtSecret = builder.Configuration["Jwt:Secret"] ?? "K_cOGAHguFqjgQpX97Xwg9y7EdQ0gnr96onBA8hPFAQ";

// ruleid: secrets.generic.password-assignment
string dbPassword = config.GetValue<string>("DbPassword") ?? "1KOG-VVfZNPSFwey";

// ruleid: secrets.generic.api-key-assignment
var apiKey = _configuration.GetConnectionString("Search") ?? "bu6Gh1-XnWkaFgOY7GU6ubFIIGlgQfhI";

// ok: secrets.generic.token-assignment
var refreshToken = Environment.GetEnvironmentVariable("REFRESH_TOKEN") ?? string.Empty;

// ok: secrets.generic.password-assignment
string adminPassword = config["AdminPassword"] ?? "changeme";

// ok: secrets.generic.secret-assignment
var clientSecret = builder.Configuration["Auth:ClientSecret"] ?? "";

// ok: secrets.generic.token-assignment
var tokenUrl = Environment.GetEnvironmentVariable("TOKEN_URL") ?? "https://login.example.com/oauth2/token";
