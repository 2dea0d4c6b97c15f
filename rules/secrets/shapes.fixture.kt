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
// A map entry built with `to` (`mapOf("sasl.password" to "…")`): the quoted key names the value.
val kafkaProps = mapOf(
    "bootstrap.servers" to "broker-1.internal:9092",
    // ruleid: secrets.generic.password-assignment
    "sasl.password" to "vW3nR8kLq2ZtX7pM5bJd",
    // ruleid: secrets.generic.secret-assignment
    "client_secret" to "Hx4Tq9LmZ2vB7nKw5RcP8sYd",
    // ok: secrets.generic.password-assignment
    "sasl.password" to System.getenv("KAFKA_PASSWORD"),
    // ok: secrets.generic.token-assignment
    "token.endpoint" to "https://auth.internal/oauth2/token",
)
// An unquoted name before `to` is a value, not a key (`for (password in 1 until 9)`, `passwordLength to 8`).
// ok: secrets.generic.password-assignment
val range = passwordHash to "Hx4Tq9LmZ2vB7nKw5RcP8sYd"
