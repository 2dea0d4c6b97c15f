const axios = require('axios');

const config = {
  // ruleid: secrets.generic.password-assignment
  password: 'C_jIwh8J_TV7%a',
  // ok: secrets.generic.password-assignment
  passwordEnv: process.env.DB_PASSWORD,
  // ok: secrets.generic.password-assignment
  password: `${process.env.DB_PASSWORD}`,
  // ruleid: secrets.generic.token-assignment
  authToken: "tlDd5g9sd4AhAyCrbHvQaUSWNf9SdPuT",
  // ok: secrets.generic.token-assignment
  tokenHeader: 'Authorization',
};

async function fetchProfile() {
  // ruleid: secrets.generic.bearer-token
  const res = await axios.get('https://api.acme.io/me', { headers: { Authorization: 'Bearer 7PdJjW9u95.fAnaFzrh1St1StZ-q0rEbQ6HLXwR3' } });
  // ok: secrets.generic.bearer-token
  const res2 = await axios.get('https://api.acme.io/me', { headers: { Authorization: `Bearer ${config.authToken}` } });
  return [res, res2];
}

// ruleid: secrets.generic.basic-auth-header
const basic = 'Basic YWRtaW46dUhnZGJlcEI9TiExcTBfcQ==';
// ok: secrets.generic.basic-auth-header
const notBasic = 'Basic anVzdC1hLWxhYmVsLWhlcmU=';
// ruleid: secrets.generic.url-credentials
const feed = 'https://reporter:ouEQZJEHUYh0#g@feeds.acme.io/v2/events';
// ok: secrets.generic.url-credentials
const docs = 'https://user:password@example.com/path';
// ok: secrets.generic.api-key-assignment
const apiKey = getApiKey();
// ok: secrets.generic.secret-assignment
const clientSecret = config.oauth.clientSecret;

module.exports = { fetchProfile, basic, notBasic, feed, docs, apiKey, clientSecret };
