// Keys kept as base64 in key-named fields: the encoded bytes of an account, symmetric or signing key.
namespace Ledger.Services
{
    public class StorageService
    {
        // ruleid: secrets.generic.base64-key-assignment
        private readonly string _cosmosKey = "q8Rv1mZ3kT9wXc2Lp0Hy7sQe4Nd6Bg5Jf+aUoKiMtVr/CzYxWbEhGnPlS3dA1uF8R2Ts9qVy0Lm7Kc4Xj6Hp1Zw3Bn==";
        // ruleid: secrets.generic.base64-key-assignment
        private const string SigningKey = "Tm4Qx9Vb2Lr7Pz1Kc8Wd3Hy6Ns0Jf5Ga+Ue/Ro4Iv2Mt7Bq=";
        // A public key is published; a hash is no key.
        // ok: secrets.generic.base64-key-assignment
        private const string PublicKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE8w2qYz+Lk3Rv9Tn1Pb7Xc4Md6Wf0Hs5Gj=";
        // ok: secrets.generic.base64-key-assignment
        private const string CacheKeyHash = "Yp2Nc7Rx4Mb9Qk1Zt6Vw3Hd8Ls0Jf5Gg+Ua/Te2Io9Kn4Bq=";
        // Too short to be 32 bytes, or no base64 in it at all (an id).
        // ok: secrets.generic.base64-key-assignment
        private const string RoutingKey = "Qx9Vb2Lr7Pz1Kc8Wd3Hy6=";
        // ok: secrets.generic.base64-key-assignment
        private const string SheetKey = "RGkt8Mdn0lugJB6L55vVvjafrJFROl2aSjDWlFkuw3mvJjk";
        // ok: secrets.generic.base64-key-assignment
        private readonly string _masterKey = Environment.GetEnvironmentVariable("LEDGER_MASTER_KEY");
    }
}
