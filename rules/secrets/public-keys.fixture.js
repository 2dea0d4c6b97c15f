// Publishable and public keys are meant to ship to browsers; they are not reported.
// ok: secrets.stripe.live-secret-key
const stripePublishable = "pk_live_95Jmuj6H5V22bCgf2IYDQGCQ";
// ok: secrets.mapbox.secret-token
const mapboxPublic = "pk.eyJ1IjoiYWNtZSIsImEiOiJNgI87KTNWqOsFbhGvXSS.w8Ja6gRmDo5SEryImDSX1x";
// A test-mode secret key is still reported, at low severity.
// ruleid: secrets.stripe.test-secret-key
const stripeTest = "sk_test_bHUjS8G79YjsHucp6B2sZwLM";
module.exports = { stripePublishable, mapboxPublic, stripeTest };
