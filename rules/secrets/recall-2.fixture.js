// Shapes a second recall study on fixed leaks missed (docs/accuracy.md); values are our own fakes.
// Code kept in a string (a template for generated code): the name's closing quote is escaped too.
// ruleid: secrets.generic.token-assignment
const snippet = "headers[\"x_auth_token\"] = \"Lr4tY8uI2oP6aS0dF3gH7jK1\";";
// ok: secrets.generic.token-assignment
const snippet2 = "headers[\"x_auth_token\"] = readToken();";
module.exports = { snippet, snippet2 };
