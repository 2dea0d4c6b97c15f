// Held out 10 (issue 16): public chain addresses under token names are not secrets.
const chains = {
  56: {
    // An ERC-20 contract's address: `0x` and 40 hex digits, public by design.
    // ok: secrets.generic.token-assignment
    collateralToken: '0x7a3F9c1E5b2D8a4C6e0B1f3A5c7E9b2D4f6A8c0E',
    // A name that says address: a StarkNet contract address (63 hex digits) is public too.
    // ok: secrets.generic.token-assignment
    l2_token_address: '0x6f3a7b3c4e5d6a1f0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7',
    // A private key's shape (64 hex digits) under a token name is still reported.
    // ruleid: secrets.generic.token-assignment
    signerToken: '0x4f1c9a7e3b5d2f8a6c0e4b2d9f7a1c3e5b8d0f2a4c6e9b1d3f5a7c2e4b6d8f0a',
  },
};
// A block named for development values: reported, lowered to low (see secrets-findings.test.ts).
var DEV_CREDENTIALS = {
  // ruleid: secrets.generic.secret-assignment
  currentSigningKey: "sig_Wq4Zr8Tn2Vb6Xm1Kp9Hd3Jf7Lc5",
};
module.exports = { chains, DEV_CREDENTIALS };
