const stripe = require('stripe');

// ruleid: secrets.stripe.live-secret-key
const client = stripe('sk_live_c3j27xdcg2lMLzgeonyLGcTJFiz4soCmZ9');
// ruleid: secrets.slack.webhook-url
const alerts = { webhook: "https://hooks.slack.com/services/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" };
// ruleid: secrets.generic.password-assignment
const dbPassword = "mCaXyMFSb4hBqlx1#c";

module.exports = { client, alerts, dbPassword };
