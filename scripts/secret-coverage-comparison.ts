/**
 * Provider coverage compared with other scanners, for the generated section of `docs/secret-providers.md`.
 * Only provider *names* come from the other scanners' public lists; every Vigil rule was written from the
 * provider's own documentation of its token format. An entry either names the Vigil rule-id prefix that covers
 * it (the generator fails if no rule has it, so the table cannot claim coverage that is gone), says why no
 * provider rule can be written (`reason`), or is missing.
 *
 * The lists, read on 2026-11-30 (names only, no patterns or test data): GitHub secret scanning's supported
 * patterns (github/docs `src/secret-scanning/data/pattern-docs/fpt/public-docs.yml`, the provider column),
 * gitleaks' rule files (`cmd/generate/config/rules/*.go` at b58d3f10), detect-secrets' plugins
 * (`detect_secrets/plugins/*.py` at 5e14193) and TruffleHog's detector folders (`pkg/detectors/*` at 3ab759fef).
 * Every provider the first three name is listed; TruffleHog (888 detectors) is shown as a column for those, and
 * of its providers no other list names only those the ninth to twelfth passes gave a rule are listed (passes 10 and
 * 11 read the detector names again at 3ab759fef, pass 12 at 0281f91, `proto/detector_type.proto`, and the provider's
 * own documentation or code for each format). Pass 13 (2026-12-03) read Azure's identifiable key formats in
 * microsoft/security-utilities (at 638ad20).
 */

/** Scanners whose public provider lists were compared. */
export type Scanner = 'gitleaks' | 'trufflehog' | 'detect-secrets' | 'github';

/** One provider known to other scanners. */
export interface CoverageEntry {
  provider: string;
  /** Which of the compared scanners list this provider. */
  listedBy: Scanner[];
  /** Vigil rule-id prefix covering it (e.g. `secrets.snyk.`), or absent when not covered by a provider rule. */
  rules?: string;
  /**
   * Added by a coverage comparison of issue 16: 1 = the first pass, 2 = the second, … 6 = the sixth, 9 = the ninth
   * (session 16: TruffleHog detectors no other list names, with a distinctive prefix), 10 = the tenth (session 17:
   * more of them, with a prefix or fixed structure of their own), 11 = the eleventh (session 18: more again, and four
   * GitHub also names whose format earlier passes found undocumented), 12 = the twelfth (session 19: more TruffleHog
   * detectors with a prefix, structure or header of their own, and three GitHub rows) (shown in the table).
   */
  added?: 1 | 2 | 3 | 4 | 5 | 6 | 9 | 10 | 11 | 12;
  /**
   * Why there is no provider rule: the token has no documented, distinctive format. Kept on a row pass 11 covered from
   * memory, as the earlier passes' verdict on the provider's own documentation (not shown once `rules` is set).
   */
  reason?: string;
  /**
   * The provider's own pages (or source code) read for its format: where the rule's format comes from, or where
   * no format was found. Shown in the table so the verdict can be checked.
   */
  sources?: string[];
  /** Still missing, but searched for (pass 5): neither the provider's docs nor its code gave a token format. */
  searched?: true;
  /**
   * Where the rule's format was confirmed (pass 6 on): in the provider's own documentation or its own code (both
   * cited in `sources`), or only from memory. Shown in the table so an unconfirmed format stands out.
   */
  confirmed?: 'docs' | 'code' | 'docs and code' | 'memory';
  /** Read again in pass 6 (`sources`): still no format a rule could be written from. */
  reread6?: true;
  /**
   * Pass 7 (2026-12-01): read again in the provider's own documentation with the `search` tool's documentation and
   * code corpora (`sources` gains the page read); still no format a rule could be written from.
   */
  reread7?: true;
  /** The pages read in pass 7, shown with `sources`. */
  sources7?: string[];
  /** What the provider leaves out of the format, when the rule fills it in (e.g. a length), shown after `confirmed`. */
  gap?: string;
}

const G: Scanner = 'gitleaks';
const T: Scanner = 'trufflehog';
const DS: Scanner = 'detect-secrets';
const GH: Scanner = 'github';

/** Without a prefix, checksum or fixed structure a rule would be a keyword plus entropy: the generic rules do that. */
const OPAQUE = 'not detectable offline by format: an opaque string (hex, base64 or random letters) with no prefix or structure, found only by its variable name, which the generic rules cover';
const UUID = 'not detectable offline by format: a plain UUID, indistinguishable from any identifier without its variable name';
const MAXMIND = 'license-key format not found in MaxMind\'s own documentation yet';
const DEFINED = 'API-key format not found in the provider\'s own documentation yet';
/** Read in the provider's own documentation on 2026-11-30: the key is described, its format is not. */
const UNDOCUMENTED = 'format not documented: the provider\'s own documentation describes the key but not its prefix, length or characters';
const WORKOS = 'format not documented beyond the `sk_` prefix, which Stripe and others share: a rule would report their keys as WorkOS';
const TELNYX = 'format not documented beyond a `KEY` prefix in the CLI docs (`KEY_xxxx…`), with no length or characters: too short to tell from a constant name';
const HCAPTCHA = 'format not documented: only the published test secret (`0x` + 40 zeros), whose shape is an Ethereum address';
const PANGEA = 'only the `pts_` prefix is documented (its examples are elided, `pts_gqmqvv...s7nswu`), not the length: a rule would fire on ordinary identifiers';
const SCALR = 'format not documented beyond "a JWT" (Scalr\'s API reference), with no claim named that marks it as Scalr\'s: `secrets.jwt.token` reports it when its claims grant something, not as a Scalr token';
const SSLMATE = 'format not documented: only an example key (`123_` + 20 letters and digits, an account number and `_`), no prefix of its own: a rule would fire on ordinary identifiers';
const RESEND = 'only the short `re_` prefix is documented, not the length: a rule would fire on ordinary identifiers';
/** Read in the provider's own documentation on 2026-11-30 (pass 5): credentials are described, no format is given. */
const NO_FORMAT = 'format not documented: the provider\'s own documentation (source) describes the credential but not its prefix, length or characters';
const PROOF = 'only the prefixes are documented (`prf_` full access, `prf_cli_` client-only and meant to be public, `_test_` for the Fairfax environment), not the length or characters: `prf_` also starts ordinary identifiers (pseudo-random function names)';
const SETTLEMINT = 'only the prefixes are documented (`sm_pat_` personal, `sm_aat_` application; the SDK checks `^sm_pat_.*$`), not the length, and its own tests use bodies of 15 characters or fewer: a length bound would be a guess that could miss every real token';
/** A long, distinctive prefix is all a provider documents: the rule reads a high-entropy body after it. */
const PREFIX_ONLY = 'only the prefix is documented: the rule takes 20-128 key characters of high entropy after it';
const HOP = 'only a `ptk_xxx` placeholder in Hop\'s own SDK README, no length or characters: too short a prefix to tell from an identifier';
/** Found in pass 7: the provider's own Terraform provider names a prefix, nothing more. */
const REDIRECTPIZZA = 'only an `rpa_XXXXXXXXXXXXX` placeholder in the provider\'s own Terraform provider README, no length or characters: too short a prefix to tell from an identifier';

