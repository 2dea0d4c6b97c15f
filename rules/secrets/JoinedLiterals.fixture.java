// Tokens split over string literals that the code joins (issue 16). Fake values in the providers' formats.
package com.example.billing;

public final class JoinedLiterals {
    // ruleid: secrets.stripe.live-secret-key
    static final String STRIPE_KEY = "sk_live_1FofQeE9InkZ" + "ymJohk50Jf2E";

    static final String GITHUB_TOKEN = String.join("",
        // ruleid: secrets.github.fine-grained-pat
        "github_pat_p1GJkp0o1Jq73zJ9DUSJHO_vLQxyrzSa2hbIqcER0",
        "8lwNtxCYY72WPmWWbC91kEa6dg0Y0V0YLglJ8D7bR");

    // ok: secrets.stripe.live-secret-key
    static final String PREFIX = "sk_live_" + System.getenv("STRIPE_SUFFIX");
}
