// Handlers that are an entry of an options object rather than an argument of the registration call: Hapi's
// `server.route({ method, path, handler })` (https://hapi.dev/api/#-serverrouteroute; a string response is
// text/html) and multer's disk storage callbacks (https://github.com/expressjs/multer#diskstorage).
const crypto = require('crypto');
const path = require('path');
const Hapi = require('@hapi/hapi');
const multer = require('multer');
const { exec } = require('child_process');

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'GET',
  path: '/greet',
  handler: (request, h) => {
    // ruleid: js.xss.server-response
    return '<h1>Hello ' + request.query.name + '</h1>';
  },
});

server.route({
  method: 'POST',
  path: '/jobs',
  handler: async function (req) {
    // The request is the handler's first parameter whatever it is called.
    // ruleid: js.cmdi.child-process
    exec('run-job ' + req.payload.job);
    // ok: js.cmdi.child-process
    exec('run-job nightly');
    return 'queued';
  },
});

server.route({
  method: 'GET',
  path: '/profile',
  handler: (request) => {
    // An object is answered as JSON.
    // ok: js.xss.server-response
    return { name: request.query.name };
  },
});

server.route({
  method: 'GET',
  path: '/static',
  handler: () => {
    // ok: js.xss.server-response
    return '<h1>Welcome</h1>';
  },
});

// An expression-bodied handler: its body is what it returns.
server.route({
  method: 'GET',
  path: '/short',
  // ruleid: js.xss.server-response
  handler: (request) => `<p>Hello ${request.query.name}</p>`,
});

// An object is answered as JSON.
// ok: js.xss.server-response
server.route({ method: 'GET', path: '/short-json', handler: (request) => ({ name: request.query.name }) });
server.route({
  method: 'GET',
  path: '/short-number',
  // ok: js.xss.server-response
  handler: (request) => '<p>' + Number(request.query.n) + '</p>',
});
// ok: js.xss.server-response
const notAHandler = (request) => '<p>' + request.query.name + '</p>';

// Not a route: an object with a handler entry given to another call.
queue.subscribe({ method: 'GET', path: '/x', handler: (message) => {
  // ok: js.xss.server-response
  return '<p>' + message.text + '</p>';
} });

const storage = multer.diskStorage({
  destination: (req, file, cb) => {
    // ruleid: js.path-traversal.fs
    cb(null, path.join('/srv/uploads', req.body.folder));
  },
  filename: (req, file, cb) => {
    // ruleid: js.path-traversal.fs
    cb(null, Date.now() + '-' + file.originalname);
  },
});

const safeStorage = multer.diskStorage({
  // ok: js.path-traversal.fs
  destination: (req, file, cb) => cb(null, '/srv/uploads'),
  filename: (req, file, cb) => {
    // ok: js.path-traversal.fs
    cb(null, crypto.randomUUID() + path.extname(file.originalname));
    // ok: js.path-traversal.fs
    cb(null, path.basename(file.originalname));
  },
});

module.exports = { server, upload: multer({ storage }), safeUpload: multer({ storage: safeStorage }) };

// Route configurations kept in an array and registered elsewhere (`server.route(routes)`), the handler at the top
// or under `options` / `config`.
const routes = [
  {
    method: 'GET',
    path: '/search',
    options: {
      auth: false,
      handler: async (request) => {
        // ruleid: js.xss.server-response
        return `<p>Results for ${request.query.q}</p>`;
      },
    },
  },
  {
    method: 'POST',
    path: '/convert',
    config: {
      handler(request) {
        // ruleid: js.cmdi.child-process
        exec('convert ' + request.payload.file);
        return 'ok';
      },
    },
  },
  {
    method: 'DELETE',
    path: '/items/{id}',
    handler: function (req, h) {
      // ruleid: js.cmdi.child-process
      exec('rm-item ' + req.params.id);
      // ok: js.cmdi.child-process
      exec('rm-item ' + Number(req.params.id));
      return h.response().code(204);
    },
  },
];

// Not a route: an HTTP client's request options have a method and a path, and no handler function.
const options = { method: 'GET', path: '/status', handler: 'status' };
module.exports.routes = routes;
module.exports.options = options;
