// Context shapes: Scala map entries (`"key" -> "value"`) (issue 16).
object KafkaSettings {
  val props = Map(
    "bootstrap.servers" -> "broker-1.internal:9092",
    // ruleid: secrets.generic.password-assignment
    "sasl.password" -> "vW3nR8kLq2ZtX7pM5bJd",
    // ruleid: secrets.generic.api-key-assignment
    "api_key" -> "Z8mXq3RtV6nLp2WkB9cHd4Js",
    // ok: secrets.generic.password-assignment
    "sasl.password" -> sys.env("KAFKA_PASSWORD"),
  )
  // ok: secrets.generic.password-assignment
  val pairs = passwordHash -> "Hx4Tq9LmZ2vB7nKw5RcP8sYd"
}
