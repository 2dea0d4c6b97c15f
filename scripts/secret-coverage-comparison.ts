/**
 * Provider coverage compared with other scanners, for the generated section of `docs/secret-providers.md`.
 * Only provider *names* come from the other scanners' public lists; every Vigil rule was written from the
 * provider's own documentation of its token format. An entry either names the Vigil rule-id prefix that covers
 * it (the generator fails if no rule has it, so the table cannot claim coverage that is gone) or says why no
 * provider-specific rule was added.
 */

/** Scanners whose public provider lists were compared. */
export type Scanner = 'gitleaks' | 'trufflehog' | 'github';

/** One provider known to other scanners. */
export interface CoverageEntry {
  provider: string;
  /** Which of the compared scanners list this provider. */
  listedBy: Scanner[];
  /** Vigil rule-id prefix covering it (e.g. `secrets.snyk.`), or absent when not covered by a provider rule. */
  rules?: string;
  /** Added by the coverage diff of issue 16 (shown in the table). */
  added?: boolean;
  /** Why there is no provider rule: the token has no documented, distinctive format. */
  reason?: string;
}

const G: Scanner = 'gitleaks';
const T: Scanner = 'trufflehog';
const GH: Scanner = 'github';

/** Without a prefix, checksum or fixed structure a rule would be a keyword plus entropy: the generic rules do that. */
const OPAQUE = 'no documented prefix or structure: an opaque string found only by its variable name, which the generic rules already cover';

export const COVERAGE: CoverageEntry[] = [
  // Named in issue 16 as missing; covered since.
  { provider: 'Adobe', listedBy: [G, T, GH], rules: 'secrets.adobe.' },
  { provider: 'age', listedBy: [G], rules: 'secrets.key.age-secret-key' },
  { provider: 'Algolia', listedBy: [G, T], rules: 'secrets.algolia.' },
  { provider: 'Asana', listedBy: [G, T, GH], rules: 'secrets.asana.' },
  { provider: 'Discord', listedBy: [G, T, GH], rules: 'secrets.discord.' },
  { provider: 'Dropbox', listedBy: [G, T, GH], rules: 'secrets.dropbox.' },
  { provider: 'Dynatrace', listedBy: [G, T, GH], rules: 'secrets.dynatrace.' },
  { provider: 'Facebook / Meta', listedBy: [G, T, GH], rules: 'secrets.facebook.' },
  { provider: 'Finicity', listedBy: [G, T], rules: 'secrets.finicity.' },
  { provider: 'Fly.io', listedBy: [G, T], rules: 'secrets.flyio.' },
  { provider: 'Harness', listedBy: [G, T], rules: 'secrets.harness.' },
  { provider: 'HubSpot', listedBy: [G, T, GH], rules: 'secrets.hubspot.' },
  { provider: 'JFrog', listedBy: [G, T, GH], rules: 'secrets.jfrog.' },
  { provider: 'KuCoin', listedBy: [G, T], rules: 'secrets.kucoin.' },
  { provider: 'Linear', listedBy: [G, T, GH], rules: 'secrets.linear.' },
  { provider: 'MessageBird', listedBy: [G, T, GH], rules: 'secrets.messagebird.' },
  { provider: 'Sidekiq (Contribsys)', listedBy: [G, T], rules: 'secrets.sidekiq.' },
  { provider: 'Slack (legacy tokens)', listedBy: [G, T, GH], rules: 'secrets.slack.legacy-token' },
  { provider: 'Snyk', listedBy: [G, T], rules: 'secrets.snyk.' },
  { provider: 'SonarQube / SonarCloud', listedBy: [G, T], rules: 'secrets.sonar' },
  { provider: 'Square', listedBy: [G, T, GH], rules: 'secrets.square.' },
  { provider: 'Sumo Logic', listedBy: [G, T], rules: 'secrets.sumologic.' },
  { provider: 'X (Twitter)', listedBy: [G, T], rules: 'secrets.twitter.' },
  // Added by this comparison: documented prefix and length.
  { provider: 'Sourcegraph', listedBy: [G, T], rules: 'secrets.sourcegraph.', added: true },
  { provider: 'PostHog', listedBy: [T], rules: 'secrets.posthog.', added: true },
  { provider: 'Paddle', listedBy: [GH], rules: 'secrets.paddle.', added: true },
  { provider: 'Private Packagist', listedBy: [GH], rules: 'secrets.packagist.', added: true },
  { provider: 'Deno Deploy', listedBy: [T], rules: 'secrets.deno.', added: true },
  // Not added: no distinctive documented format, or not confirmed in the provider's own documentation.
  { provider: 'Bittrex', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Codecov', listedBy: [G, T], reason: 'a plain UUID: indistinguishable from any identifier without its variable name' },
  { provider: 'Coinbase', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Drone CI', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Etsy', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Finnhub', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Flickr', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Freshbooks', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Gitter', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Kraken', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Mattermost', listedBy: [G, T], reason: OPAQUE },
  { provider: 'New York Times', listedBy: [G, T], reason: OPAQUE },
  { provider: 'RapidAPI', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Sendbird', listedBy: [G, T], reason: OPAQUE },
  { provider: 'Squarespace', listedBy: [G, T], reason: OPAQUE },
  { provider: 'MaxMind', listedBy: [G, T], reason: 'license-key format not found in MaxMind\'s own documentation in this pass; left for a later one' },
  { provider: 'Defined Networking', listedBy: [G], reason: 'API-key format not found in the provider\'s own documentation in this pass' },
  { provider: 'Resend', listedBy: [T], reason: 'only the short `re_` prefix is documented, not the length: a rule would fire on ordinary identifiers' },
];

/** The comparison section, in Markdown. `hasRule(prefix)` says whether any loaded rule id starts with it. */
export function coverageMarkdown(hasRule: (prefix: string) => boolean): string {
  const names: Record<Scanner, string> = { gitleaks: 'gitleaks', trufflehog: 'TruffleHog', github: 'GitHub' };
  const out = [
    '## Coverage compared with other scanners',
    '',
    'Providers named in the public provider lists of gitleaks, TruffleHog and GitHub secret scanning that Vigil ' +
      'lacked when issue 16 was filed, and the ones still without a provider rule. Only the provider names come from ' +
      'those lists: each Vigil rule was written from the provider\'s own documentation of its token format, with ' +
      'fixtures of its own (scripts/secret-coverage-comparison.ts holds this list; the generator checks every ' +
      '"covered" entry against the loaded rules).',
    '',
    '| Provider | Listed by | Vigil |',
    '| --- | --- | --- |',
  ];
  for (const e of COVERAGE) {
    let status: string;
    if (e.rules) {
      if (!hasRule(e.rules)) throw new Error(`coverage comparison: no rule starts with ${e.rules} (${e.provider})`);
      status = `covered (\`${e.rules}\`${e.rules.endsWith('.') ? '…' : ''})${e.added ? ', added by this comparison' : ''}`;
    } else {
      status = `no provider rule: ${e.reason ?? 'not yet'}`;
    }
    out.push(`| ${e.provider} | ${e.listedBy.map((s) => names[s]).join(', ')} | ${status} |`);
  }
  out.push('');
  return out.join('\n');
}
