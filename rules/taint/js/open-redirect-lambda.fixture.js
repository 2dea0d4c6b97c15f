// A Lambda proxy result (API Gateway, function URLs) redirects with its Location header.
const ALLOWED = new Set(['/home', '/account']);

exports.out = async (event) => {
  const target = (event.queryStringParameters || {}).url;
  return {
    statusCode: 302,
    // ruleid: js.open-redirect.redirect
    headers: { Location: target },
    body: '',
  };
};

exports.back = async (event) => {
  return {
    statusCode: 301,
    // ruleid: js.open-redirect.redirect
    headers: { 'Cache-Control': 'no-store', location: event.queryStringParameters.next },
  };
};

// ---- negatives ----

exports.home = async (event) => {
  const next = event.queryStringParameters.next;
  return {
    statusCode: 302,
    // ok: js.open-redirect.redirect
    headers: { Location: ALLOWED.has(next) ? next : '/home' },
  };
};

exports.fixed = async (event) => {
  return {
    statusCode: 302,
    // ok: js.open-redirect.redirect
    headers: { Location: '/home?ref=' + encodeURIComponent(event.queryStringParameters.ref) },
  };
};
