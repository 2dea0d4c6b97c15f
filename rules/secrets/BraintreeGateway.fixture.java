package com.example.billing;

import com.braintreegateway.BraintreeGateway;
import com.braintreegateway.Environment;

public class GatewayConfig {
    BraintreeGateway production() {
        // The merchant id, public key and private key as arguments, one per line.
        return new BraintreeGateway(
                Environment.PRODUCTION,
                "a0gd5973mn4vf63l",
                "t5w8fcjkh2lh1vn7",
                "502107f1ba755e78b43dd76f5ddaa3d3"); // ruleid: secrets.braintree.gateway-private-key
    }

    BraintreeGateway sandbox() {
        // ruleid: secrets.braintree.gateway-private-key
        return new BraintreeGateway(Environment.SANDBOX, "u7q3iruiadx9g970", "vygn9zdqxq6201tl", "8e5049c32e2ef57d518ff75e4b416a24");
    }

    BraintreeGateway fromEnvironment() {
        // ok: secrets.braintree.gateway-private-key
        return new BraintreeGateway(Environment.PRODUCTION, System.getenv("BT_MERCHANT_ID"), System.getenv("BT_PUBLIC_KEY"), System.getenv("BT_PRIVATE_KEY"));
    }

    BraintreeGateway fromAccessToken() {
        // ok: secrets.braintree.gateway-private-key
        return new BraintreeGateway(System.getenv("BRAINTREE_ACCESS_TOKEN"));
    }
}
