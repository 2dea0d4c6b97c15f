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
// A download link's token is part of a shareable URL, and a decimal number is not hex.
const links = {
  // ok: secrets.generic.token-assignment
  imageUrl: 'https://files.example.net/o/img%2Ftopic.svg?alt=media&token=506fa1b0-617a-4c2e-9d8b-3e1f0a2b4c6d',
  // ok: secrets.generic.token-assignment
  token: '46235703925185836960484608024734446969378108670784413458211837874003718039438',
};
module.exports.links = links;
