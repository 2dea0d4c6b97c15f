const { ethers } = require('ethers');
// ruleid: secrets.crypto.private-key-hex
const wallet = new ethers.Wallet('0xb824caf3ec3d4efac0f6b8bec14ebb81dbcaa4574afd8fa904b460c19a8486c3', provider);
// ok: secrets.crypto.private-key-hex
const other = new ethers.Wallet(process.env.SIGNER_KEY, provider);
// A transaction hash is 32 bytes of hex too, but no key constructor takes it.
// ok: secrets.crypto.private-key-hex
const receipt = await provider.getTransactionReceipt('0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060');
