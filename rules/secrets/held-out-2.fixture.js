// Shapes of the false positives found by the second held-out study (docs/accuracy.md), with values of our own.
function lex(state, ch) {
  // A lexer's token kinds are names, whatever punctuation marks them.
  // ok: secrets.generic.token-assignment
  state.previousToken = '?SubstitutionInTemplate';
  // ok: secrets.generic.token-assignment
  state.lastToken = '#PrivateNameInClassBody';
  // ruleid: secrets.generic.token-assignment
  state.sessionToken = '?k7Qz2Lm9Xv4Rp8Tw3Ny6';
  return ch;
}

const client = connect({
  // A name describing the value to put there, in camelCase.
  // ok: secrets.generic.api-key-assignment
  auth: { apiKey: 'hex32EncodedApiKey' },
  // ok: secrets.generic.secret-assignment
  clientSecret: 'base32ClientSecret',
  // ruleid: secrets.generic.api-key-assignment
  backupAuth: { apiKey: 'qZ4vLw8Tn2Rk6Xp9Md3Hs7' },
});

// The SHA-1, SHA-256 and MD5 of empty input are constants every hashing library knows, not secrets.
// ok: secrets.generic.token-assignment
grant.refresh_token.signature = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
// ok: secrets.generic.secret-assignment
const signingSecret = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
// ruleid: secrets.generic.token-assignment
grant.id_token.signature = '5c1f0e8a9b3d7c2e4f6a8b0c1d3e5f7a9b2c4d6e';

module.exports = { lex, client, signingSecret };
