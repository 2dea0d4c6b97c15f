// Kotlin declarations holding credentials in an Android app (issue 16). Values are our own fakes.
package example.app

object Keys {
    // ruleid: secrets.gcp.api-key
    const val MAPS_KEY = "AIzaSyD4k8Lq2Wx7Vz3Nc9Hs6Jd1Pf5Ry0EaTb7"
    // ruleid: secrets.generic.secret-assignment
    private val clientSecret: String = "Wq3kL9zXv7mPt2Rc8Yb4Nd6H"
    // ruleid: secrets.generic.password-assignment
    internal const val DB_PASSWORD = "Kv8!qz3Wm7Lp"
    // A short chosen password under a camelCase name.
    // ruleid: secrets.generic.chosen-password
    private val syncPwd: String = "mamma7Mia"
    // ok: secrets.generic.chosen-password
    val passwordHint: String = "Fav color!1"
    // ok: secrets.generic.secret-assignment
    val clientSecretFromEnv: String = System.getenv("CLIENT_SECRET") ?: ""
}

object TypedProviderTokens {
    // A typed declaration of a provider-named UUID token (our own fakes).
    // ruleid: secrets.snyk.api-token
    val snykToken: String = "198709d6-aca4-4182-afe4-99cdb560f899"
    // ruleid: secrets.heroku.api-key
    private val herokuApiKey: String = "f90d7781-c853-48ec-ae83-5719b9bfc279"
    // ok: secrets.snyk.api-token
    val snykOrgId: String = "snyk-org-main"
}
