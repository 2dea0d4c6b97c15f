/**
 * Credentials published as examples by the vendor or standard that defines them: AWS's documented key pair, RFC
 * examples, MinIO's public play server, Google's TOTP example... Anyone can read them, so a finding of one is lowered
 * to low with the reason, never hidden: a server that accepts such a value accepts it from anyone. This is the one
 * list of them (with the published JWT signing keys below); a rule's allowlist must not hide one.
 */

/** One published value and where it is published (shown in the finding's message). */
export interface PublishedExample {
  value: string;
  source: string;
}

/**
 * The published values. Basic-auth examples are given decoded (`user:password`): a finding's value is also looked up
 * after base64 decoding, as `Authorization: Basic` headers carry it.
 */
export const PUBLISHED_EXAMPLES: readonly PublishedExample[] = [
  { value: 'AKIAIOSFODNN7EXAMPLE', source: "AWS documentation's example access key ID" },
  { value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', source: "AWS documentation's example secret access key" },
  { value: 'Q3AM3UQ867SPQQA43P2F', source: "MinIO's public play server (play.min.io) access key, shipped in its clients" },
  { value: 'zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG', source: "MinIO's public play server (play.min.io) secret key, shipped in its clients" },
  {
    value: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
    source: "the Azurite / Azure Storage emulator's documented account key (devstoreaccount1)",
  },
  { value: 'JBSWY3DPEHPK3PXP', source: "Google Authenticator's key URI format example TOTP secret" },
  { value: 'Aladdin:open sesame', source: 'the Basic authentication example of RFC 7617 (and RFC 2617)' },
  { value: 's6BhdRkqt3:gX1fBat3bV', source: "OAuth 2.0's client credentials example (RFC 6749, client s6BhdRkqt3)" },
  { value: '7Fjfp0ZBr1KtDRbnfVdmIw', source: "OAuth 2.0's client secret example (RFC 6749, client s6BhdRkqt3)" },
  { value: '2YotnFZFEjr1zCsicMWpAA', source: "OAuth 2.0's access token example (RFC 6749)" },
  { value: 'tGzv3JOkF0XG5Qx2TlKWIA', source: "OAuth 2.0's refresh token example (RFC 6749)" },
  { value: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw', source: "X (Twitter)'s OAuth 1.0a signing example consumer secret" },
  { value: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE', source: "X (Twitter)'s OAuth 1.0a signing example token secret" },
  { value: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb', source: "X (Twitter)'s OAuth 1.0a signing example access token" },
  { value: 'sk_test_BQokikJOvBiI2HlWgH4olfQ2', source: "Stripe API reference's sample test key" },
  { value: 'sk_test_4eC39HqLyjWDarjtT1zdp7dc', source: "Stripe documentation's sample test key (its code samples and quickstarts)" },
  { value: '6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe', source: "Google reCAPTCHA's documented test secret key (every verification passes)" },
  { value: 'test_dHar4XY7LxsDOtmnkVtjNVWXLSlXsM', source: "the example test-mode API key of Mollie's own API reference and SDK examples" },
  { value: '6bec40cf957de430a6f1f2baa056b99a4fac9ea0', source: "Cisco DevNet's always-on Meraki sandbox read-only API key, in Meraki's own example code" },
  { value: '093b24e85df15a3e66f1fc359f4c48493eaa1b73', source: "the example Meraki API key of Meraki's own SDK examples (dashboard-api-python)" },
  { value: '66839003d2861bc302b292eb66d3b247709f2d0d', source: "the example Meraki API key of Meraki's own SDK examples (dashboard-api-python)" },
];

/**
 * HMAC keys anyone knows: jwt.io's defaults (what its debugger signs with until the key is changed), and the trivial
 * words and digit runs tutorials and development setups use. A JWT that verifies with one is lowered
 * (`jwtSignedWithPublishedKey` in `validators.ts`).
 */
export const PUBLISHED_JWT_KEYS: readonly string[] = ['your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'secret', 'key', 'password', 'test', 'changeme', 'jwt', '12345', '123456', '1234567890'];

const BY_VALUE = new Map(PUBLISHED_EXAMPLES.map((e) => [e.value, e.source]));

/**
 * Where `secret` is published as an example, or undefined. Also looks the value up base64-decoded, as a Basic
 * credential carries its `user:password`.
 */
export function publishedExampleSource(secret: string): string | undefined {
  const direct = BY_VALUE.get(secret);
  if (direct !== undefined) return direct;
  if (secret.length < 16 || secret.length > 400 || !/^[A-Za-z0-9+/]+={0,2}$/.test(secret)) return undefined;
  const text = Buffer.from(secret, 'base64').toString('latin1');
  if (!/^[\x20-\x7e]+$/.test(text)) return undefined;
  return BY_VALUE.get(text);
}
