// ruleid: secrets.stripe.test-secret-key
const STRIPE_SECRET_KEY = "sk_test_yTRAfkOoxFwiWiKRJDsWeaAk6nmGSLkGpHozIAAtonFG4MT34";
// ok: secrets.stripe.test-secret-key
const STRIPE_SECRET_KEY = "sk_test_yTRAfkOoxFwixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ruleid: secrets.square.legacy-access-token
const SQUARE_ACCESS_TOKEN = "sq0atp-dklhCsEDDYu_ISUB4F41zo";
// ok: secrets.square.legacy-access-token
const SQUARE_ACCESS_TOKEN = "sq0atp-dklhxxxxxxx_xxxxxxxxxx";
// ok: secrets.square.legacy-access-token
const VALUE = "sq0atp-dklhCsEDDYu_ISUB4";
// ruleid: secrets.braintree.sandbox-access-token
const BRAINTREE_ACCESS_TOKEN = "access_token$sandbox$rpkvgw2dgq0du75x$14c9937a0867edfef911982723190ef9";
// ok: secrets.braintree.sandbox-access-token
const BRAINTREE_ACCESS_TOKEN = "access_token$sandbox$rpkvxxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.braintree.sandbox-access-token
const VALUE = "access_token$sandbox$rpkvgw2dgq0du75x$14c9937a0867edfef9119827231";
// ruleid: secrets.plaid.secret
const PLAID_SECRET = "9a825ee6879c8e5885344f0f4b7676";
// ok: secrets.plaid.secret
const PLAID_SECRET = "9a825ee6879xxxxxxxxxxxxxxxxxxx";
// ok: secrets.plaid.secret
const VALUE = "9a825ee6879c8e5885344f0f4";
// ruleid: secrets.shippo.live-token
const SHIPPO_API_TOKEN = "shippo_live_fa29d3b98a3e8a5cc2ccd21776506f8ac2edf621";
// ok: secrets.shippo.live-token
const SHIPPO_API_TOKEN = "shippo_live_fa29d3bxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.shippo.live-token
const VALUE = "shippo_live_fa29d3b98a3e8a5cc2ccd21776506f8ac2e";
// ruleid: secrets.easypost.test-api-key
const EASYPOST_API_KEY = "EZTKASiwpYh2yD8bc0ZuP1700HjGq04iy9Ilnj2xFJDDqAoUI1hhKN9Y59";
// ok: secrets.easypost.test-api-key
const EASYPOST_API_KEY = "EZTKASiwpYh2yD8bc0ZuPxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.easypost.test-api-key
const VALUE = "EZTKASiwpYh2yD8bc0ZuP1700HjGq04iy9Ilnj2xFJDDqAoUI1hhK";
// ruleid: secrets.duffel.live-token
const DUFFEL_ACCESS_TOKEN = "duffel_live_W0FqO6-yCMCpwISfAZ0Y2JsmVwmwT606gKLB4D=QGyU";
// ok: secrets.duffel.live-token
const DUFFEL_ACCESS_TOKEN = "duffel_live_W0FqO6-yxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=xxxx";
// ok: secrets.duffel.live-token
const VALUE = "duffel_live_W0FqO6-yCMCpwISfAZ0Y2JsmVwmwT606gKLB4D";
