// Literal passwords passed to calls that take credentials, in Kotlin (issue 16). Values are our own fakes.
import java.sql.DriverManager
import okhttp3.Credentials

// ruleid: secrets.generic.credential-call-third-argument
val connection = DriverManager.getConnection(jdbcUrl, "etl", "Kt7!wq3Zp")
// ok: secrets.generic.credential-call-third-argument
val fromEnv = DriverManager.getConnection(jdbcUrl, "etl", System.getenv("DB_PASSWORD"))
// ruleid: secrets.generic.credential-call-second-argument
val basic = Credentials.basic("svc-mobile", "Hv2!pq8Lr")
