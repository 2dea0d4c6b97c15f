// Providers added by the third coverage comparison (docs/secret-providers.md), with random values in each format.
import { Polar } from '@polar-sh/sdk';
import { Unkey } from '@unkey/api';

// ruleid: secrets.polar.access-token
const polar = new Polar({ accessToken: 'polar_oat_Q7njMwMu9pAxNBpiTiMmuBd6BV1uDtdcZXyvd2ckUSN', server: 'sandbox' });

const headers = {
  // ruleid: secrets.polar.access-token
  Authorization: `Bearer polar_pat_CHyYaJSZffXNBeIYpvZt4bis0Zv3PyEsSH7BDJDMoBj`,
};

// A different prefix is not a Polar token.
// ok: secrets.polar.access-token
const other = 'polar_rt_P9lZ8xjROQHt7BHjDGsExeUB81uPcvFC1BN8SvjobLD';

// ruleid: secrets.unkey.root-key
const unkey = new Unkey({ rootKey: 'unkey_7KmQx2Vz9LtRw4NpHc8Ys3Bf' });
// The word inside an identifier is not a key.
// ok: secrets.unkey.root-key
const monkey_business_handler = 'handler';

export { polar, headers, other, unkey, monkey_business_handler };
