// Struct fields initialised from wrapped literals.
impl Default for EdgeConfig {
    fn default() -> Self {
        Self {
            // ruleid: secrets.generic.token-assignment
            fastly_token: String::from("Jq7xVz2LmK9wTr4NpBc8HdYs3FgE6aUo"),
            // ok: secrets.generic.token-assignment
            fastly_token_env: String::from("FASTLY_API_TOKEN"),
            // ok: secrets.generic.token-assignment
            token_endpoint: String::from("https://auth.internal/oauth/token"),
        }
    }
}
