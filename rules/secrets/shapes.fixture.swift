// Context shapes: Swift declarations (issue 16).
// ruleid: secrets.generic.api-key-assignment
let apiKey = "oZbyHtYDspQ2NEqH4ZKNiT2oztVVUeHo"
// ruleid: secrets.generic.token-assignment
let authToken: String = "wUr2rfLsbrLjGPz5Wv8UAyETVzx3dC32"
// ok: secrets.generic.token-assignment
let tokenKey: String = "com.example.token"
// Value before its key, as Apple's key-value stores take it.
// ruleid: secrets.generic.stored-under-key
UserDefaults.standard.set("8ekFmKjvCCQi6C", forKey: "password")
// ruleid: secrets.generic.stored-under-key
keychain.set("Qm7vX2pL9sR4tY6uW8zA3bC5dE1fG0hJ", forKey: "apiToken")
// ok: secrets.generic.stored-under-key
keychain.set(token, forKey: "apiToken")
// ok: secrets.generic.stored-under-key
UserDefaults.standard.set("Qm7vX2pL9sR4tY6uW8zA3bC5dE1fG0hJ", forKey: "tokenExpiryDate")
