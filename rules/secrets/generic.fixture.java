public class Settings {
    // ruleid: secrets.generic.password-assignment
    private static final String KEYSTORE_PASSWORD = "COQXOm_p_eD8#g";
    // ok: secrets.generic.password-assignment
    private static final String PASSWORD_PROPERTY = "app.keystore.password";
    // ruleid: secrets.generic.token-assignment
    private String accessToken = "Q9Ml7mfz7VWGR6VEi7t7Dqt8gmPvDmWO";
    // ok: secrets.generic.token-assignment
    private String accessToken2 = System.getenv("ACCESS_TOKEN");
}
