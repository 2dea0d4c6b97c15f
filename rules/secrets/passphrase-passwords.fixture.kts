// Passwords people choose: words joined by separators, with digits (our own fakes).
android {
    signingConfigs {
        create("release") {
            storeFile = file("release.jks")
            // ruleid: secrets.generic.password-assignment
            storePassword = "Ivory_lantern237_"
            // ruleid: secrets.generic.password-assignment
            keyPassword = "copper-meadow-4411"
            keyAlias = "widgets"
        }
    }
}

// ---- near misses ----
object Labels {
    // A label under a label's name: words, not a secret.
    // ok: secrets.generic.password-assignment
    val passwordHint = "min-8-characters"
    // An identifier without digits under a password name: a field or event name.
    // ok: secrets.generic.password-assignment
    val passwordField = "new_password_confirm"
}
