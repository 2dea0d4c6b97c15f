// Provider formats added in session 38 (issue 16). Fake values in the documented shapes.
export const ai = {
  // ruleid: secrets.deepseek.api-key
  deepseek: { url: 'https://api.deepseek.com', key: 'sk-5a17d6702e4c25e52f534a117c18e7e3' },
  // A key of the same shape on a line naming no provider is not labelled DeepSeek.
  // ok: secrets.deepseek.api-key
  other: { key: 'sk-5a17d6702e4c25e52f534a117c18e7e3' },
};
// ruleid: secrets.branch.secret-key
export const BRANCH_SECRET = 'secret_live_vI1w5GtRRp98ONxIW0SkinQ8JAZqNtDS';
// The Branch key (`key_live_`) is public: apps ship it.
// ok: secrets.branch.secret-key
export const BRANCH_KEY = 'key_live_vI1w5GtRRp98ONxIW0SkinQ8JAZqNtDS';
