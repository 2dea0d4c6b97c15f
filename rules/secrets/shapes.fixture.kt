// Context shapes: Kotlin declarations (issue 16).
// ruleid: secrets.generic.api-key-assignment
val apiKey = "2Z4enDQ8XtTb782f2mgEjUi4N3YCyt9p"
// ruleid: secrets.generic.token-assignment
private const val AUTH_TOKEN: String = "ZiUVB7b5S4MEUngYk4rerjySJe8HSN8f"
// ok: secrets.generic.token-assignment
val tokenPrefix: String = "Bearer"
// ruleid: secrets.generic.password-assignment
System.setProperty("db.password", "wmFkXcb9eLJyzi")
// An expression on the line below a `=` is code: only YAML (`key:`) puts a plain value there.
// ok: secrets.generic.token-assignment
val apiToken =
    Base64Decoder2024(rawTokenBytes)
// Spring `@Value` defaults (issue 16): the value after `:` inside `${...}` is used when the property is unset.
class PaymentsClient(
    // ruleid: secrets.generic.token-assignment
    @Value("\${payments.api-token:Qz7vR2mX8pL4tK9wB3nF6hJ1}") val apiToken: String,
    // ok: secrets.generic.token-assignment
    @Value("\${payments.api-token:}") val unsetToken: String,
    // ruleid: secrets.generic.password-assignment
    @Value("\${db.password:s3cr3tDefault}") val dbPassword: String,
    // ok: secrets.generic.password-assignment
    @Value("\${db.password:changeme}") val placeholderPassword: String,
)
