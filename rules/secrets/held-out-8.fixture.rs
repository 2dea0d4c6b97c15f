// Shapes of the false positives found by the eighth held-out study (docs/accuracy.md), with values of our own.
impl Session {
    pub(crate) fn start_encryption(
        &mut self,
        // A parameter's type, a reference: not a value.
        // ok: secrets.generic.secret-assignment
        secrets: &HandshakeSecrets,
        // ok: secrets.generic.password-assignment
        password: &SecUtf8,
    ) {
    }
}

static CURVE: Curve = Curve {
    // A reference to a constant.
    // ok: secrets.generic.secret-assignment
    private_key_ops: &PRIVATE_KEY_OPERATIONS,
    // A function named from the field it fills.
    // ok: secrets.generic.secret-assignment
    check_private_key_bytes: ed25519_check_private_key_bytes,
};

fn keys(s: &TrafficSecrets) -> Keys {
    match s {
        // An enum variant's path, read from its second colon.
        // ok: secrets.generic.secret-assignment
        TrafficSecrets::Aes128GcmSha256 { key, iv } => Keys::new(key, iv),
    }
}

fn load(key: &[u8]) -> Result<KeyPair, Error> {
    // A path call, the value cut at its parenthesis.
    // ok: secrets.generic.secret-assignment
    let signing_key = signature::Ed448KeyPair::from_pkcs8_unchecked(key)?;
    Ok(signing_key)
}

// A literal keeps being found, typed or not.
// ruleid: secrets.generic.secret-assignment
const SIGNING_KEY: &str = "q7Zr2Lw9Xk4Vb8Nt3Jm6Hc1Pf5Sd0Ga";
// ruleid: secrets.generic.password-assignment
let password: &str = "Vq8#nL2w!Rk5zT9m";
// ruleid: secrets.generic.secret-assignment
let private_key_ops = "Hq3Zt8Lm2Wv7Xk1Nb6Rc9Pd4Sf0Gj5";
