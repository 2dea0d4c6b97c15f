// Context shapes: the keyword and the value apart or in an unusual form (issue 16).
// ruleid: secrets.generic.token-assignment
process.env.API_TOKEN = "tT6BHtMrmuFBUL9FEE9MYqLPoMQtvxu5";
// ok: secrets.generic.token-assignment
process.env.API_TOKEN = process.env.CI_API_TOKEN_VALUE;
// ruleid: secrets.generic.token-assignment
config.set("apiToken", "y6dFjFpwefWThDQAodKUFp6TFeKbh3Ck");
// ok: secrets.generic.token-assignment
config.set("apiToken", readFromVault("api-token-path"));
// ok: secrets.generic.token-assignment
config.set("apiTokenTTL", "3600");
const m = new Map();
// ruleid: secrets.generic.password-assignment
m["password"] = "WbPmYbunuvwte7";
// ok: secrets.generic.password-assignment
m["password"] = "";
// ruleid: secrets.generic.password-assignment
const creds = { "password": "grStmFtPcc3eWv" };
// ruleid: secrets.generic.api-key-assignment
let apiKey = "c79M9H2NW2PCJUponkrNMdWm2GDJrjXy";
// ok: secrets.generic.api-key-assignment
let apiKeyHeader = "X-Api-Key-Header-Name-Value";
const db = {
  // The key name on the line above its value.
  password:
    "dSykKzhqS5hQw7", // ruleid: secrets.generic.password-assignment
};
// ok: secrets.generic.password-assignment
i18n.set("password", "Choose a password of at least eight characters");
module.exports = { m, creds, apiKey, db };
// Assigned only when unset (`??=`, `||=`).
// ruleid: secrets.generic.token-assignment
config.apiToken ??= "Kc8nBf3JdS6gUe5AHq9xT2mWv7LpZr4Y";
// ruleid: secrets.generic.password-assignment
opts.password ||= "Tq3vNw8ZpLx5Rk";
// ok: secrets.generic.token-assignment
config.apiToken ??= process.env.API_TOKEN;
