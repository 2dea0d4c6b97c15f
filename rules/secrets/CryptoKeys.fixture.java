// Literal keys passed straight into crypto and token APIs (issue 16).
import com.auth0.jwt.algorithms.Algorithm;
import javax.crypto.spec.SecretKeySpec;

class CryptoKeys {
  Object keys() {
    // ruleid: secrets.crypto.cipher-key
    SecretKeySpec k = new SecretKeySpec("fLSLf8kQRt6xtT2GiJjftqy4AUjoRsdz".getBytes(), "AES");
    // ok: secrets.crypto.cipher-key
    SecretKeySpec k2 = new SecretKeySpec(keyBytes, "AES");
    // ruleid: secrets.crypto.jwt-secret
    Algorithm alg = Algorithm.HMAC256("RpUpzK2NpvVxFezxTT5xYYm7gE9G3xwx");
    // ok: secrets.crypto.jwt-secret
    Algorithm alg2 = Algorithm.HMAC256(System.getenv("JWT_SECRET"));
    return new Object[] {k, k2, alg, alg2};
  }
}
