// Shapes of the false positives found by the ninth held-out study (docs/accuracy.md), with code of our own.
bool load(Context* ctx, BIO* bio) {
  // A call from the global namespace, not a value.
  // ok: secrets.generic.secret-assignment
  ctx->evp_private_key.p = ::d2i_PrivateKey_bio(bio, 0);
  // A double negation making a boolean.
  // ok: secrets.generic.secret-assignment
  ctx->extended_master_secret = !!extended_master_secret;
  switch (next().type) {
    // A case label of a scoped enum.
    // ok: secrets.generic.token-assignment
    case Token::QuotedString:
      return true;
  }
  // A constant's name after a parameter-name comment.
  // ok: secrets.generic.secret-assignment
  derive(ctx, /*private_key_len=*/X25519_PRIVATE_KEY_LEN, 0);
  // A constant's name with digits.
  // ok: secrets.generic.secret-assignment
  ctx->shared_secret_len = X25519_SHARED_KEY_LEN;
  // A literal keeps being found.
  // ruleid: secrets.generic.secret-assignment
  ctx->client_secret = "q8Zr2LmX4vT7nW1pK9sB3dF6";
  return false;
}
