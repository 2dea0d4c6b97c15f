// Literal keys passed to JWT libraries (issue 16).
import io.jsonwebtoken.Jwts
import io.jsonwebtoken.SignatureAlgorithm
import io.jsonwebtoken.security.Keys

// ruleid: secrets.crypto.jwt-secret
val key = Keys.hmacShaKeyFor("Tb7Kq2Wx9Lm4Vz8Nc3Hs6Jd1Pf5Ry0EaTb7Kq2Wx".toByteArray())
// ok: secrets.crypto.jwt-secret
val envKey = Keys.hmacShaKeyFor(System.getenv("JWT_SECRET").toByteArray())
// ruleid: secrets.crypto.jwt-secret
val legacy = Jwts.builder().setSubject("svc").signWith(SignatureAlgorithm.HS256, "Zq4Lw8Xk2Vb6Nc9Mh3Ts7Jd1Pf5Ry0Ga").compact()