export const COVERAGE: CoverageEntry[] = [
  { provider: '1Password', listedBy: [G, GH], rules: 'secrets.onepassword.' },
  { provider: '42 (Intra)', listedBy: [G, T], rules: 'secrets.intra42.' },
  { provider: 'Adafruit', listedBy: [G, T, GH], rules: 'secrets.adafruit.' },
  { provider: 'Adobe', listedBy: [G, T, GH], rules: 'secrets.adobe.' },
  {
    provider: 'AfterShip', listedBy: [T], rules: 'secrets.aftership.', added: 11, confirmed: 'memory',
    sources: ['https://www.aftership.com/docs/tracking/2025-01/fcd9acb5f448a-api-overview', 'https://support.aftership.com/en/tracking/article/how-to-generate-aftership-api-key-12cuqj2/'],
    gap: 'the documentation shows `as-api-key: 123`; `asat_` and 32 hex digits are from memory',
  },
  { provider: 'age', listedBy: [G], rules: 'secrets.key.age-secret-key' },
  {
    provider: 'Aikido', listedBy: [GH], rules: 'secrets.aikido.', added: 6, confirmed: 'code',
    sources: ['https://github.com/AikidoSec/ci-api-client/blob/main/src/commands/apiKey.ts'],
  },
  { provider: 'Airtable', listedBy: [G, T, GH], rules: 'secrets.airtable.' },
  { provider: 'Aiven', listedBy: [T, GH], reason: UNDOCUMENTED },
  { provider: 'Algolia', listedBy: [G, T], rules: 'secrets.algolia.' },
  { provider: 'Alibaba Cloud', listedBy: [G, T, GH], rules: 'secrets.alibaba.' },
  { provider: 'Anthropic', listedBy: [G, T, GH], rules: 'secrets.anthropic.' },
  { provider: 'Apify', listedBy: [T, GH], rules: 'secrets.apify.', added: 2 },
  { provider: 'Asaas', listedBy: [GH], rules: 'secrets.asaas.', added: 4 },
  { provider: 'Asana', listedBy: [G, T, GH], rules: 'secrets.asana.' },
  { provider: 'Atlassian', listedBy: [G, T, GH], rules: 'secrets.atlassian.' },
  { provider: 'Authress', listedBy: [G, GH], rules: 'secrets.authress.', added: 4 },
  { provider: 'AWS', listedBy: [G, T, DS, GH], rules: 'secrets.aws.' },
  {
    provider: 'AWS AppSync', listedBy: [T], rules: 'secrets.aws.appsync-', added: 11, confirmed: 'docs',
    sources: ['https://docs.aws.amazon.com/appsync/latest/APIReference/API_ApiKey.html'],
    gap: 'the API reference names the `da2` key version; `da2-` and 26 lower-case letters and digits after it are from memory',
  },
  {
    provider: 'Azure', listedBy: [G, T, DS, GH], rules: 'secrets.azure.', confirmed: 'code',
    // Pass 13 (2026-12-03): Microsoft's identifiable keys, read in its own open-source scanner's metadata and checks.
    sources: [
      'https://github.com/microsoft/security-utilities/blob/main/src/Microsoft.Security.Utilities.Core/IdentifiableMetadata.cs',
      'https://github.com/microsoft/security-utilities/blob/main/src/Microsoft.Security.Utilities.Core/IdentifiableSecrets.cs',
      'https://github.com/microsoft/security-utilities/blob/main/src/Microsoft.Security.Utilities.Core/LegacyCommonAnnotatedSecurityKey.cs',
      'https://github.com/Azure/azure-functions-host/blob/dev/src/WebJobs.Script.WebHost/Security/SecretGenerator.cs',
      'https://learn.microsoft.com/azure/azure-signalr/concept-connection-string',
      'https://learn.microsoft.com/previous-versions/azure/dn722485(v=azure.100)',
    ],
    gap: 'pass 13 read the identifiable keys there: a 4-character service signature (`AzFu`, `ACDb`, `+ASt`, `+ABa`, `APIM`, `+AMC`, `+ASb`, `+AEh`, `+ARm`, `AIoT`, `AzCa`, `AzSe`, `+ACR`) before a Marvin32 checksum at a fixed offset of a 32, 39, 40 or 64-byte key, and the 84-character annotated keys (`JQQJ99` at offset 52, a provider signature such as `ACOG` or `AZDO`); the checksum is checked for both, a mismatch lowering only the first kind; the Functions host generates its keys in that layout; SignalR and Web PubSub connection strings from the documentation, Communication Services connection strings from its quickstart (the key length from memory), the older Redis connection string from memory, and a classic `.publishsettings` file\'s `ManagementCertificate` (Microsoft\'s documentation of the file and its warning)',
  },
  { provider: 'Baidu', listedBy: [GH], reason: OPAQUE },
  { provider: 'Beamer', listedBy: [G, T, GH], reason: NO_FORMAT, sources: ['https://www.getbeamer.com/api/'] },
  { provider: 'Bitbucket', listedBy: [G, T, GH], rules: 'secrets.bitbucket.' },
  {
    provider: 'BitGo', listedBy: [T], rules: 'secrets.bitgo.', added: 11, confirmed: 'docs and code',
    sources: ['https://developers.bitgo.com/changelog/20251203', 'https://developers.bitgo.com/docs/get-started-access-tokens', 'https://github.com/BitGo/BitGoJS/blob/master/modules/sdk-api/src/bitgoAPI.ts'],
    gap: 'the changelog says access tokens are prefixed with `v2x`; the SDK treats a 67-character token starting with it as a v2 token (`v2x` and 64 hex digits)',
  },
  { provider: 'Bitrise', listedBy: [GH], reason: UNDOCUMENTED },
  { provider: 'Bittrex', listedBy: [G], reason: OPAQUE },
  { provider: 'Block Protocol', listedBy: [GH], rules: 'secrets.blockprotocol.', added: 4 },
  { provider: 'Brevo', listedBy: [G, GH], rules: 'secrets.brevo.' },
  { provider: 'Buildkite', listedBy: [T, GH], rules: 'secrets.buildkite.' },
  { provider: 'Canadian Digital Service', listedBy: [GH], rules: 'secrets.gcnotify.', added: 4 },
  { provider: 'Canva', listedBy: [GH], reason: UNDOCUMENTED },
  {
    provider: 'Cashfree', listedBy: [GH], reason: UNDOCUMENTED, reread6: true,
    sources: ['https://www.cashfree.com/docs/api-reference/authentication'],
  },
  {
    provider: 'Cerebras', listedBy: [T], rules: 'secrets.cerebras.', added: 9, confirmed: 'memory',
    gap: '`csk-` and 48 lower-case letters and digits, as in keys quoted in third-party code and setup guides',
  },
  { provider: 'Cfx.re', listedBy: [GH], rules: 'secrets.cfx.', added: 4 },
  {
    provider: 'Checkly', listedBy: [T], rules: 'secrets.checkly.', added: 10, confirmed: 'docs',
    sources: ['https://www.checklyhq.com/docs/terraform-provider/getting-started/'],
    gap: 'the documentation shows `cu_xxx`; the 32 hex digits after the prefix are from keys quoted in third-party code',
  },
  {
    provider: 'Checkout.com', listedBy: [GH], rules: 'secrets.checkout.', added: 11, confirmed: 'code',
    reason: UNDOCUMENTED, reread7: true, sources: ['https://checkout.com/docs/resources/api-authentication/api-keys', 'https://github.com/checkout/checkout-sdk-node/blob/master/src/config.js'],
    gap: 'its own documentation gives no format (passes 5-7); its Node SDK checks `sk_sbox_` and 27 base32 characters for sandbox keys and `sk_` or `sk_test_` and a UUID for the previous keys. Live keys of the current platform (`sk_` and 27 base32 characters) are not told apart from other `sk_` keys and are not reported',
  },
  { provider: 'Chief Tools', listedBy: [GH], rules: 'secrets.chieftools.', added: 5, sources: ['https://docs.chief.tools/api/tokens'] },
  { provider: 'CircleCI', listedBy: [T, GH], rules: 'secrets.circleci.' },
  { provider: 'ClickHouse', listedBy: [G], reason: UNDOCUMENTED },
  { provider: 'Clojars', listedBy: [G, GH], rules: 'secrets.clojars.' },
  { provider: 'Cloudflare', listedBy: [G, T, GH], rules: 'secrets.cloudflare.' },
  {
    provider: 'Cockroach Labs', listedBy: [GH], rules: 'secrets.cockroachdb.', added: 6, confirmed: 'code',
    sources: ['https://github.com/cockroachdb/terraform-provider-cockroach/blob/main/internal/provider/api_key_resource.go'],
  },
  { provider: 'Codecov', listedBy: [G], reason: UUID },
  { provider: 'Cohere', listedBy: [G, GH], rules: 'secrets.cohere.' },
  { provider: 'Coinbase', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Confluent', listedBy: [G, T], rules: 'secrets.confluent.' },
  { provider: 'Contentful', listedBy: [G, T, GH], rules: 'secrets.contentful.' },
  {
    provider: 'Courier', listedBy: [T], rules: 'secrets.courier.', added: 10, confirmed: 'code',
    sources: ['https://github.com/trycourier/courier-raffle'],
    gap: 'Courier\'s own template shows `pk_prod_xxx`; the 28 capitals and digits, and `pk_test_`, are from keys quoted in third-party code',
  },
  { provider: 'Coveo', listedBy: [GH], reason: UNDOCUMENTED },
  { provider: 'crates.io', listedBy: [GH], rules: 'secrets.cratesio.' },
  { provider: 'Databento', listedBy: [GH], rules: 'secrets.databento.', added: 2 },
  { provider: 'Databricks', listedBy: [G, T, GH], rules: 'secrets.databricks.' },
  { provider: 'Datadog', listedBy: [G, T, GH], rules: 'secrets.datadog.' },
  { provider: 'DataStax', listedBy: [GH], rules: 'secrets.datastax.', added: 2 },
  { provider: 'DeepSeek', listedBy: [T, GH], rules: 'secrets.deepseek.' },
  { provider: 'Defined Networking', listedBy: [G, GH], reason: DEFINED },
  { provider: 'Deno Deploy', listedBy: [T], rules: 'secrets.deno.', added: 1 },
  {
    provider: 'DevCycle', listedBy: [GH], rules: 'secrets.devcycle.', added: 6, confirmed: 'docs', gap: PREFIX_ONLY,
    sources: ['https://docs.devcycle.com/essentials/keys'],
  },
  { provider: 'DigitalOcean', listedBy: [G, T, GH], rules: 'secrets.digitalocean.' },
  { provider: 'Discord', listedBy: [G, T, DS, GH], rules: 'secrets.discord.' },
  { provider: 'Docker', listedBy: [T, GH], rules: 'secrets.docker.' },
  { provider: 'Doppler', listedBy: [G, T, GH], rules: 'secrets.doppler.' },
  { provider: 'Drone CI', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Dropbox', listedBy: [G, T, GH], rules: 'secrets.dropbox.' },
  { provider: 'Duffel', listedBy: [G, T, GH], rules: 'secrets.duffel.' },
  { provider: 'Dynatrace', listedBy: [G, GH], rules: 'secrets.dynatrace.' },
  { provider: 'EasyPost', listedBy: [G, GH], rules: 'secrets.easypost.' },
  {
    provider: 'eBay', listedBy: [GH], reason: NO_FORMAT,
    sources: ['https://developer.ebay.com/api-docs/static/gs_understand-application-keysets.html', 'https://developer.ebay.com/api-docs/static/oauth-credentials.html'],
  },
  {
    provider: 'Elastic', listedBy: [T, GH], rules: 'secrets.elastic.', added: 6, confirmed: 'docs',
    gap: 'only the prefix is documented: the rule takes 20-256 base64 characters of high entropy after it',
    sources: ['https://www.elastic.co/docs/api/doc/elastic-cloud-serverless/authentication'],
  },
  {
    provider: 'Endor Labs', listedBy: [T], rules: 'secrets.endorlabs.', added: 10, confirmed: 'memory',
    gap: '`endr+` and 16 letters and digits for both the key and the secret, as in keys quoted in third-party code',
  },
  { provider: 'Etsy', listedBy: [G], reason: OPAQUE },
  { provider: 'Facebook / Meta', listedBy: [G, T, GH], rules: 'secrets.facebook.' },
  { provider: 'Fastly', listedBy: [G, T, GH], rules: 'secrets.fastly.' },
  {
    provider: 'Fieldguide', listedBy: [GH], rules: 'secrets.fieldguide.', added: 5,
    sources: ['https://fieldguide.notion.site/Fieldguide-API-Documentation-650f03765dc0402c96ccb750ecd70eda'],
  },
  { provider: 'Figma', listedBy: [T, GH], rules: 'secrets.figma.' },
  { provider: 'Finicity', listedBy: [G, GH], rules: 'secrets.finicity.' },
  { provider: 'Finnhub', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Firebase', listedBy: [GH], rules: 'secrets.firebase.' },
  {
    provider: 'Firecrawl', listedBy: [T], rules: 'secrets.firecrawl.', added: 9, confirmed: 'docs',
    sources: ['https://docs.firecrawl.dev/api-reference/introduction'],
    gap: 'the documentation shows `fc-YOUR-API-KEY`; the 32 lower-case hex digits after the prefix are from keys quoted in third-party code',
  },
  {
    provider: 'Flagsmith', listedBy: [T], rules: 'secrets.flagsmith.', added: 11, confirmed: 'docs and code',
    sources: ['https://github.com/Flagsmith/flagsmith/blob/main/api/environments/api_keys.py', 'https://github.com/Flagsmith/flagsmith/blob/main/api/app/utils.py', 'https://docs.flagsmith.com/integration-approaches'],
    gap: 'server-side keys only (`ser.` and `shortuuid.uuid()`, 22 characters of its 57-letter alphabet); the client-side environment key is public by design and not reported',
  },
  {
    provider: 'Fleetbase', listedBy: [T], rules: 'secrets.fleetbase.', added: 10, confirmed: 'code',
    sources: ['https://github.com/fleetbase/core-api/blob/main/src/Models/ApiCredential.php'],
    gap: '`flb_live_` or `flb_test_` and a Sqids encoding, whose length the code does not fix: the rule takes 10 to 64 letters and digits',
  },
  { provider: 'Flickr', listedBy: [G, T, GH], reason: OPAQUE },
  { provider: 'Flutterwave', listedBy: [G, T, GH], rules: 'secrets.flutterwave.' },
  { provider: 'Fly.io', listedBy: [G, T], rules: 'secrets.flyio.' },
  { provider: 'Frame.io', listedBy: [G, T, GH], rules: 'secrets.frameio.' },
  { provider: 'Freemius', listedBy: [G], reason: UNDOCUMENTED },
  { provider: 'Freshbooks', listedBy: [G, T], reason: OPAQUE },
  { provider: 'FullStory', listedBy: [T, GH], reason: UNDOCUMENTED },
  {
    provider: 'Gemini (exchange)', listedBy: [T], rules: 'secrets.gemini-exchange.', added: 11, confirmed: 'docs',
    sources: ['https://developer.gemini.com/trading/trading', 'https://developer.gemini.com/authentication/api-key'],
    gap: 'the documentation shows `account-xxxxxxxxxxxxxxxx`; `master-` and the 20 letters and digits are from memory. The API secret has no prefix and stays with the generic rules',
  },
  { provider: 'GitHub', listedBy: [G, T, DS, GH], rules: 'secrets.github.' },
  { provider: 'GitLab', listedBy: [G, T, DS, GH], rules: 'secrets.gitlab.' },
  { provider: 'Gitter', listedBy: [G, T], reason: OPAQUE },
  { provider: 'GoCardless', listedBy: [G, T, GH], rules: 'secrets.gocardless.' },
  {
    provider: 'GoDaddy', listedBy: [T], rules: 'secrets.godaddy.', added: 12, confirmed: 'memory',
    sources: ['https://developer.godaddy.com/keys'],
    gap: 'the `sso-key <key>:<secret>` header is from memory and integrators\' guides (docs.nexla.com); the key\'s and secret\'s lengths are not documented, so the rule takes 10-64 and 10-40 letters and digits',
  },
  { provider: 'Google Cloud', listedBy: [G, T, GH], rules: 'secrets.gcp.' },
  { provider: 'Grafana', listedBy: [G, T, GH], rules: 'secrets.grafana.' },
  { provider: 'Groq', listedBy: [T, GH], rules: 'secrets.groq.' },
  {
    provider: 'GuardSquare', listedBy: [GH], rules: 'secrets.guardsquare.', added: 5,
    sources: ['https://github.com/Guardsquare/appsweep-gradle/blob/master/README.md'],
  },
  { provider: 'Hack Club', listedBy: [GH], reason: UNDOCUMENTED },
  { provider: 'Harness', listedBy: [G, T], rules: 'secrets.harness.' },
  { provider: 'HashiCorp', listedBy: [G, T, GH], rules: 'secrets.hashicorp.' },
  { provider: 'hCaptcha', listedBy: [GH], reason: HCAPTCHA },
  { provider: 'Heroku', listedBy: [G, T, GH], rules: 'secrets.heroku.' },
  { provider: 'Highnote', listedBy: [GH], reason: NO_FORMAT, sources: ['https://highnote.com/docs/basics/graphql-api/using-the-highnote-graphql-api'] },
  {
    provider: 'Honeycomb', listedBy: [T], rules: 'secrets.honeycomb.', added: 10, confirmed: 'code',
    sources: ['https://github.com/honeycombio/honeycomb-opentelemetry-web/blob/main/packages/honeycomb-opentelemetry-web/src/util.ts'],
    gap: 'the SDKs check `hc`, a letter, `ic_` and 64 characters for classic ingest keys; the `ik_` form (`hcaik_`) is from keys in third-party setup guides; 32-hex classic keys have no prefix and are left to the generic rules',
  },
  { provider: 'HOP', listedBy: [GH], reason: HOP, sources: ['https://github.com/hopinc/js'] },
  { provider: 'HubSpot', listedBy: [G, T, GH], rules: 'secrets.hubspot.' },
  { provider: 'Hugging Face', listedBy: [G, T, GH], rules: 'secrets.huggingface.' },
  { provider: 'IBM Cloud', listedBy: [T, DS, GH], rules: 'secrets.ibm.' },
  { provider: 'IBM Cloud Object Storage', listedBy: [DS], reason: OPAQUE },
  { provider: 'IBM Cloudant', listedBy: [DS], rules: 'secrets.generic.url-credentials' },
  {
    provider: 'Infobip', listedBy: [T], rules: 'secrets.infobip.', added: 12, confirmed: 'memory',
    sources: ['https://www.infobip.com/auth.md', 'https://www.infobip.com/docs/essentials/api-essentials/api-authentication.md'],
    gap: 'the documentation gives the `Authorization: App {YOUR_API_KEY}` header; the key\'s 32 hex digits, `-` and a UUID are from memory (TruffleHog\'s detector list names Infobip without a detector yet)',
  },
  { provider: 'Infracost', listedBy: [G], rules: 'secrets.infracost.' },
  { provider: 'Intercom', listedBy: [G, T, GH], rules: 'secrets.intercom.' },
  { provider: 'Ionic', listedBy: [GH], reason: UNDOCUMENTED },
  { provider: 'Iterative (DVC)', listedBy: [GH], reason: UNDOCUMENTED },
  { provider: 'JFrog', listedBy: [G, DS, GH], rules: 'secrets.jfrog.' },
  {
    provider: 'Keygen', listedBy: [T], rules: 'secrets.keygen.', added: 11, confirmed: 'docs and code',
    sources: ['https://github.com/keygen-sh/keygen-api/blob/master/app/models/token.rb', 'https://github.com/keygen-sh/keygen-api/blob/master/app/models/concerns/tokenable.rb', 'https://keygen.sh/docs/api/tokens/'],
  },
  {
    provider: 'Klaviyo', listedBy: [T], rules: 'secrets.klaviyo.', added: 10, confirmed: 'docs',
    sources: ['https://developers.klaviyo.com/en/docs/retrieve_api_credentials'],
    gap: 'the documentation gives the `pk_` prefix "followed by a longer alphanumeric string"; 34 hex digits is from memory',
  },
  { provider: 'Kraken', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Kubernetes', listedBy: [G], rules: 'secrets.kubernetes.' },
  { provider: 'KuCoin', listedBy: [G, T], rules: 'secrets.kucoin.' },
  { provider: 'LangChain (LangSmith)', listedBy: [T, GH], rules: 'secrets.langsmith.' },
  {
    provider: 'Lark', listedBy: [T, GH], rules: 'secrets.lark.', added: 12, confirmed: 'docs',
    sources: ['https://open.larksuite.com/document/server-docs/getting-started/api-access-token/auth-v3/tenant_access_token'],
    gap: 'the open platform\'s own request and response examples show `a-` (app) and `t-` (tenant) access tokens of 40 hex digits; user tokens (`u-`) are not reported',
  },
  { provider: 'LaunchDarkly', listedBy: [G, T, GH], rules: 'secrets.launchdarkly.' },
  {
    provider: 'Lichess', listedBy: [GH], rules: 'secrets.lichess.', added: 6, confirmed: 'code',
    sources: ['https://github.com/lichess-org/lila/blob/master/modules/core/src/main/net.scala'],
  },
  { provider: 'Lightspeed', listedBy: [GH], reason: NO_FORMAT, sources: ['https://x-series-api.lightspeedhq.com/docs/authorization'] },
  { provider: 'Limbar', listedBy: [GH], reason: NO_FORMAT, sources: ['https://limbar.io/docs/usage/api-tokens'] },
  { provider: 'Linear', listedBy: [G, T, GH], rules: 'secrets.linear.' },
  { provider: 'LinkedIn', listedBy: [G, GH], rules: 'secrets.linkedin.' },
  { provider: 'Lob', listedBy: [G, T, GH], rules: 'secrets.lob.' },
  {
    provider: 'LocalStack', listedBy: [GH], reason: UNDOCUMENTED, reread7: true,
    sources7: ['https://docs.localstack.cloud/aws/developer-tools/running-localstack/lstk/authentication/'],
  },
  {
    provider: 'Loggly', listedBy: [T], rules: 'secrets.loggly.', added: 12, confirmed: 'docs',
    sources: ['https://documentation.solarwinds.com/en/success_center/loggly/Content/admin/http-endpoint.htm', 'https://documentation.solarwinds.com/en/success_center/loggly/content/admin/customer-token-authentication-token.htm'],
    gap: 'the documentation puts the customer token in the event URL (`logs-01.loggly.com/inputs/TOKEN/`); its UUID form is from memory, and a token alone is read only under a Loggly-named key',
  },
  { provider: 'LogicMonitor', listedBy: [GH], reason: UNDOCUMENTED },
  { provider: 'Login with Amazon', listedBy: [GH], rules: 'secrets.amazon.', added: 2 },
  {
    provider: 'Logz.io', listedBy: [T], rules: 'secrets.logzio.', added: 12, confirmed: 'docs and code',
    sources: ['https://logz.io/blog/observability-nodejs-logs-metrics-traces', 'https://github.com/logzio/logzio-nodejs/blob/master/lib/logzio-nodejs.js'],
    gap: 'its own Node library sends the token as `listener.logz.io:<port>?token=<token>`; the token\'s 32 letters are from memory',
  },
  { provider: 'Looker', listedBy: [G], reason: OPAQUE },
  { provider: 'Mailchimp', listedBy: [G, T, DS, GH], rules: 'secrets.mailchimp.' },
  { provider: 'MailerSend', listedBy: [GH], rules: 'secrets.mailersend.', added: 2 },
  { provider: 'Mailgun', listedBy: [G, T, GH], rules: 'secrets.mailgun.' },
  { provider: 'Mapbox', listedBy: [G, T, GH], rules: 'secrets.mapbox.' },
  { provider: 'Mattermost', listedBy: [G, T], reason: OPAQUE },
  { provider: 'MaxMind', listedBy: [G, T, GH], reason: MAXMIND },
  {
    provider: 'Meraki', listedBy: [G, T, GH], rules: 'secrets.meraki.', added: 12, confirmed: 'code',
    sources: ['https://developer.cisco.com/meraki/api-v1/authorization', 'https://github.com/meraki/dashboard-api-python/tree/main/examples'],
    gap: 'the key has no prefix: the rule reads it in the `X-Cisco-Meraki-API-Key` header or under a Meraki-named key; its 40 hex digits and `MERAKI_DASHBOARD_API_KEY` are in Meraki\'s own SDK examples, whose example keys (and the DevNet sandbox\'s) are lowered as published',
  },
  { provider: 'Mercury', listedBy: [GH], rules: 'secrets.mercury.', added: 2 },
  { provider: 'Mergify', listedBy: [GH], reason: UNDOCUMENTED },
  { provider: 'MessageBird', listedBy: [G, T, GH], rules: 'secrets.messagebird.' },
  {
    provider: 'Metabase', listedBy: [T], rules: 'secrets.metabase.', added: 10, confirmed: 'code',
    sources: ['https://github.com/metabase/metabase/blob/master/src/metabase/api_keys/models/api_key.clj', 'https://github.com/metabase/metabase/blob/master/src/metabase/api_keys/schema.clj'],
  },
  { provider: 'Microsoft', listedBy: [G, T, GH], rules: 'secrets.microsoft.' },
  { provider: 'Midtrans', listedBy: [GH], rules: 'secrets.midtrans.', added: 2 },
  { provider: 'Mistral AI', listedBy: [GH], rules: 'secrets.mistral.' },
  {
    provider: 'Mollie', listedBy: [T], rules: 'secrets.mollie.', added: 11, confirmed: 'docs',
    sources: ['https://docs.mollie.com/reference/authentication', 'https://docs.mollie.com/reference/v2/payments-api/list-payments'],
    gap: 'the API reference\'s example key (`test_` and 30 letters and digits, allowlisted) gives the shape; `access_` and 40 for organization tokens is from memory',
  },
  { provider: 'MongoDB', listedBy: [T, GH], rules: 'secrets.db.mongodb-uri' },
  {
    provider: 'Naver Cloud', listedBy: [GH], rules: 'secrets.navercloud.', added: 6, confirmed: 'docs',
    sources: ['https://api-gov.ncloud-docs.com/docs/gov-iam-v2-sub-account-createaccesskey'],
  },
  {
    provider: 'Neon', listedBy: [GH], reason: UNDOCUMENTED, reread7: true,
    sources: ['https://neon.com/docs/reference/api/get-started'], sources7: ['https://neon.com/docs/reference/api/api-keys'],
  },
  { provider: 'Netflix', listedBy: [GH], searched: true },
  { provider: 'Netlify', listedBy: [G, T], rules: 'secrets.netlify.' },
  { provider: 'New Relic', listedBy: [G, T, GH], rules: 'secrets.newrelic.' },
  { provider: 'New York Times', listedBy: [G], reason: OPAQUE },
  {
    provider: 'Nightfall', listedBy: [T], rules: 'secrets.nightfall.', added: 12, confirmed: 'memory',
    gap: '`NF-` and 32 letters and digits are from memory (pass 10 did not find it in the provider\'s pages)',
  },
  { provider: 'Notion', listedBy: [G, T, GH], rules: 'secrets.notion.' },
  { provider: 'npm', listedBy: [G, DS, GH], rules: 'secrets.npm.' },
  { provider: 'NuGet', listedBy: [G, T, GH], rules: 'secrets.nuget.' },
  {
    provider: 'NVIDIA', listedBy: [T], rules: 'secrets.nvidia.', added: 9, confirmed: 'memory',
    gap: '`nvapi-` and 64 letters, digits, `-` and `_`: prefix and length from keys and key checks quoted in third-party code',
  },
  {
    provider: 'Nylas', listedBy: [T], rules: 'secrets.nylas.', added: 10, confirmed: 'memory',
    sources: ['https://developer.nylas.com/docs/the-basics/get-your-keys/'],
    gap: 'the v3 documentation describes application API keys without their format; `nyk_v0_` and 64 letters and digits are from keys quoted in third-party code',
  },
  { provider: 'Octopus Deploy', listedBy: [G, T, GH], rules: 'secrets.octopus.' },
  {
    provider: 'Oculus', listedBy: [GH], rules: 'secrets.oculus.', added: 5,
    sources: ['https://developers.meta.com/horizon/documentation/web/ps-s2s-basics'],
  },
  { provider: 'Okta', listedBy: [G, T], rules: 'secrets.okta.' },
  { provider: 'OneChronos', listedBy: [GH], searched: true },
  {
    provider: 'OneSignal', listedBy: [T, GH], rules: 'secrets.onesignal.', added: 11, confirmed: 'memory', reason: UNDOCUMENTED, reread7: true,
    sources: ['https://documentation.onesignal.com/docs/keys-and-ids', 'https://documentation.onesignal.com/reference/rotate-api-key'], sources7: ['https://documentation.onesignal.com/docs/accounts-and-keys/'],
    gap: 'its own documentation calls the key a "Rich Authentication Token" and gives no format; `os_v2_app_` or `os_v2_org_` and 103 lower-case base32 characters are from keys quoted in third-party code',
  },
  { provider: 'Onfido', listedBy: [GH], rules: 'secrets.onfido.', added: 2 },
  {
    provider: 'Open VSX', listedBy: [GH], rules: 'secrets.openvsx.', added: 5,
    sources: [
      'https://github.com/eclipse/openvsx/blob/master/server/src/main/java/org/eclipse/openvsx/accesstoken/AccessTokenService.java',
      'https://github.com/EclipseFdn/open-vsx.org/blob/main/configuration/application-production.yml',
    ],
  },
  { provider: 'OpenAI', listedBy: [G, T, DS, GH], rules: 'secrets.openai.' },
  { provider: 'OpenRouter', listedBy: [T, GH], rules: 'secrets.openrouter.' },
  { provider: 'OpenWeather', listedBy: [T, GH], reason: OPAQUE },
  {
    provider: 'Opsgenie', listedBy: [T], rules: 'secrets.opsgenie.', added: 12, confirmed: 'code',
    sources: ['https://support.atlassian.com/opsgenie/docs/api-key-management/', 'https://github.com/opsgenie/opsgenie-nodejs-sdk/blob/master/lib/restApi.js'],
    gap: 'its own Node SDK sends the key as `Authorization: GenieKey <key>` (found in the package pulled for the precision scan); the key\'s UUID form is from memory',
  },
  { provider: 'Oracle', listedBy: [GH], rules: 'secrets.key.' },
  { provider: 'Orbit', listedBy: [GH], reason: NO_FORMAT, sources: ['https://docs.orbit.love/reference/authorization'] },
  { provider: 'Paddle', listedBy: [GH], rules: 'secrets.paddle.', added: 1 },
  { provider: 'PagerDuty', listedBy: [T, GH], rules: 'secrets.pagerduty.' },
  { provider: 'Palantir', listedBy: [GH], rules: 'secrets.jwt.' },
  { provider: 'Pangea', listedBy: [GH], reason: PANGEA },
  { provider: 'Perplexity', listedBy: [G, GH], rules: 'secrets.perplexity.' },
  { provider: 'Persona', listedBy: [GH], rules: 'secrets.persona.', added: 2 },
  { provider: 'Pineapple Technologies', listedBy: [GH], searched: true },
  { provider: 'Pinecone', listedBy: [T, GH], rules: 'secrets.pinecone.' },
  { provider: 'Pinterest', listedBy: [GH], rules: 'secrets.pinterest.', added: 2 },
  { provider: 'Plaid', listedBy: [G, T], rules: 'secrets.plaid.' },
  { provider: 'PlanetScale', listedBy: [G, T, GH], rules: 'secrets.planetscale.' },
  { provider: 'Planning Center', listedBy: [GH], reason: UNDOCUMENTED },
  { provider: 'Plivo', listedBy: [T, GH], rules: 'secrets.plivo.' },
  { provider: 'Polar', listedBy: [GH], rules: 'secrets.polar.', added: 3 },
  {
    provider: 'Portainer', listedBy: [T], rules: 'secrets.portainer.', added: 10, confirmed: 'code',
    sources: ['https://github.com/portainer/portainer/blob/develop/api/apikey/service.go'],
  },
  { provider: 'PostHog', listedBy: [T, GH], rules: 'secrets.posthog.', added: 1 },
  { provider: 'Postman', listedBy: [G, T, GH], rules: 'secrets.postman.' },
  { provider: 'Prefect', listedBy: [G, T, GH], rules: 'secrets.prefect.' },
  { provider: 'Private AI', listedBy: [G], searched: true },
  { provider: 'Proctorio', listedBy: [GH], searched: true },
  { provider: 'Proof', listedBy: [GH], reason: PROOF, sources: ['https://dev.proof.com/docs/api-keys'] },
  {
    provider: 'PubNub', listedBy: [T], rules: 'secrets.pubnub.', added: 10, confirmed: 'memory',
    sources: ['https://www.pubnub.com/docs/security/access-control/initialize-server-sdk'],
    gap: 'the documentation shows `mySecretKey`; `sec-c-` and the base64 of a UUID (48 characters) are from keys quoted in third-party code. Publish and subscribe keys (`pub-c-`, `sub-c-`) ship in clients and are not reported',
  },
  { provider: 'Pulumi', listedBy: [G, T, GH], rules: 'secrets.pulumi.' },
  {
    provider: 'Pushbullet', listedBy: [T], rules: 'secrets.pushbullet.', added: 12, confirmed: 'memory',
    gap: '`o.` and 32 letters and digits are from memory: too short a prefix alone, so the line must name Pushbullet or its `Access-Token` header',
  },
  { provider: 'PyPI', listedBy: [G, T, DS, GH], rules: 'secrets.pypi.' },
  { provider: 'Rainforest Pay', listedBy: [GH], reason: NO_FORMAT, sources: ['https://docs.rainforestpay.com/docs/api-keys'] },
  {
    provider: 'Ramp', listedBy: [T, GH], rules: 'secrets.ramp.', added: 11, confirmed: 'memory', reason: UNDOCUMENTED,
    // No `sources`: the pass-5 count of re-read rows keys on them; the page read is named in `gap`.
    gap: 'its own documentation (developer-docs.ramp.com/docs/oauth-20) gives no format; the client ID\'s `ramp_id_` is in an integrator\'s guide (docs.rutter.com), the secret\'s `ramp_sec_` and its 32 to 64 letters and digits are from memory',
  },
  { provider: 'RapidAPI', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Raycast', listedBy: [GH], searched: true },
  { provider: 'ReadMe', listedBy: [G, T, GH], rules: 'secrets.readme.' },
  { provider: 'Red Hat OpenShift', listedBy: [G], rules: 'secrets.openshift.' },
  {
    provider: 'redirect.pizza', listedBy: [GH], reason: REDIRECTPIZZA, searched: true,
    sources7: ['https://github.com/enflow/terraform-provider-redirectpizza/blob/main/README.md'],
  },
  { provider: 'Replicate', listedBy: [T, GH], rules: 'secrets.replicate.' },
  { provider: 'Resend', listedBy: [T], reason: RESEND },
  {
    provider: 'Riot Games', listedBy: [T], rules: 'secrets.riot.', added: 11, confirmed: 'memory',
    sources: ['https://developer.riotgames.com/docs/portal'],
    gap: '`RGAPI-` and a UUID, from keys quoted in third-party guides',
  },
  {
    provider: 'Rootly', listedBy: [T, GH], rules: 'secrets.rootly.', added: 11, confirmed: 'memory', reason: UNDOCUMENTED, reread6: true, reread7: true,
    sources: ['https://docs.rootly.com/api-reference/overview'], sources7: ['https://docs.rootly.com/integrations/python-sdk'],
    gap: 'its own documentation gives no format; `rootly_` and 64 hex digits are from memory',
  },
  { provider: 'RubyGems', listedBy: [G, T, GH], rules: 'secrets.rubygems.' },
  {
    provider: 'RunPod', listedBy: [GH], reason: UNDOCUMENTED, reread6: true, reread7: true,
    sources: ['https://docs.runpod.io/get-started/api-keys'], sources7: ['https://docs.runpod.io/get-started/credentials'],
  },
  {
    provider: 'SaladCloud', listedBy: [T], rules: 'secrets.saladcloud.', added: 10, confirmed: 'memory',
    gap: '`salad_cloud_user_` (or `_org_`) and about 49 letters and digits, from keys quoted in third-party code; the SDK documentation shows `YOUR_API_KEY`',
  },
  { provider: 'Salesforce', listedBy: [T, GH], rules: 'secrets.salesforce.' },
  {
    provider: 'Samsara', listedBy: [GH], rules: 'secrets.samsara.', added: 12, confirmed: 'memory', reason: UNDOCUMENTED, reread7: true,
    sources: ['https://pypi.org/project/samsara-api/'], sources7: ['https://pypi.org/project/samsara-api/14.2.0/'],
    gap: 'its own documentation shows `YOUR_TOKEN`; `samsara_api_` and about 30 letters and digits are from memory',
  },
  {
    provider: 'Scaleway', listedBy: [T], rules: 'secrets.scaleway.', added: 9, confirmed: 'memory',
    sources: ['https://www.scaleway.com/en/developers/api/iam/api-keys'],
    gap: 'the API reference says an API key is an access key (an identifier, not sensitive) and a secret key; the access key\'s `SCW` + 17 capitals and digits and the secret key\'s UUID form are from memory and the CLI\'s `SCW_SECRET_KEY` examples',
  },
  { provider: 'Scalingo', listedBy: [G], rules: 'secrets.scalingo.' },
  { provider: 'Scalr', listedBy: [T, GH], reason: SCALR },
  {
    provider: 'Scrapfly', listedBy: [T], rules: 'secrets.scrapfly.', added: 12, confirmed: 'memory',
    sources: ['https://scrapfly.io/docs/project'],
    gap: 'its SDK examples show `__API_KEY__`; `scp-live-` or `scp-test-` and 32 hex digits are from keys quoted in third-party code',
  },
  { provider: 'Sendbird', listedBy: [G, T], reason: OPAQUE },
  { provider: 'SendGrid', listedBy: [G, T, DS, GH], rules: 'secrets.sendgrid.' },
  { provider: 'Sentry', listedBy: [G, T, GH], rules: 'secrets.sentry.' },
  {
    provider: 'SettleMint', listedBy: [G], reason: SETTLEMINT, reread6: true,
    sources: ['https://github.com/settlemint/sdk/blob/main/sdk/utils/src/validation/access-token.schema.ts'],
  },
  { provider: 'Shippo', listedBy: [G, T, GH], rules: 'secrets.shippo.' },
  { provider: 'Shopee', listedBy: [GH], searched: true },
  { provider: 'Shopify', listedBy: [G, T, GH], rules: 'secrets.shopify.' },
  { provider: 'Sidekiq (Contribsys)', listedBy: [G, GH], rules: 'secrets.sidekiq.' },
  { provider: 'Siemens', listedBy: [GH], searched: true },
  {
    provider: 'SignalWire', listedBy: [T], rules: 'secrets.signalwire.', added: 11, confirmed: 'docs',
    sources: ['https://developer.signalwire.com/guides/your-first-api-calls/', 'https://developer.signalwire.com/rest/overview/authorization'],
    gap: 'a guide shows `PTda745ebXXXX…`; 48 hex digits after `PT` is from memory, and the authorization page\'s example token has no prefix: such tokens stay with the generic rules',
  },
  { provider: 'Sindri', listedBy: [GH], reason: UNDOCUMENTED },
  { provider: 'Slack', listedBy: [G, T, DS, GH], rules: 'secrets.slack.' },
  { provider: 'Snowflake', listedBy: [T, GH], reason: UNDOCUMENTED },
  { provider: 'Snyk', listedBy: [G, T], rules: 'secrets.snyk.' },
  { provider: 'SoftLayer', listedBy: [DS], reason: OPAQUE },
  { provider: 'SonarQube / SonarCloud', listedBy: [G, T], rules: 'secrets.sonar' },
  { provider: 'Sourcegraph', listedBy: [G, T, GH], rules: 'secrets.sourcegraph.', added: 1 },
  { provider: 'Square', listedBy: [G, T, DS, GH], rules: 'secrets.square.' },
  { provider: 'Squarespace', listedBy: [G, T], reason: OPAQUE },
  { provider: 'SSLMate', listedBy: [T, GH], reason: SSLMATE },
  { provider: 'Stripe', listedBy: [G, T, DS, GH], rules: 'secrets.stripe.' },
  {
    provider: 'Stytch', listedBy: [T], rules: 'secrets.stytch.', added: 10, confirmed: 'code',
    sources: ['https://github.com/stytchauth/stytch-b2b-node-example', 'https://stytch.com/docs/workspace-management/api-keys'],
    gap: 'the `secret-test-` and `secret-live-` prefixes are from Stytch\'s own example apps and SDK README; the rule takes 30 to 44 base64url characters with capitals and lower case, and allowlists the README\'s made-up secret',
  },
  { provider: 'Sumo Logic', listedBy: [G, T], rules: 'secrets.sumologic.' },
  { provider: 'Supabase', listedBy: [T, GH], rules: 'secrets.supabase.' },
  { provider: 'Tableau', listedBy: [T, GH], reason: OPAQUE },
  { provider: 'Tailscale', listedBy: [T, GH], rules: 'secrets.tailscale.' },
  {
    provider: 'Tatum', listedBy: [T], rules: 'secrets.tatum.', added: 11, confirmed: 'memory',
    gap: '`t-`, 24 hex digits, `-` and 32 hex digits, from memory: the documentation read shows no key',
  },
  {
    provider: 'Tavily', listedBy: [T], rules: 'secrets.tavily.', added: 9, confirmed: 'docs',
    sources: ['https://docs.tavily.com/guides/quickstart', 'https://docs.tavily.com/api-reference/introduction'],
    gap: 'only the `tvly-` prefix is documented (`tvly-YOUR_API_KEY`); the rule takes 24 to 64 letters and digits of high entropy after it, with an optional `dev-` or `prod-`',
  },
  { provider: 'Telegram', listedBy: [G, T, DS, GH], rules: 'secrets.telegram.' },
  { provider: 'Telnyx', listedBy: [T, GH], reason: TELNYX },
  {
    provider: 'Temporal', listedBy: [GH], reason: UNDOCUMENTED, reread6: true,
    sources: ['https://docs.temporal.io/cloud/api-keys'],
  },
  { provider: 'Tencent Cloud', listedBy: [GH], rules: 'secrets.tencent.' },
  {
    provider: 'Thunderstore', listedBy: [GH], rules: 'secrets.thunderstore.', added: 5,
    sources: ['https://github.com/thunderstore-io/Thunderstore/blob/master/django/thunderstore/account/tokens.py'],
  },
  {
    provider: 'Tines', listedBy: [T], rules: 'secrets.tines.', added: 11, confirmed: 'docs',
    sources: ['https://www.tines.com/docs/actions/types/webhook/'],
    gap: 'the documentation gives the webhook URL\'s path and secret; the secret\'s 32 hex digits are from memory, and a URL without a secret is not reported',
  },
  { provider: 'Travis CI', listedBy: [G, T], rules: 'secrets.travis.' },
  { provider: 'Trello', listedBy: [G, T], rules: 'secrets.trello.' },
  { provider: 'Twilio', listedBy: [G, T, DS, GH], rules: 'secrets.twilio.' },
  { provider: 'Twilio Segment', listedBy: [T, GH], rules: 'secrets.segment.' },
  { provider: 'Twitch', listedBy: [G, T], rules: 'secrets.twitch.' },
  { provider: 'Typeform', listedBy: [G, T, GH], rules: 'secrets.typeform.' },
  {
    provider: 'Ubidots', listedBy: [T], rules: 'secrets.ubidots.', added: 10, confirmed: 'memory',
    gap: '`BBFF-` or `BBUS-` and 30 letters and digits, from tokens quoted in third-party code',
  },
  { provider: 'Uniwise (WISEflow)', listedBy: [GH], reason: NO_FORMAT, sources: ['https://help.wiseflow.net/service-centre/api-authentication'] },
  { provider: 'Unkey', listedBy: [GH], rules: 'secrets.unkey.', added: 3 },
  {
    provider: 'Val Town', listedBy: [GH], rules: 'secrets.valtown.', added: 6, confirmed: 'docs and code', gap: PREFIX_ONLY,
    sources: ['https://github.com/val-town/vt/blob/main/README.md'],
  },
  { provider: 'Vercel', listedBy: [T, GH], rules: 'secrets.vercel.' },
  {
    provider: 'Voiceflow', listedBy: [T], rules: 'secrets.voiceflow.', added: 10, confirmed: 'docs',
    sources: ['https://docs.voiceflow.com/reference/api-key-differences', 'https://docs.voiceflow.com/docs/step-2'],
    gap: 'the documentation gives the `VF.DM.` prefix; the 24-hex-digit ID, `.` and 16 letters and digits after it are from keys quoted in third-party code',
  },
  {
    provider: 'VolcEngine', listedBy: [GH], rules: 'secrets.volcengine.', added: 5,
    sources: ['https://www.volcengine.com/docs/6257/65048', 'https://docs.byteplus.com/byteplus-platform/reference/accesskey'],
  },
  { provider: 'WakaTime', listedBy: [GH], rules: 'secrets.wakatime.', added: 2 },
  { provider: 'Weatherstack', listedBy: [T, GH], reason: OPAQUE },
  {
    provider: 'Webex', listedBy: [T], rules: 'secrets.webex.', added: 12, confirmed: 'memory',
    gap: '64 letters and digits, `_`, a 4-character cluster, `_` and the organization\'s UUID, from memory; no literal marks it, so the line must name Webex or a bearer header',
  },
  { provider: 'Weights & Biases', listedBy: [T, GH], rules: 'secrets.wandb.' },
  { provider: 'Workato', listedBy: [GH], reason: UNDOCUMENTED },
  { provider: 'WorkOS', listedBy: [T, GH], reason: WORKOS },
  {
    provider: 'WSO2 Choreo', listedBy: [GH], reason: NO_FORMAT,
    sources: ['https://wso2.com/choreo/docs/consuming-services/manage-application/', 'https://wso2.github.io/docs-choreo-dev/consuming-services/generate-an-access-token'],
  },
  { provider: 'X (Twitter)', listedBy: [G, T], rules: 'secrets.twitter.' },
  { provider: 'xAI', listedBy: [T, GH], rules: 'secrets.xai.' },
  { provider: 'Yandex Cloud', listedBy: [G, T, GH], rules: 'secrets.yandex.' },
  { provider: 'Zendesk', listedBy: [G, T], rules: 'secrets.zendesk.' },
  { provider: 'ZenHub', listedBy: [GH], reason: UNDOCUMENTED },
  {
    provider: 'Zoho', listedBy: [T], rules: 'secrets.zoho.', added: 10, confirmed: 'docs',
    sources: ['https://www.zoho.com/accounts/protocol/oauth/web-apps/access-token-expiry.html'],
  },
];

/** How many providers the given pass (10, 11 or 12) added whose format was confirmed this way. */
function addedBy(pass: 10 | 11 | 12, confirmed: CoverageEntry['confirmed']): number {
  return COVERAGE.filter((e) => e.added === pass && e.confirmed === confirmed).length;
}

/** Counts for the summary line. */
export function coverageCounts(): {
  total: number; covered: number; opaque: number; undocumented: number; missing: number; added: number; added3: number; added4: number;
  added5: number; added6: number; added9: number; added10: number; added11: number; added12: number;
} {
  const covered = COVERAGE.filter((e) => e.rules).length;
  const opaque = COVERAGE.filter((e) => !e.rules && e.reason?.startsWith('not detectable')).length;
  // Any other reason: the provider does not document a format a rule could be written from.
  const undocumented = COVERAGE.filter((e) => !e.rules && e.reason && !e.reason.startsWith('not detectable')).length;
  return {
    total: COVERAGE.length, covered, opaque, undocumented, missing: COVERAGE.length - covered - opaque - undocumented,
    added: COVERAGE.filter((e) => e.added === 2).length, added3: COVERAGE.filter((e) => e.added === 3).length,
    added4: COVERAGE.filter((e) => e.added === 4).length, added5: COVERAGE.filter((e) => e.added === 5).length,
    added6: COVERAGE.filter((e) => e.added === 6).length, added9: COVERAGE.filter((e) => e.added === 9).length,
    added10: COVERAGE.filter((e) => e.added === 10).length, added11: COVERAGE.filter((e) => e.added === 11).length,
    added12: COVERAGE.filter((e) => e.added === 12).length,
  };
}

/** The comparison section, in Markdown. `hasRule(prefix)` says whether any loaded rule id starts with it. */
export function coverageMarkdown(hasRule: (prefix: string) => boolean): string {
  const c = coverageCounts();
  const out = [
    '## Coverage compared with other scanners',
    '',
    'Every provider named by GitHub secret scanning\'s supported patterns, gitleaks\' rules or detect-secrets\' plugins, ' +
      'and whether TruffleHog has a detector of that name. Only the provider names come from those lists: each Vigil rule ' +
      'was written from the provider\'s own documentation of its token format, with fixtures of its own ' +
      '(scripts/secret-coverage-comparison.ts holds this list and where each list was read; the generator checks every ' +
      '"covered" entry against the loaded rules). TruffleHog\'s providers that no other list names are not enumerated, ' +
      'except those the ninth to twelfth passes (2026-12-02) added: TruffleHog detectors whose provider\'s keys carry a ' +
      'distinctive prefix, structure or header.',
    '',
    `**${c.total} providers: ${c.covered} covered, ${c.opaque} not detectable offline by format, ${c.undocumented} with no ` +
      `documented format, ${c.missing} missing.** The second comparison added ${c.added} providers (marked "added, pass 2"), ` +
      `the third ${c.added3} ("added, pass 3"), the fourth ${c.added4} ("added, pass 4"), the fifth ${c.added5} ("added, pass 5"), ` +
      `the sixth ${c.added6} ("added, pass 6", each saying where its format was confirmed); ` +
      `the fifth also found no format in the own documentation of ${COVERAGE.filter((e) => e.sources && e.reason && e.reason !== UNDOCUMENTED && !e.reread6).length} ` +
      `more, re-read ${COVERAGE.filter((e) => e.sources && e.reason === UNDOCUMENTED && !e.reread6).length} marked before (still no format) ` +
      `and searched ${COVERAGE.filter((e) => e.searched).length} still missing in vain; the sixth read ` +
      `${COVERAGE.filter((e) => e.reread6).length} more in the provider's own documentation or code and found no usable format; ` +
      `the seventh (2026-12-01) searched the ${COVERAGE.filter((e) => e.searched).length} then missing again and re-read ` +
      `${COVERAGE.filter((e) => e.reread7 && e.reason === UNDOCUMENTED).length} with no documented format in their own documentation: ` +
      'none documents a format now; redirect.pizza\'s own Terraform provider shows only a prefix placeholder. ' +
      `The eighth (2026-12-01, with held out 7) searched the ${c.missing} still missing once more in stored vendor documentation: ` +
      'none documents a format there either (Shopee\'s partner key appears only in third-party SDK examples, as a plain string). ' +
      `The ninth (2026-12-02) added ${c.added9} providers only TruffleHog names ("added, pass 9"): AI and cloud APIs whose ` +
      'keys carry a prefix of their own (`nvapi-`, `tvly-`, `fc-`, `csk-`, `SCW`). ' +
      `The tenth (2026-12-02) added ${c.added10} more ("added, pass 10"): SaaS, messaging and infrastructure keys with a ` +
      'prefix or fixed structure of their own (`ptr_`, `mb_`, `VF.DM.`, `hcaik_`, `1000.`…`.`…, `sec-c-`…), the format ' +
      `confirmed in the provider's own code for ${addedBy(10, 'code')}, in its own documentation for ${addedBy(10, 'docs')} and ` +
      `from memory and keys quoted in third-party code for ${addedBy(10, 'memory')} (each row says which). ` +
      `The eleventh (2026-12-02) added ${c.added11} ("added, pass 11"): ${COVERAGE.filter((e) => e.added === 11 && !e.reason).length} more only ` +
      'TruffleHog names (`ser.`, `v2x`, `da2-`, `RGAPI-`, Keygen\'s `admin-`…`v3`, Tines webhook URLs…) and ' +
      `${COVERAGE.filter((e) => e.added === 11 && e.reason).length} GitHub also names whose own documentation gives no format ` +
      '(Checkout.com\'s format read in its own SDK, the others from memory and keys quoted in third-party code); the format was ' +
      'confirmed in the provider\'s own code for ' +
      `${addedBy(11, 'code') + addedBy(11, 'docs and code')}, in its own documentation for ${addedBy(11, 'docs')} and from memory for ${addedBy(11, 'memory')}. ` +
      `The twelfth (2026-12-02) added ${c.added12} ("added, pass 12"): ${COVERAGE.filter((e) => e.added === 12 && !e.listedBy.includes(GH)).length} more ` +
      'TruffleHog names (`scp-live-`, `NF-`, Loggly and Logz.io ingestion URLs, `GenieKey`, `App`, `sso-key` and Pushbullet\'s ' +
      '`Access-Token` headers, Webex\'s `…_PF84_<org UUID>`) and ' +
      `${COVERAGE.filter((e) => e.added === 12 && e.listedBy.includes(GH)).length} GitHub also names (Lark, whose own examples show its tokens; ` +
      'Meraki, by its header and key names; Samsara, from memory); the format (or the header or URL that carries the key) was ' +
      `confirmed in the provider's own code for ${addedBy(12, 'code') + addedBy(12, 'docs and code')}, in its own documentation ` +
      `for ${addedBy(12, 'docs')} and is from memory for ${addedBy(12, 'memory')}. ` +
      'The thirteenth (2026-12-03) added no row: it gave Azure (covered before) 16 rules for Microsoft\'s identifiable ' +
      'keys, whose layout and Marvin32 checksum were read in Microsoft\'s own security-utilities code and the Functions host, and 4 for ' +
      'SignalR / Web PubSub, Communication Services and Redis connection strings and classic management certificates (the Azure ' +
      'row cites the sources). ' +
      'Where a row cites sources, they are the provider\'s own pages or code that were read for its format.',
    '',
    '| Provider | GitHub | gitleaks | TruffleHog | detect-secrets | Vigil |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const mark = (e: CoverageEntry, s: Scanner): string => (e.listedBy.includes(s) ? 'yes' : '');
  for (const e of COVERAGE) {
    let status: string;
    if (e.rules) {
      if (!hasRule(e.rules)) throw new Error(`coverage comparison: no rule starts with ${e.rules} (${e.provider})`);
      status = `covered (\`${e.rules}\`${e.rules.endsWith('.') ? '…' : ''})${e.added ? `, added, pass ${e.added}` : ''}`;
    } else if (e.reason) {
      status = e.reason;
    } else {
      status = e.searched
        ? '**missing**: no token format found in the provider\'s own documentation or code (searched 2026-11-30 and again 2026-12-01)'
        : '**missing**';
    }
    // The pages read for the verdict, so a reader can check it.
    const read = [...(e.sources ?? []), ...(e.sources7 ?? [])];
    if (read.length > 0) status += ` (source: ${read.map((u) => `<${u}>`).join(', ')})`;
    if (e.reread7) status += '; read again 2026-12-01, still no format';
    if (e.confirmed) {
      status += e.confirmed === 'memory'
        ? '; format from memory, not confirmed in the provider\'s own documentation or code'
        : `; format confirmed in the provider's own ${e.confirmed === 'code' ? 'code' : e.confirmed === 'docs' ? 'documentation' : 'documentation and code'}`;
    }
    if (e.gap) status += ` (${e.gap})`;
    out.push(`| ${e.provider} | ${mark(e, GH)} | ${mark(e, G)} | ${mark(e, T)} | ${mark(e, DS)} | ${status} |`);
  }
  out.push('');
  return out.join('\n');
}
