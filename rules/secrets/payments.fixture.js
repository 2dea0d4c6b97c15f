// ruleid: secrets.stripe.live-secret-key
const STRIPE_SECRET_KEY = "sk_live_3sAZRkxEWJzRA9gpwYaIPmdg2Q";
// ok: secrets.stripe.live-secret-key
const STRIPE_SECRET_KEY = "sk_live_3sAZxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.stripe.live-secret-key
const VALUE = "sk_live_3sAZRkxEWJzRA9gpwYaIP";
// ruleid: secrets.stripe.webhook-secret
const STRIPE_WEBHOOK_SECRET = "whsec_RwmFx+HezTr2KrqKxsxKVepTBBgqvGOc/eHboBoB5LICIHmXhyF";
// ok: secrets.stripe.webhook-secret
const STRIPE_WEBHOOK_SECRET = "whsec_RwmFx+HezTr2Krxxxxxxxxxxxxxxxxxx/xxxxxxxxxxxxxxxxxx";
// ruleid: secrets.square.oauth-secret
const SQUARE_APPLICATION_SECRET = "sq0csp-JKedPQOIT2WrCVygwt2Gsoti-OYD637V1wmaT1hj4Ga";
// ok: secrets.square.oauth-secret
const SQUARE_APPLICATION_SECRET = "sq0csp-JKedPQOIT2Wxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxx";
// ok: secrets.square.oauth-secret
const VALUE = "sq0csp-JKedPQOIT2WrCVygwt2Gsoti-OYD637V1wmaT1";
// ruleid: secrets.paypal.client-secret
const PAYPAL_CLIENT_SECRET = "e-Qc2Vikkcv_n5ZioSsNARoPt1QV9Az0tVZkL922TIyCgSdQL87EMlLMqanrg1pcR4KUgdwKsaQknCwi";
// ok: secrets.paypal.client-secret
const PAYPAL_CLIENT_SECRET = "e-Qc2Vikkcv_n5ZioSsNARoPt1QVxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.paypal.client-secret
const VALUE = "e-Qc2Vikkcv_n5ZioSsNARoPt1QV9Az0tVZkL922TIyCgSdQL87EMlLMqanrg1pcR4KUgdwKsaQ";
// ruleid: secrets.flutterwave.secret-key
const FLW_SECRET_KEY = "FLWSECK-eb26eed4b0b704c8597e3e7b394b1192-X";
// ok: secrets.flutterwave.secret-key
const FLW_SECRET_KEY = "FLWSECK-eb26eedxxxxxxxxxxxxxxxxxxxxxxxxx-x";
// ok: secrets.flutterwave.secret-key
const VALUE = "FLWSECK-eb26eed4b0b704c8597e3e7b394b1";
// ruleid: secrets.shippo.test-token
const SHIPPO_API_TOKEN = "shippo_test_37f802aeab59a26ac202ec073c0ca6b893e00bde";
// ok: secrets.shippo.test-token
const SHIPPO_API_TOKEN = "shippo_test_37f802axxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.shippo.test-token
const VALUE = "shippo_test_37f802aeab59a26ac202ec073c0ca6b893e";
// ruleid: secrets.razorpay.key-secret
const RAZORPAY_KEY_SECRET = "vmB4q7NUMPKQOUUJoIqtSE0a";
// ok: secrets.razorpay.key-secret
const RAZORPAY_KEY_SECRET = "vmB4q7NUMxxxxxxxxxxxxxxx";
// ok: secrets.razorpay.key-secret
const VALUE = "vmB4q7NUMPKQOUUJoIq";
// ruleid: secrets.duffel.test-token
const DUFFEL_ACCESS_TOKEN = "duffel_test_vKwVZb82O2_-yPBjfmk=s1s1h=F9vF8tmQ17GWhAJDp";
// ok: secrets.duffel.test-token
const DUFFEL_ACCESS_TOKEN = "duffel_test_vKwVZb82xx_-xxxxxxx=xxxxx=xxxxxxxxxxxxxxxxx";
// ok: secrets.duffel.test-token
const VALUE = "duffel_test_vKwVZb82O2_-yPBjfmk=s1s1h=F9vF8tmQ17GW";
