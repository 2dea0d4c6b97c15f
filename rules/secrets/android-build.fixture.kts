// Android build fields in the Kotlin DSL (issue 16). Values are our own fakes.
android {
    defaultConfig {
        // ruleid: secrets.generic.build-config-field
        buildConfigField("String", "WEATHER_API_KEY", "\"Vb4NqT9sW1eJ3kR7mZ2xL8pA\"")
        // ruleid: secrets.generic.build-config-field
        resValue("string", "backend_client_secret", "Vt9pLq2wXz7mKc4R")
        // A provider's format in a build field is the provider rule's.
        // ruleid: secrets.stripe.live-secret-key
        buildConfigField("String", "PAYMENTS_KEY", "\"sk_live_UGTdl3dOkmT8OrE1Aq6vATUt\"")
        // ok: secrets.generic.build-config-field
        buildConfigField("String", "WEATHER_API_KEY", "\"${project.findProperty("WEATHER_API_KEY") ?: ""}\"")
        // ok: secrets.generic.build-config-field
        buildConfigField("String", "API_KEY_HEADER", "\"X-Api-Key-Value\"")
        // ok: secrets.generic.build-config-field
        buildConfigField("String", "STRIPE_PUBLIC_KEY", "\"Np4kWq8zLm2vXc7R\"")
        // ok: secrets.generic.build-config-field
        buildConfigField("String", "API_KEY", "\"\"")
    }
}
