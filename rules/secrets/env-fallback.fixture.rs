// An environment variable's hard-coded fallback is the value in every environment that does not set it.

fn cf_token() -> String {
    // ruleid: secrets.generic.token-assignment
    std::env::var("CF_API_TOKEN").unwrap_or_else(|_| "IC1fkK4HahBu_uMCbkMedyP3M1ItQt6WMSXLGogv".to_string())
}

fn signing_secret() -> String {
    // ruleid: secrets.generic.secret-assignment
    env::var("WEBHOOK_SECRET").unwrap_or(String::from("G5QCXN9ojd83zVifrNcQph3LR5e4eAAU"))
}

fn db_password() -> String {
    // ruleid: secrets.generic.password-assignment
    std::env::var("DB_PASSWORD").unwrap_or_else(|_| String::from("n8Vq2#kLm4Rz7pWx"))
}

fn placeholders() -> (String, String) {
    // ok: secrets.generic.token-assignment
    let a = std::env::var("CF_API_TOKEN").unwrap_or_else(|_| "changeme".to_string());
    // A default that names no credential.
    // ok: secrets.generic.token-assignment, secrets.generic.secret-assignment
    let b = std::env::var("LOG_LEVEL").unwrap_or_else(|_| "IC1fkK4HahBu_uMCbkMedyP3M1ItQt6WMSXLGogv".to_string());
    (a, b)
}

// The fallback on the line after the read, as rustfmt breaks a long chain.
fn load_signing() -> Settings {
    Settings {
        rate_card_signing_key: env::var("RATE_CARD_SIGNING_KEY")
            .unwrap_or_else(|_| "Ww3pQx8LmZ2vB7nKc5RtY9sHd4Jf".to_string()), // ruleid: secrets.generic.secret-assignment
        region: env::var("REGION")
            .unwrap_or_else(|_| "eu-west-2-Ww3pQx8LmZ2vB7nKc5Rt".to_string()), // ok: secrets.generic.secret-assignment
    }
}
