// A literal key reaches a crypto or token API through a name assigned once (issue 16).
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import javax.crypto.spec.SecretKeySpec;

class KeyFlow {
    // ruleid: secrets.crypto.jwt-secret
    private static final String TOKEN_KEY = "Bv5Cw0Dx6Ey1Fz7Ga2Hb8Ic3Jd9Ke4Lf";
    // ok: secrets.crypto.cipher-key
    // A default key named as one is still a key in the code.
    // ruleid: secrets.generic.secret-assignment
    private String aesKey = "Mg5Nh0Oi6Pj1Qk7Rl2Sm8Tn3Uo9Vp4Wq";

    String token(String subject) {
        return JWT.create().withSubject(subject).sign(Algorithm.HMAC256(TOKEN_KEY));
    }

    SecretKeySpec spec() {
        return new SecretKeySpec(aesKey.getBytes(), "AES");
    }

    void setAesKey(String aesKey) {
        this.aesKey = aesKey;
    }
}

class HmacKeys {
    // ruleid: secrets.crypto.hmac-key
    private static final String WEBHOOK_KEY = "dEAn5tpN3PXBqo4WwtJkh89OtYWA1K8hWpGepb8a";

    javax.crypto.Mac webhookMac() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return mac;
    }

    SecretKeySpec literal() {
        // ruleid: secrets.crypto.hmac-key
        return new SecretKeySpec("hjWCmOB47Rf1f0h3vV2ZMU2vDI7V9j2hJrCi".getBytes(), "HmacSHA512");
    }

    SecretKeySpec notACipherKey() {
        // ruleid: secrets.crypto.hmac-key ok: secrets.crypto.cipher-key
        return new SecretKeySpec("88O1Dev7m1YzeAeUYYBUzrnjl1Ckga80".getBytes(), "HmacSHA1");
    }
}
