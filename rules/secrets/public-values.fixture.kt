package io.example.config

// Keys made for the client, hashes and truncated examples under token-like names.
object BuildSecrets {
    // ok: secrets.generic.token-assignment
    const val DATADOG_CLIENT_TOKEN = "pub7d220c0739b7439fa7b01d9f51ce9211"
    // ruleid: secrets.generic.token-assignment
    const val PARTNER_AUTH_TOKEN = "1BCJRe5l6YwdAvEGL3tSHwLUuAHsVCV1L4pP"
    // ok: secrets.generic.token-assignment
    const val VAULT_TOKEN_ACCESSOR = "Tl5kjGCjsvtdTuhRY5ZGtisV"
    // ok: secrets.generic.token-assignment
    const val SAMPLE_ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjIwMjQifQ..."
}
