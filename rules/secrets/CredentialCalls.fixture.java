// Literal passwords passed to calls that take credentials (issue 16). Values are our own fakes.
package example.mail;

import java.sql.Connection;
import java.sql.DriverManager;
import javax.mail.PasswordAuthentication;
import okhttp3.Credentials;

class CredentialCalls {
  Connection open(String url) throws Exception {
    // ruleid: secrets.generic.credential-call-third-argument
    return DriverManager.getConnection(url, "billing", "Jd8!qw2Lx");
  }

  Connection openFromEnv(String url) throws Exception {
    // ok: secrets.generic.credential-call-third-argument
    return DriverManager.getConnection(url, "billing", System.getenv("DB_PASSWORD"));
  }

  Connection openWrapped() throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://reports-db:5432/reports",
        "reporting",
        "Tq6#vWm3Rz");  // ruleid: secrets.generic.credential-call-third-argument
  }

  Connection openWrappedFromEnv() throws Exception {
    return DriverManager.getConnection(
        "jdbc:postgresql://reports-db:5432/reports",
        "reporting",
        System.getenv("REPORTS_DB_PASSWORD"));  // ok: secrets.generic.credential-call-third-argument
  }

  PasswordAuthentication mail() {
    // ruleid: secrets.generic.credential-call-second-argument
    return new PasswordAuthentication("notifier", "Mn4!tz8Pq".toCharArray());
  }

  String header() {
    // ruleid: secrets.generic.credential-call-second-argument
    return Credentials.basic("mobile", "Ok7vRq2Lz");
  }
}
