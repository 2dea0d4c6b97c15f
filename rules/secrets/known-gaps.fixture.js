// Known gaps of the secrets pack, kept as fixtures so a fix shows up as "todoruleid now passes".

// A PEM key split across concatenated string literals.
const pem =
  // todoruleid: secrets.key.rsa-private
  "-----BEGIN RSA PRIVATE KEY-----\n" +
  "2B10te0WBU0Q9bnYgNENmioW5kIvJotTlF2/NRGoqIjTMUz0HLtE6o/ymzssr3za\n" +
  "KtY9ckOfO+Yec9dmqjy6Z6+LyZm+GYy/h/gkGf/uJJPM860NpaL5Ng5GCdY5ULPO\n" +
  "-----END RSA PRIVATE KEY-----\n";

module.exports = { pem };
