// Literal keys passed to token and MAC APIs (issue 16).
use hmac::{Hmac, Mac};
use jsonwebtoken::{encode, EncodingKey, Header};

fn sign(claims: &Claims) -> String {
    // ruleid: secrets.crypto.jwt-secret
    let key = EncodingKey::from_secret("Tb7Kq2Wx9Lm4Vz8Nc3Hs6Jd1Pf5Ry0Ea".as_ref());
    // ok: secrets.crypto.jwt-secret
    let env_key = EncodingKey::from_secret(std::env::var("JWT_SECRET").unwrap().as_bytes());
    // ruleid: secrets.crypto.hmac-key
    let mac = Hmac::<Sha256>::new_from_slice(b"Zq4Lw8Xk2Vb6Nc9Mh3Ts7Jd1Pf5Ry0Ga").unwrap();
    encode(&Header::default(), claims, &key).unwrap()
}
