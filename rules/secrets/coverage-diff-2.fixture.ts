// Providers added by the second coverage comparison, in code: an options object and a call argument.
// Values are random characters in each documented format, not credentials.
import { createClients } from './clients';

export const clients = createClients({
  midtrans: {
    // ruleid: secrets.midtrans.server-key
    serverKey: 'Mid-server-HZ3Nw123dYAGsGAYLAWqVOMA',
    // ok: secrets.midtrans.server-key
    clientKey: 'Mid-client-HZ3Nw123dYAGsGAYLAWqVOMA',
  },
  // ruleid: secrets.mercury.api-token
  mercury: { token: 'secret-token:mercury_sandbox_tiz_HkkWcCG2vBe0gZWjU63A08ljXYFyAy_jokzqs' },
  // ruleid: secrets.persona.api-key
  persona: { apiKey: 'persona_sandbox_92b6bcb6-7fdf-4c1d-a1fd-be0dd0c24612' },
  // ruleid: secrets.datastax.astra-token
  astra: { token: 'AstraCS:qxbpHKsOoMHEeQewQgZCHmih:c03bdd2a8394b737284190d36233ac6e844de44a8e0b579aa6d25c3a1eb85ee0' },
});

// ruleid: secrets.onfido.api-token
const onfido = new Onfido({ apiToken: 'api_sandbox.NQwOJbkU722.bNoDRvJRf2Ixv3jszU19OmN5UbrRwHHv' });
// ruleid: secrets.wakatime.api-key
const waka = wakatime.connect('waka_7f4139b7-0a2c-4261-a707-96f1c59523d7');
// ruleid: secrets.amazon.lwa-client-secret
const lwa = lwaClient('amzn1.application-oa2-client.3d86737c7c99b345', 'amzn1.oa2-cs.v1.3d86737c7c99b345c49e7b6cadc5cc1fd1d8d6e7f2605bd4c586ee0815a375f8');
// ruleid: secrets.mailersend.api-token
const mailer = new MailerSend({ apiKey: 'mlsn.31c32b7f713ef5777ca2afa6b5fa7e56573b2871c5a13a999433c0c5081c7bf8' });

// ruleid: secrets.apify.api-token
const apify = new ApifyClient({ token: 'apify_api_UzidkTe9PqbebFbifR1NUS4ykO1R479Yz2hz' });
// ruleid: secrets.databento.api-key
const databento = historical('db-SPRoxz7oeeIcemRqXOHUmTaF0UPEQ');
// ruleid: secrets.pinterest.token
const pinterest = { headers: { Authorization: 'Bearer pina_9M5APFBV9U6NCMCIHDE2YRVHN079X7FTFX20RAJJHSWWOKVM6TYSMYAGT12KYJ3THO1X9E6Q56QF0D3JYMIXHBCU0WNDCQ1D' } };

// Near misses: the prefix alone, in documentation strings and property names.
// ok: secrets.onfido.api-token
const host = 'api_live.onfido.com';
// ok: secrets.persona.api-key
const envName = 'persona_sandbox_key';
// ok: secrets.datastax.astra-token
const prefix = 'AstraCS:';
// ok: secrets.databento.api-key
const container = 'db-migrations-runner-for-staging';

export { onfido, waka, lwa, mailer, apify, databento, pinterest, host, envName, prefix, container };
