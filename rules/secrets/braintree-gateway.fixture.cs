using Braintree;

public static class Payments
{
    // ruleid: secrets.braintree.gateway-private-key
    public static readonly BraintreeGateway Gateway = new BraintreeGateway(Braintree.Environment.PRODUCTION, "lcv1n9avghxr1pxb", "79aadgas0518fmsa", "f9ca81da961448ac2d058f42d61866c8");

    // ok: secrets.braintree.gateway-private-key
    public static readonly BraintreeGateway FromConfig = new BraintreeGateway(Braintree.Environment.PRODUCTION, Config.MerchantId, Config.PublicKey, Config.PrivateKey);
}
