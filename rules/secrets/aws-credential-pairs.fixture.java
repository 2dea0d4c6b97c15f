import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.auth.BasicSessionCredentials;

class S3Clients {
    // The secret after its access key ID, on the next line as formatters leave it.
    BasicAWSCredentials eu() {
        return new BasicAWSCredentials(
                // ruleid: secrets.aws.access-key-id
                "AKIAKRPBF63KS6ZTG75H",
                "xIlrRJexXVS9G5LPSUmx2UMz4V9uezKxj8bOZAWr"); // ruleid: secrets.aws.secret-access-key
    }

    BasicAWSCredentials us() {
        // ruleid: secrets.aws.access-key-id, secrets.aws.secret-access-key
        return new BasicAWSCredentials("AKIABDKNKYNJRNNH6SFA", "D2jUPlbw+y/N6gL62lgCR6sMtHjuqvIG7JEBl+VI");
    }

    BasicAWSCredentials fromEnv() {
        // ruleid: secrets.aws.access-key-id
        // ok: secrets.aws.secret-access-key
        return new BasicAWSCredentials("AKIAZAHOAN7MXABZVVCU", System.getenv("AWS_SECRET_ACCESS_KEY"));
    }

    String[] labels() {
        // A region after the ID is no secret.
        // ruleid: secrets.aws.access-key-id
        // ok: secrets.aws.secret-access-key
        return new String[] { "AKIAL2YDDFTSONZL2SY4", "eu-west-1" };
    }
}
