const axios = require('axios');

const config = {
  // ruleid: secrets.generic.password-assignment
  password: 'FKbYWELkTIU2#p',
  // ok: secrets.generic.password-assignment
  passwordEnv: process.env.DB_PASSWORD,
  // ok: secrets.generic.password-assignment
  password: `${process.env.DB_PASSWORD}`,
  // ruleid: secrets.generic.token-assignment
  authToken: "CbMReXLIyRxyUVm7VBPFTr2UGMrk4xPz",
  // ok: secrets.generic.token-assignment
  tokenHeader: 'Authorization',
  // Event names and URNs are identifiers, not credentials.
  // ok: secrets.generic.token-assignment
  ACQUIRE_TOKEN_START: "auth:acquireTokenStart",
  // ok: secrets.generic.token-assignment
  TOKEN_GRANT_TYPE: "urn:ietf:params:oauth:grant-type:jwt-bearer",
  // A WebDAV lock token is a UUID in URN form (RFC 4122): an identifier the server hands out, not a credential.
  // ok: secrets.generic.token-assignment
  lockToken: 'urn:uuid:6f1c2a9e-3b7d-4e85-a0c4-92d17b5e8f30',
  // ok: secrets.generic.secret-assignment
  secretsFile: "config/secrets/production.yml",
  // ok: secrets.generic.url-credentials
  docsUrl: 'https://abc:123@example.com/',
  // "p@ss" percent-encoded: a stand-in, not a password.
  // ok: secrets.generic.url-credentials
  proxyUrl: 'http://proxyuser:p%40ss@proxy:3128',
  // ok: secrets.generic.url-credentials
  demoDsn: 'mssql+pyodbc://scott:tiger%237@sqlhost:1433/demo',
};

// A quoted value alone on the line after its name is still an assignment (two-line window).
const refreshToken =
  "D4YTxtqNMALrRxJVdEutUpwu29If6IbR"; // ruleid: secrets.generic.token-assignment
const tokenLabel =
  "Refresh token"; // ok: secrets.generic.token-assignment

async function fetchProfile() {
  // ruleid: secrets.generic.bearer-token
  const res = await axios.get('https://api.acme.io/me', { headers: { Authorization: 'Bearer Z248nT8cMzh2uvSxXArntATEn6lCuBr-LT9U2.o8' } });
  // ok: secrets.generic.bearer-token
  const res2 = await axios.get('https://api.acme.io/me', { headers: { Authorization: `Bearer ${config.authToken}` } });
  return [res, res2];
}

// ruleid: secrets.generic.basic-auth-header
const basic = 'Basic YWRtaW46ITlxYXd3QU53czNFPTQjdg==';
// ok: secrets.generic.basic-auth-header
const notBasic = 'Basic anVzdC1hLWxhYmVsLWhlcmU=';
// A personal access token sent with an empty user (Azure DevOps, `:` + PAT).
// ruleid: secrets.generic.basic-auth-header
const adoHeaders = { Authorization: 'Basic Om9jaWl4aXF2MGs2OHJwcXV0Ymowc2tvd2ozODl2bWRiamF0a3g4b2dlbm53b3kzZTczZWo=' };
// ok: secrets.generic.basic-auth-header
const shortEmptyUser = 'Basic OnNob3J0';
// ok: secrets.generic.basic-auth-header
const placeholderPat = 'Basic OmNoYW5nZW1lLXRva2VuLXZhbHVlLWhlcmU=';
// ruleid: secrets.generic.url-credentials
const feed = 'https://reporter:mMA=krFEMQ%3+j@feeds.acme.io/v2/events';
// ok: secrets.generic.url-credentials
const docs = 'https://user:password@example.com/path';
// ok: secrets.generic.api-key-assignment
const apiKey = getApiKey();
// ok: secrets.generic.secret-assignment
const clientSecret = config.oauth.clientSecret;

// A human-chosen password of words and punctuation is still a password under a plain name.
// ruleid: secrets.generic.password-assignment
const adminPassword = 'Summer-Time!';
// ok: secrets.generic.password-assignment
const passwordHelpText = 'Choose-a-password!';

// A literal fallback after an environment read is used whenever the variable is unset: it is the secret.
// ruleid: secrets.generic.secret-assignment
const jwtSecret = process.env.JWT_SECRET || 'Hq4Tn8Vw2Ks6Zp9Lb3Xd7Rf1';
// ruleid: secrets.generic.token-assignment
const botToken = process.env['BOT_TOKEN'] ?? 'Wm5Rk9Tz3Qv7Nb1Xc6Hd2Lp8Fs4Gj0Ya';
// ruleid: secrets.generic.password-assignment
const dbPassword = import.meta.env.VITE_DB_PASSWORD || 'Kx7-Lp2!Wq9v';
// ok: secrets.generic.secret-assignment
const cookieSecret = process.env.COOKIE_SECRET || process.env.SESSION_SECRET;
// ok: secrets.generic.token-assignment
const slackToken = process.env.SLACK_TOKEN || '';

module.exports = { jwtSecret, botToken, dbPassword, cookieSecret, slackToken, adminPassword, passwordHelpText, fetchProfile, basic, notBasic, feed, docs, apiKey, clientSecret, refreshToken, tokenLabel };
// A token whose last part is a placeholder in angle brackets (`<signature>`): documentation of the shape.
const documentedResponse = {
  // ok: secrets.generic.token-assignment
  access_token: "eyJhbGciOiJSUzI1NiIsImtpZCI6InBhcnRuZXItMjAyNC0wOSJ9.eyJzdWIiOiJwYXJ0bmVyLWFjbWUifQ.<signature>",
  // ok: secrets.generic.token-assignment
  refresh_token: "rt_8Qm2Zk7Vx4Lp9Wn3<rest-of-token>",
};
// An API key as the Basic user, with an empty password.
// ruleid: secrets.generic.basic-auth-header
const keyAsUser = { headers: { Authorization: 'Basic S3E4Wm1WM3hMcDdSdFcybkJjOVlkRjRoSnM2Rzo=' } };
