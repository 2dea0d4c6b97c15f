// Held out 11 (issue 16): a published sentinel under a secret-named constant.
// The signature a serialiser writes beside a secret value to mark it: published with the library.
// ok: secrets.generic.secret-assignment
exports.specialSecretSig = "9e4c1a7d3b8f2e6a0d5c9b1f7e3a8d2c";
// The same value under a name that holds a secret is reported.
// ruleid: secrets.generic.secret-assignment
exports.specialSecretKey = "9e4c1a7d3b8f2e6a0d5c9b1f7e3a8d2c";
