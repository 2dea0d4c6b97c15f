// The same formats in code.
export const config = {
  turnstile: {
    // ruleid: secrets.cloudflare.turnstile-secret
    turnstileSecret: '0x4AAAAAAAiQS3YbhVtqSpUFg5KufQh5',
  },
  // ruleid: secrets.woocommerce.api-key
  wooKey: 'ck_c06fd2f94ac0bca6a6879dec16d8a2cd2f5181ce',
  // ruleid: secrets.neon.api-key
  neonKey: 'napi_2i0veuek3fy206bpbuyrd7ejsd6m96546oae9k5in7kypibne3hrv5s2o5mfr4yq',
  // ruleid: secrets.elevenlabs.api-key
  voices: { apiKey: 'sk_02b533deb96d3cce57833cd5b165a233a66f80f2e3ef3202' },
  // Stripe's secret keys are sk_live_ / sk_test_, not 48 hex digits.
  // ok: secrets.elevenlabs.api-key
  docsLink: 'sk_reference_guide',
};
