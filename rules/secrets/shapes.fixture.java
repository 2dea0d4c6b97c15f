// Context shapes: the keyword and the value apart or in an unusual form (issue 16).
import java.util.HashMap;
import java.util.Map;

class Shapes {
  // ruleid: secrets.generic.api-key-assignment
  private static final String API_KEY = "MKNqe3dkEyr45MRvvFEgMrCFDFHVtEgo";
  // ok: secrets.generic.api-key-assignment
  private static final String API_KEY_HEADER = "X-Api-Key";

  void setup() {
    // ruleid: secrets.generic.token-assignment
    System.setProperty("api.token", "6pjaV8J4BsjyEVXKqvTeaizU4xAnzZpj");
    // ok: secrets.generic.token-assignment
    System.setProperty("api.token", System.getenv("API_TOKEN"));
    // The Datadog Java agent's settings, as system properties.
    // ruleid: secrets.datadog.api-key
    System.setProperty("dd.api.key", "7c1f3e9a5b2d8c4e6a0f1b3d5e7a9c2b");
    // ruleid: secrets.datadog.app-key
    System.setProperty("dd.app.key", "4e8a2c6f0b1d3e5a7c9f2b4d6e8a0c1f3b5d7e9a");
    // ok: secrets.datadog.api-key
    System.setProperty("dd.api.key", System.getenv("DD_API_KEY"));
    // ok: secrets.datadog.api-key
    System.setProperty("dd.service", "inventory");
    Map<String, String> m = new HashMap<>();
    // ruleid: secrets.generic.password-assignment
    m.put("password", "FhjrEEUMtoAsLX7");
    // ok: secrets.generic.password-assignment
    m.put("password", "password");
    // ruleid: secrets.generic.token-assignment
    String authToken = "3he4PvpTBecQnf6zywSBLKyEyFJKxTHf";
  }

  // An XML element inside a string literal.
  // ruleid: secrets.generic.api-key-assignment
  String body = "<config><apiKey>Rq8Lw2Zx9Kc4Vb7Nm3Hs6Jd1Pt5Gy0Ea</apiKey></config>";
  // ok: secrets.generic.api-key-assignment
  String template = "<config><apiKey>${API_KEY}</apiKey></config>";
  // A placeholder in angle brackets, not an element: what follows `<password>` is the host.
  // ok: secrets.generic.password-assignment
  String proxyUrl = "socks5h://<username>:<password>@proxy-host";
  // Spring `@Value` defaults (issue 16): the value after `:` inside `${...}` is used when the property is unset.
  // ruleid: secrets.generic.token-assignment
  @Value("${payments.api-token:Qz7vR2mX8pL4tK9wB3nF6hJ1}")
  private String paymentsToken;
  // ruleid: secrets.generic.password-assignment
  @Value("${db.password:s3cr3tDefault}")
  private String dbPassword;
  // ruleid: secrets.generic.secret-assignment
  private static final String CLIENT_SECRET_EXPR = "${oauth.client-secret:Vx4Nq9Lt2Rk7Zm3Wp8Bs5Jc1}";
  // An empty default, a placeholder default and a default that is another placeholder name.
  // ok: secrets.generic.token-assignment
  @Value("${payments.api-token:}")
  private String paymentsTokenUnset;
  // ok: secrets.generic.password-assignment
  @Value("${db.password:changeme}")
  private String dbPasswordPlaceholder;
  // ok: secrets.generic.password-assignment
  @Value("${db.password:${DB_PASSWORD}}")
  private String dbPasswordNested;
  // The same text outside a string is not a default: an unquoted `${` in a Java source is not a placeholder.
  // ok: secrets.generic.token-assignment
  int apiTokenLength = tokenLength("${payments.api-token}", Qz7vR2mX8pL4tK9wB3nF6hJ1);
}
