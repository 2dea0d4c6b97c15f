// A literal key reaches a crypto or token API through a name assigned once (issue 16).
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import javax.crypto.spec.SecretKeySpec;

class KeyFlow {
    // ruleid: secrets.crypto.jwt-secret
    private static final String TOKEN_KEY = "Bv5Cw0Dx6Ey1Fz7Ga2Hb8Ic3Jd9Ke4Lf";
    // ok: secrets.crypto.cipher-key
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
