// Pass 10 (issue 16): providers only TruffleHog names, as literals in code.
import { HoneycombWebSDK } from '@honeycombio/opentelemetry-web';
import PubNub from 'pubnub';
import Stytch from 'stytch';

export const sdk = new HoneycombWebSDK({
  // ruleid: secrets.honeycomb.ingest-key
  apiKey: 'hcxic_p4va6c0450tv668cxmpkrl9nsovx4honr2grbxaxugx93mc4u1h7prpq74',
  serviceName: 'storefront',
});
// ok: secrets.honeycomb.ingest-key
const datasetSlug = 'hcaik_dataset_for_the_frontend_team_only';

export async function metabaseCards(host: string): Promise<unknown> {
  const res = await fetch(`${host}/api/card`, {
    // ruleid: secrets.metabase.api-key
    headers: { 'x-api-key': 'mb_yvSV/5R2H7edtmla8Hw2349Dpl9Zd2p5Bp8x7GRjOOA=' },
  });
  return res.json();
}
// ok: secrets.metabase.api-key
const masked = 'mb_yvSV************************************';

// ruleid: secrets.checkly.api-key
const checklyHeaders = { Authorization: 'Bearer cu_cb28be66198b6585aa5dcc3bce05d561', 'X-Checkly-Account': 'acc' };
// ok: secrets.checkly.api-key
const cssVar = 'cu_cb28be66198b6585aa5dcc3bce05d56';

// ruleid: secrets.zoho.oauth-token
const zohoAuth = { headers: { Authorization: 'Zoho-oauthtoken 1000.05216ba01f89be9d7f5da245fcbc6a63.fc678ff21f2d1a331a74f1b8965db06e' } };
// ok: secrets.zoho.oauth-token
const ratio = '1000.05216ba01f89be9d7f5da245fcbc6a63';

// ruleid: secrets.fleetbase.api-key
const fleetbaseKey = 'flb_live_UOUh1NPDsJN84FdaxB';
// ok: secrets.fleetbase.api-key
const fleetbaseDoc = "new Fleetbase('flb_live_…')";

export const stytch = new Stytch.Client({
  project_id: 'project-live-c60c0abe-c25a-4472-a9ed-320c6667d317',
  // ruleid: secrets.stytch.secret
  secret: 'secret-live-9wX9UgEmgB4qTzVaFEY8vN1MnOsPk9Gc0ZM=',
});
// ok: secrets.stytch.secret
const statsigKey = 'secret-test-key';
// ok: secrets.stytch.secret
const sdkReadmeValue = 'secret-live-80JASucyk7z_G8Z-7dVwZVGXL5NT_qGAQ2I=';

// ruleid: secrets.nylas.api-key
const nylas = { apiKey: 'nyk_v0_u1q5TVGER2Y3hh6VbeVgaBnRimyXEhOOGoN0htKB7MkShjwh6TNwoyKjkDYyXM17', apiUri: 'https://api.us.nylas.com' };
// ok: secrets.nylas.api-key
const nylasHint = 'nyk_v0_abc123xyz';

// ruleid: secrets.endorlabs.api-credential
const endor = { key: 'endr+9xPxR12NcEqxvWTk', namespace: 'acme' };
// ok: secrets.endorlabs.api-credential
const endorHint = 'endr+BnKA';

// ruleid: secrets.ubidots.token
const ubidotsToken = 'BBFF-NAQJI3za8CCWaRSIvCpsZR0xQYhwaf';
// ok: secrets.ubidots.token
const returnNo = `BBUS-${'021226'}-T`;

// ruleid: secrets.voiceflow.api-key
const voiceflowHeaders = { Authorization: 'VF.DM.2c645de20d1a256e1e827e1f.XrVqpTYMhGTadwB5' };
// ok: secrets.voiceflow.api-key
const voiceflowConfig = 'VF.DM.config';

// ruleid: secrets.saladcloud.api-key
const saladKey = 'salad_cloud_org_TWVuaAtedDSgNUL3J5ceiSvfpkvbqXJMD59cv7Ms15oRjRt3w';
// ok: secrets.saladcloud.api-key
const saladSdk = 'salad_cloud_sdk_version_information';

export async function portainerEndpoints(url: string): Promise<unknown> {
  // ruleid: secrets.portainer.access-token
  const res = await fetch(`${url}/api/endpoints`, { headers: { 'X-API-Key': 'ptr_1Qf9F8VqKZQeWDT8zzwOQy0+mDbqoznwfoZmD5k7lu8=' } });
  return res.json();
}
// ok: secrets.portainer.access-token
const portainerPrefix = 'ptr_1Qf';

// ruleid: secrets.klaviyo.private-key
const klaviyoAuth = { Authorization: 'Klaviyo-API-Key pk_2e0555c359047192be38e7eb720ef6e0f2' };
// ok: secrets.klaviyo.private-key
const stripePublishable = 'pk_test_TYooMQauvdEDq54NiTphI7jx';

// ruleid: secrets.courier.auth-token
const courier = { authorizationToken: 'pk_prod_5FIZHILPKI7ZMKQSM7LZLVS4D923' };
// ok: secrets.courier.auth-token
const courierDoc = 'pk_prod_xxx';

export const pubnub = new PubNub({
  publishKey: 'pub-c-4fe2d8f8-74ed-4d6a-93c4-149e68832d07',
  subscribeKey: 'sub-c-db832570-885f-11ea-a961-f6bfeb2ef611',
  // ruleid: secrets.pubnub.secret-key
  secretKey: 'sec-c-YzM0ZDEzZjMtMGZjZC00ZWQwLWIxODItNTFiNThmNTI2MTNk',
  userId: 'server',
});
// ok: secrets.pubnub.secret-key
const pubnubDoc = 'sec-c-...';

export const unused = [datasetSlug, masked, checklyHeaders, cssVar, zohoAuth, ratio, fleetbaseKey, fleetbaseDoc, statsigKey, sdkReadmeValue, nylas, nylasHint, endor, endorHint, ubidotsToken, returnNo, voiceflowHeaders, voiceflowConfig, saladKey, saladSdk, portainerPrefix, klaviyoAuth, stripePublishable, courier, courierDoc, pubnubDoc];
