// Context shapes: Swift declarations (issue 16).
// ruleid: secrets.generic.api-key-assignment
let apiKey = "oZbyHtYDspQ2NEqH4ZKNiT2oztVVUeHo"
// ruleid: secrets.generic.token-assignment
let authToken: String = "wUr2rfLsbrLjGPz5Wv8UAyETVzx3dC32"
// ok: secrets.generic.token-assignment
let tokenKey: String = "com.example.token"
// Value before its key: not yet recognised.
// todoruleid: secrets.generic.password-assignment
UserDefaults.standard.set("8ekFmKjvCCQi6C", forKey: "password")
