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
// RevenueCat's public SDK keys are made to ship in the app; a secret key (sk_) is not.
// ok: secrets.generic.api-key-assignment
let revenueCatApiKey = "appl_Vw3kQz8nRt5yHb2LxJm7PcFd4s"
// ok: secrets.generic.api-key-assignment
let revenueCatAndroidApiKey = "goog_Hm6tWq1zKx9vNb4RpLc8YdJf2s"
// ruleid: secrets.generic.api-key-assignment
let billingApiKey = "Vw3kQz8nRt5yHb2LxJm7PcFd4sGh"
