// Held-out key-flow positives (session 16, docs/accuracy.md "Secrets recall 4"): written before any scan, fake values,
// not tuned on. The flows key-flow missed then were `todoruleid` until session 24.
package com.example.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class TokenService {
    // ruleid: secrets.crypto.jwt-secret
    private static final String JWT_KEY = "VZaLPeEKD2SlNo09ZxgElBj643SEDdYAbb02f377";
    // ruleid: secrets.crypto.hmac-key
    private final String macKey = "PANaJdrtaiQelFirtIYp7UuZ4ruKQuVZrOSHDUeF";

    public String issue(String user) {
        return Jwts.builder().subject(user).expiration(new Date(System.currentTimeMillis() + 3600_000))
            .signWith(Keys.hmacShaKeyFor(JWT_KEY.getBytes(StandardCharsets.UTF_8))).compact();
    }

    public byte[] mac(byte[] body) throws Exception {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(macKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return m.doFinal(body);
    }
}
