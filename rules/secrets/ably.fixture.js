// Ably (https://ably.com/docs/auth/basic): an API key is <app id>.<key id>:<key secret>.
const Ably = require('ably');
// ruleid: secrets.ably.api-key
const realtime = new Ably.Realtime({ key: '36l9HS.qMvcSu:e6whToHm1pzAxIcEQex9fMUFsug2iDWD3HvK2dyAmSG' });
// The key's name alone (app id and key id) is no secret.
// ok: secrets.ably.api-key
const keyName = new Ably.Rest({ key: process.env.ABLY_API_KEY, clientId: 'xVLyHw.DQrNxQ' });
