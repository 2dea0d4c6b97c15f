// Shapes a recall study on real fixed leaks missed (docs/accuracy.md); values are our own fakes.
const options = {
  // ruleid: secrets.generic.api-key-assignment
  apiKey: '4f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8',
  // ok: secrets.generic.api-key-assignment
  apiKeyId: '4f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8',
  // ruleid: secrets.generic.password-assignment
  mail_pass: 'Wd3^pLx8Rk2qZn',
  // ok: secrets.generic.password-assignment
  mail_pass: process.env.MAIL_PASS,
};
module.exports = options;
// ruleid: secrets.generic.token-assignment
const relayToken = '47cb11caf27a32370c131c4875077334';
// ok: secrets.generic.token-assignment
const relayToken2 = 'abababababababababababababababab';
