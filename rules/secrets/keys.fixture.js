// A key inlined with escaped newlines, as often pasted into config objects.
const signer = {
  // ruleid: secrets.key.ec-private
  privateKey: "-----BEGIN EC PRIVATE KEY-----\nZl9HGH7pJWtxuIa46j9SaSKz3FH0RFSh1N731pzjHYQsYsFsuXm3boPj+0qlc6t2\n1KlO9SsXXrddfX7SgKJ/24Lu8vOJLzIvnvgCaQIev6V3DQYvkio3R2S/jZPj2ljF\nJaTpHKT+awXnYGdbREK/tO8oyE1FxsFkXwGZERUCxCVcO3WB0+Fb8KbPzJ7cF6Wx\n-----END EC PRIVATE KEY-----",
  // ok: secrets.key.ec-private
  publicKey: process.env.SIGNER_PUBLIC_KEY,
};
module.exports = signer;
