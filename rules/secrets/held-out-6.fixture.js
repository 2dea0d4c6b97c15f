// Shapes of the false positives found by the sixth held-out study (docs/accuracy.md), with values of our own.

// Metric names in snake_case, plural: what is counted, not a token.
// ok: secrets.generic.token-assignment
const CACHE_READ_INPUT_TOKENS_METRIC = 'ephemeral_1h_prompt_tokens';
// ruleid: secrets.generic.token-assignment
const CACHE_READ_TOKEN = 'k7q2m9x4_w8z3p6v1_tokens9';

// A route table: the action's path, in lower-case words joined by `-` and `/`.
module.exports.routes = {
  // ok: secrets.generic.token-assignment
  'POST /api/access-tokens/revoke-expired-token': 'access-tokens/revoke-expired-token',
  // ok: secrets.generic.api-key-assignment
  'DELETE /api/projects/:id/api-key': 'projects/delete-api-key',
  // ruleid: secrets.generic.api-key-assignment
  'api-key': 'kq7zt3wx-pm4rb8nd2vh6',
};

// Optimistic-concurrency version tokens name a record's version, not a credential.
const update = {
  // ok: secrets.generic.token-assignment
  versionToken: 'Hq3Zt8Vw2Kx6Mp9Rb4Nc7JdLs5Tf1Ya0Ue4Wi9Oy2Qe6',
  // ruleid: secrets.generic.token-assignment
  accessToken: 'Hq3Zt8Vw2Kx6Mp9Rb4Nc7JdLs5Tf1Ya0Ue4Wi9Oy2Qe6',
};
module.exports.update = update;
