// A key inlined with escaped newlines, as often pasted into config objects.
const signer = {
  // ruleid: secrets.key.ec-private
  privateKey: "-----BEGIN EC PRIVATE KEY-----\nMreAXZ1EOMcWGKNkgwzt8EeI5Hv37w2XGp8BTCho/7LkOgQDcx/etqgRmvfnJDDm\nr4hmUwudL6NObgEm++18CtkE7G+yAptZLC8tfULyDvwNFEx5CSFsPLVYLi70rSXt\nAPI4NpXqT7FbSNJwu+KpWS/pgmc6j1ndUUl9uwIi9HinNKM+TpG29aXJ8QnlO7/Q\n-----END EC PRIVATE KEY-----",
  // ok: secrets.key.ec-private
  publicKey: process.env.SIGNER_PUBLIC_KEY,
};
module.exports = signer;
