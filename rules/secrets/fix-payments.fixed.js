const stripe = require('stripe');

// ruleid: secrets.stripe.live-secret-key
const client = stripe(process.env.STRIPE_SECRET_KEY);
// ruleid: secrets.slack.webhook-url
const alerts = { webhook: process.env.SLACK_WEBHOOK_URL };
// ruleid: secrets.generic.password-assignment
const dbPassword = process.env.DB_PASSWORD;

module.exports = { client, alerts, dbPassword };
