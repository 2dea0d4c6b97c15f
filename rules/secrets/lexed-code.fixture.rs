// Rust has no grammar here: a lexer finds its strings, raw strings and comments (a lone `'` is a lifetime), so a
// value in its code must be a quoted literal, as in parsed languages (issue 16).
pub fn client<'a>(settings: &'a Settings) -> Client<'a> {
    // Code, not literals: a dereference with `?`, a path.
    // ok: secrets.generic.secret-assignment
    let secret = *SecretFromConfigValue2?;
    // ok: secrets.generic.token-assignment
    let api_token = config::ApiTokenDefault2024;
    // ruleid: secrets.generic.token-assignment
    let api_token2 = "GjYPnwGGWLfAMuU1SogCpeT07HfF";
    // A raw string's lines hold values without quotes.
    let conf = r#"
        // ruleid: secrets.generic.secret-assignment
        client_secret = RGDNlZlGJZqEIkcC8LpTaU8YaXEG
    "#;
    Client::new(secret, api_token, api_token2, conf)
}
