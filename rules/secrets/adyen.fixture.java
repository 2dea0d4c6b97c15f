// Adyen API keys (issue 16): `AQE`, base64, then `=-` parts.
import java.util.Map;

public class AdyenGateway {
    private static final Map<String, String> MERCHANT_KEYS = Map.of(
        "NorthwindECOM",
        // ruleid: secrets.adyen.api-key
        "AQEi0mSFowenCW+bnN5yPi/4Nm5XKIrXH5X7EU7s9ZUkWSSMjNknM6FQ2GClsfqqAc+C2m1CV04=-EiiKjlxogphIR6rO19ACwG4cItBTW4MG2V4Ehgtc2eC=-HOZyR}My7T41vGO5"
    );
    // ruleid: secrets.adyen.api-key
    private final String apiKey = "AQE59aqUJxNGpLt0FjnMot/QbfLrA9Tv+SgxtYSkg/CSwoagaSShlGPPQOfah1KjpsepY4HCVQI=-FWq97a2uKyLj20A607uP/YMQ7+4xlx19Td8uQ4eabSC=";
    // A base64 blob that starts with the same letters (bytes 01 01): no `=-` part.
    // ok: secrets.adyen.api-key
    private static final String PROTO_DEFAULTS = "AQEBmRGlkkQQ12GJewOD4x6B+Nr8asaoruDXsMUREFlbtLUooezobFFomC/6OtEGyWmkqG6k2HQq0NajgqHwECCpS8NBB8RLeGBYgD8YRy59Km==";
    // ok: secrets.adyen.api-key
    private final String fromEnv = System.getenv("ADYEN_API_KEY");
}
