// Known gaps of the secrets pack, kept as fixtures so a fix shows up as "todoruleid now passes".

// A value on the line after its secret-named variable: generic rules need the name and value on one line.
const apiToken =
  // todoruleid: secrets.generic.token-assignment
  "6bAh9ankaW6P5amLA0nKaky12Ie2NTMQGCyGTRUh";

// A PEM key split across concatenated string literals.
const pem =
  // todoruleid: secrets.key.rsa-private
  "-----BEGIN RSA PRIVATE KEY-----\n" +
  "W5kIvJotTlF2/NRGoqIjTMUz0HLtE6o/ymzssr3zaKtY9ckOfO+Yec9dmqjy6Z6+\n" +
  "LyZm+GYy/h/gkGf/uJJPM860NpaL5Ng5GCdY5ULPObHJqUwcDMRWo6r7BguLHATz\n" +
  "-----END RSA PRIVATE KEY-----\n";

module.exports = { apiToken, pem };
