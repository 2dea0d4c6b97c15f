// Literal keys passed to token and MAC APIs (issue 16).
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

class Tokens {
    SymmetricSecurityKey Key() {
        // ruleid: secrets.crypto.jwt-secret
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes("Tb7Kq2Wx9Lm4Vz8Nc3Hs6Jd1Pf5Ry0Ea"));
    }
    SymmetricSecurityKey KeyFromConfig(string secret) {
        // ok: secrets.crypto.jwt-secret
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret));
    }
    // A field of the type made with C# 9's target-typed new.
    // ruleid: secrets.crypto.hmac-key
    private readonly HMACSHA512 _signer = new(Encoding.ASCII.GetBytes("pW3nR8vK2xQ7mT5zL9cB4hJ6dF1sG0aYeU"));
    // ok: secrets.crypto.hmac-key
    private readonly HMACSHA512 _fromConfig = new(Encoding.ASCII.GetBytes(Environment.GetEnvironmentVariable("SIGNING_KEY")!));

    byte[] Mac(byte[] data) {
        // ruleid: secrets.crypto.hmac-key
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("Zq4Lw8Xk2Vb6Nc9Mh3Ts7Jd1Pf5Ry0Ga"));
        return hmac.ComputeHash(data);
    }
    byte[] Encrypt(byte[] data) {
        using var aes = Aes.Create();
        // ruleid: secrets.crypto.cipher-key
        aes.Key = Encoding.UTF8.GetBytes("Wv2Lq8Zx4Kc6Vb9Nm3Hs7Jd1Pt5Ry0Ea");
        // ok: secrets.crypto.cipher-key
        aes.Key = Convert.FromBase64String(Environment.GetEnvironmentVariable("DATA_KEY"));
        return aes.EncryptCbc(data, new byte[16]);
    }
}
