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
}
