// Shapes a second recall study on fixed leaks missed (docs/accuracy.md); values are our own fakes.
// Code kept in a string (a template for generated code): the name's closing quote is escaped too.
// ruleid: secrets.generic.token-assignment
const snippet = "headers[\"x_auth_token\"] = \"Lr4tY8uI2oP6aS0dF3gH7jK1\";";
// ok: secrets.generic.token-assignment
const snippet2 = "headers[\"x_auth_token\"] = readToken();";
module.exports = { snippet, snippet2 };

// A brace closing inside a quoted password is part of it; one that opens a template is not.
// ruleid: secrets.generic.password-assignment
const pool = createPool({ user: 'app', password: 'Zr5}mQ8vXk2nLw' });
// ok: secrets.generic.password-assignment
const pool2 = createPool({ user: 'app', password: process.env.DB_PASSWORD});
// ok: secrets.generic.password-assignment
const pool3 = createPool({ user: 'app', password: `${config.dbPassword}` });
