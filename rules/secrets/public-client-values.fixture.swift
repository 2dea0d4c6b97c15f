// Values apps ship to every user: a provider's public project or client identifier, and a message template's id.
enum Secrets {
    // ok: secrets.generic.token-assignment
    static let mixpanelToken = "7e1c0a94b3f25d86e0c1b7a4d9f36e25"
    // ok: secrets.generic.token-assignment
    static let facebookClientToken = "c4a9e07b1d3f85e26a0b9c7d4e1f3a58"
    // ruleid: secrets.generic.secret-assignment
    static let mixpanelApiSecretToken = "9b2e7c4a1f0d3e68b5a2c9e7f1d04b36"
    // ok: secrets.generic.password-assignment
    static let passwordResetTemplate = "d-3f9a1c7e05b24d68a9e1c3f7b0d25e84"
    // ruleid: secrets.generic.password-assignment
    static let resetPortalPassword = "Zq4vN8xK2mT7rP1wL9sD"
}
