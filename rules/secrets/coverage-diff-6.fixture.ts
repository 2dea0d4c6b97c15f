// Providers added by the sixth coverage comparison (docs/secret-providers.md), in code. Values are random
// characters in each documented format, not credentials.
import { initializeDevCycle } from '@devcycle/nodejs-server-sdk';

const cloud = {
  baseUrl: 'https://cockroachlabs.cloud/api/v1',
  // ruleid: secrets.cockroachdb.cloud-api-key
  headers: { Authorization: 'Bearer CCDB1_zfRiRqmYUrmoDNVzWnlhDQ_SlsPQI6DunJ3XQsu0IqtwGtqPsIvhEsqqnVq224Y' },
};
// The prefix alone, in a check that a configured key has the right shape, is no key.
// ok: secrets.cockroachdb.cloud-api-key
const looksLikeKey = (key: string): boolean => key.startsWith('CCDB1_');

// ruleid: secrets.lichess.token
const lichessHeaders = { Authorization: `Bearer lip_0g5p9k8YimMc0tKYx9Jj` };
// ruleid: secrets.lichess.token
const oauthToken = 'lio_pbss7f43c5bZBwmt5MQEhOfuvheaOgYJ';
// Words after the prefix (a lip-sync setting) are no token.
// ok: secrets.lichess.token
const lipSync = { lip_syncAudioTrackOffset: 0 };

// ruleid: secrets.devcycle.server-sdk-key
const devcycle = initializeDevCycle('dvc_server_RrNmi4w9hdrbsrsU6kVZyo65INZRL21l9Rtv');
// A mobile key ships inside apps by design.
// ok: secrets.devcycle.server-sdk-key
const mobileKey = 'dvc_mobile_Q3wn8ZkP1vXbT6yLr0GdHs5JcM2aFe9U';

// ruleid: secrets.valtown.api-token
const valTown = await fetch('https://api.val.town/v2/me', { headers: { Authorization: 'Bearer vtwn_Ckv9CcKqm8GOUuVf85BoXdBSwAt6NG2x' } });

export { valTown, cloud, looksLikeKey, lichessHeaders, oauthToken, lipSync, devcycle, mobileKey };
