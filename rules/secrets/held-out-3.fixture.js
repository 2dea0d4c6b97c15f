// Shapes of the false positives found by the third held-out study (docs/accuracy.md), with values of our own.
// A connection-string template shown to users: `<your password>` is cut at its space.
// ok: secrets.db.ado-connection-string
const template = 'Server=<hostname>,<port>;Database=<your database>;User Id=<your user id>;Password=<your password>;Encrypt=true';
// ruleid: secrets.db.ado-connection-string
const conn = 'Server=db,1433;Database=shop;User Id=app;Password=Hx7#qLm2vR9t;Encrypt=true';
// A storage key saying where a token is kept (a dotted name ending in the kind), not the token.
// ok: secrets.generic.token-assignment
const refreshTokenKey = 'AuthProvider.7ab3kq9zt2mw5xr8.alice.refreshToken';
// ruleid: secrets.generic.token-assignment
const refreshToken = 'kq7ZtW2mXv9bR4nLp8sJ3dHf';
