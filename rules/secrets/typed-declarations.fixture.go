package config

// A provider's key assigned with a declared type (`var x string = "…"`) is assigned as without one.
// ruleid: secrets.algolia.admin-key
var algoliaAdminKey string = "5e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"

// ok: secrets.algolia.admin-key
var algoliaAdminKeyEnv string = "ALGOLIA_ADMIN_KEY"

// ruleid: secrets.postmark.server-token
const postmarkServerToken string = "2d6e9b1f-8c3a-4f57-a0e2-9b4c7d1e3f5a"
