// Literal passwords passed to calls that take credentials (issue 16). Values are our own fakes.
const request = require('superagent');
const { Sequelize } = require('sequelize');

// ruleid: secrets.generic.credential-call-second-argument
request.get('https://api.example.net/v1/items').auth('api', 'Qz4!wm81Lp');
// ok: secrets.generic.credential-call-second-argument
request.get('https://api.example.net/v1/items').auth(process.env.API_USER, process.env.API_PASSWORD);
// A bearer token's options object is not a password.
// ok: secrets.generic.credential-call-second-argument
request.get('https://api.example.net/v1/items').auth(token, { type: 'bearer' });
// ruleid: secrets.generic.credential-call-third-argument
const sequelize = new Sequelize('shop', 'shop_app', 'Sq7!vLm20x', { host: 'db', dialect: 'postgres' });
// ok: secrets.generic.credential-call-third-argument
const fromEnv = new Sequelize('shop', 'shop_app', process.env.DB_PASSWORD, { host: 'db', dialect: 'postgres' });
// A Discord bot's `login(token)` has one argument.
// ok: secrets.generic.credential-call-second-argument
client.login(process.env.DISCORD_TOKEN);
// A property named like the call (`this.loginUrl`) is no call: found on jsforce's SOAP login (held out 10).
// ok: secrets.generic.credential-call-second-argument
const endpoint = [this.loginUrl, 'services/Soap/u', this.version].join('/');
