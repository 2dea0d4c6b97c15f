// PEM private keys inside string literals, with no keyword naming them (issue 16).
const escaped = {
  // ruleid: secrets.key.rsa-private
  key: "-----BEGIN RSA PRIVATE KEY-----\r\newT57GR3IbQ4EYfKzWzpaGBRN/p5UsROBi82mK4fPfQOibpJd4WfOSZtnezIQ8V4\r\nOHcDvtTN2C7Df1XkqFNU0F+gpamqkQvUw3AL3zx0J5+kOpdPwDRduxtQxZ4L3ieR\r\n-----END RSA PRIVATE KEY-----\r\n",
};
const concatenated =
  // ruleid: secrets.key.rsa-private
  "-----BEGIN RSA PRIVATE KEY-----\n" +
  "olUsf1rtJwOerTkCB8XZuCrX7Vrm4NKIkmAQidoOF4Nb+2Ov/Fln/+7Us9HSHVGF\n" +
  "C7NcYPgTgve8w75rMxTtbjBl/7fq4jMnFhM7T+6npi8dbuImsgTQUyCdi9iWKu7h\n" +
  "-----END RSA PRIVATE KEY-----\n";
const noEscapes =
  // ruleid: secrets.key.pkcs8-private
  '-----BEGIN PRIVATE KEY-----' +
  'V9Bo+h7Q/ngZB5KX247Y5LXnPo2YTHPJtZh7FcLxgarUA9A647Efr8A4L3g9ELKR' +
  '/9rZPROBzbXc7LNq0hbyDvBcjnFfu0V05mYTCnO8QHW6Clhy6ZVI9ySH4o06jEfL' +
  '-----END PRIVATE KEY-----';
// ok: secrets.key.rsa-private
const truncated = "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----";
// ok: secrets.key.rsa-private
const header = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----";
module.exports = { escaped, concatenated, noEscapes, truncated, header };
