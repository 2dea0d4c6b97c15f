// hyper-express routes: `req.query_parameters`, `req.path_parameters`, and the body read by `await req.json()`.
const HyperExpress = require('hyper-express');
const vm = require('vm');
const { exec } = require('child_process');

const router = new HyperExpress.Router();

router.get('/lookup', (req, res) => {
  const host = req.query_parameters.host || '';
  // ruleid: js.cmdi.child-process
  exec('nslookup ' + host, (err, out) => res.send(out));
});

router.get('/users/:id', (req, res) => {
  const id = req.path_parameters.id;
  // ok: js.cmdi.child-process
  exec('id -u ' + Number(id), (err, out) => res.send(out));
});

router.post('/price', async (req, res) => {
  const body = await req.json();
  // ruleid: js.code-injection.eval
  const result = vm.runInNewContext(String(body.expression), { price: 1 });
  res.json({ result });
});

router.get('/continue', (req, res) => {
  // ruleid: js.open-redirect.redirect
  res.redirect(req.query_parameters.return_to || '/');
});

router.get('/home', (req, res) => {
  // ok: js.open-redirect.redirect
  res.redirect('/home?from=' + encodeURIComponent(req.query_parameters.from || ''));
});

module.exports = { router };
