// Tokens split over string literals that the code joins (issue 16). Fake values in the providers' formats.
const { Octokit } = require('@octokit/rest');

const STATUS_PAGE_TOKEN = [
  // ruleid: secrets.github.fine-grained-pat
  'github_pat_p1GJkp0o1Jq73zJ9DUSJHO',
  '_vLQxyrzSa2hbIqcER08lwNtxCYY72WPmWWbC91kEa6dg0Y0V0YLglJ8D7bR',
].join('');

// ruleid: secrets.stripe.live-secret-key
const stripeKey = 'sk_live_1FofQeE9' + 'InkZymJohk50Jf2E';

const slackToken =
  // ruleid: secrets.slack.bot-token
  "xoxb-362190989297-" +
  "2288663707761-" +
  "JchsGeKm2jPeM2GmW0CwoYZ8";

// ok: secrets.github.fine-grained-pat
const fromEnv = 'github_pat_' + process.env.PAT_SUFFIX;
// ok: secrets.stripe.live-secret-key
const prefixes = ['sk_live_', 'sk_test_'].join('|');
// ok: secrets.npm.access-token
const label = 'npm_' + 'token';

module.exports = { octokit: new Octokit({ auth: STATUS_PAGE_TOKEN }), stripeKey, slackToken, fromEnv, prefixes, label };
