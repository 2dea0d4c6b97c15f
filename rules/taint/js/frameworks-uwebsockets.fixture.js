const uWS = require('uWebSockets.js');
const fs = require('fs');
const path = require('path');
const { exec } = require('child_process');

const PUBLIC_DIR = path.join(__dirname, 'public');

uWS.App()
  .ws('/chat/:room', {
    message: (ws, message) => {
      // ruleid: js.code-injection.eval
      eval(Buffer.from(message).toString());
    },
  })
  .get('/static', (res, req) => {
    // ruleid: js.path-traversal.fs
    res.end(fs.readFileSync(path.join(PUBLIC_DIR, req.getQuery('f'))));
  })
  .get('/avatar', (res, req) => {
    const id = path.basename(req.getQuery('id') || 'default');
    // ok: js.path-traversal.fs
    res.end(fs.readFileSync(path.join(PUBLIC_DIR, `${id}.png`)));
  })
  .get('/welcome', (res, req) => {
    const name = decodeURIComponent(req.getQuery('name') || 'guest');
    // ruleid: js.xss.server-response
    res.writeHeader('Content-Type', 'text/html').end(`<h2>Welcome, ${name}</h2>`);
    // ok: js.xss.server-response
    res.writeHeader('Content-Type', 'text/plain').end(`Welcome, ${name}`);
  })
  .get('/out', (res, req) => {
    // ruleid: js.open-redirect.redirect
    res.writeStatus('302 Found').writeHeader('Location', req.getQuery('url')).end();
  })
  .get('/rooms/:room', (res, req) => {
    // ruleid: js.cmdi.child-process
    exec('grep -c ' + req.getParameter(0) + ' /var/log/chat.log');
    // ok: js.cmdi.child-process
    exec('uptime');
  })
  .listen(9001, () => {});
