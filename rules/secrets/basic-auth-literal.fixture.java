// A user:password literal encoded for a Basic header (issue 16).
class CarrierClient {
    // ruleid: secrets.generic.basic-auth-literal
    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("carrier-api:Wq5Zr8Kt2Lm7Vx4N".getBytes(StandardCharsets.UTF_8));
    // ok: secrets.generic.basic-auth-literal
    private static final String LABEL = Base64.getEncoder().encodeToString("status:pending".getBytes());
}
