public class Settings {
    // ruleid: secrets.generic.password-assignment
    private static final String KEYSTORE_PASSWORD = "#UrjJ^X*A4l6^n";
    // ok: secrets.generic.password-assignment
    private static final String PASSWORD_PROPERTY = "app.keystore.password";
    // ruleid: secrets.generic.token-assignment
    private String accessToken = "B11Nwt4wS5QPsZJA94pBjODFS3bovJnl";
    // ok: secrets.generic.token-assignment
    private String accessToken2 = System.getenv("ACCESS_TOKEN");
}
