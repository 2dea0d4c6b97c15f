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
    // ruleid: secrets.crypto.cipher-key
    let cipher = Aes256Gcm::new_from_slice(b"Wv2Lq8Zx4Kc6Vb9Nm3Hs7Jd1Pt5Ry0Ea").unwrap();
    // ok: secrets.crypto.cipher-key
    let env_cipher = Aes256Gcm::new_from_slice(&data_key).unwrap();
    encode(&Header::default(), claims, &key).unwrap()
}
