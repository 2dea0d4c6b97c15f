// discord.js: the bot logs in with its token.
const { Client, GatewayIntentBits } = require('discord.js');

const client = new Client({ intents: [GatewayIntentBits.Guilds] });
// ruleid: secrets.discord.bot-token
client.login('NwFr_a0E5lm16kvg9im_2jWjNf.7wqnkQ.J3TLO21kV1NHdUn2z_7NinphnFq5gOIQmSQMTN');
// ok: secrets.discord.bot-token
client.login(process.env.DISCORD_TOKEN);
