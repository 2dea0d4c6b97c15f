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
  // The generic rules want the whole Java literal to be the value, so a default inside it is missed (Kotlin,
  // without that requirement, is reported: shapes.fixture.kt).
  // todoruleid: secrets.generic.token-assignment
  @Value("${payments.api-token:Qz7vR2mX8pL4tK9wB3nF6hJ1}")
  private String paymentsToken;
  // ok: secrets.generic.token-assignment
  @Value("${payments.api-token:}")
  private String paymentsTokenUnset;
}
