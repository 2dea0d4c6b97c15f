// Azure Functions, Node.js v4 model: `app.http(name, { handler })`; the handler answers with a result object whose
// status and headers say what it is.
const { app } = require('@azure/functions');

app.http('signinCallback', {
  methods: ['GET'],
  route: 'portal/signin-callback',
  handler: async (request) => {
    const returnUrl = request.query.get('returnUrl') || '/portal';
    // ruleid: js.open-redirect.redirect
    return { status: 302, headers: { Location: returnUrl } };
  },
});

app.http('signout', {
  methods: ['GET'],
  route: 'portal/signout',
  handler: async (request) => {
    const back = request.query.get('returnUrl') || '/';
    // ok: js.open-redirect.redirect
    return { status: 302, headers: { Location: back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/' } };
  },
});

app.http('legacy', {
  methods: ['GET'],
  route: 'portal/legacy',
  handler: async (request) => {
    // ruleid: js.open-redirect.redirect
    return new Response(null, { status: 301, headers: { 'Location': request.query.get('to') } });
  },
});

app.http('notify', {
  methods: ['POST'],
  route: 'portal/notify',
  handler: async (request) => {
    const { location } = await request.json();
    // ok: js.open-redirect.redirect
    await fetch('https://hooks.example.org/notify', { method: 'POST', headers: { Location: location } });
    return { status: 204 };
  },
});
