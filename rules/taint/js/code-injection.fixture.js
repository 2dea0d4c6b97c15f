const express = require('express');
const vm = require('vm');
const app = express();

app.post('/calc', (req, res) => {
  // ruleid: js.code-injection.eval
  const result = eval(req.body.expression);
  res.json({ result });
});

app.post('/fn', (req, res) => {
  const body = req.body.code;
  // ruleid: js.code-injection.eval
  const f = new Function('a', 'b', body);
  // ruleid: js.code-injection.eval
  vm.runInNewContext('result = ' + body, {});
  // ruleid: js.code-injection.eval
  setTimeout('tick(' + req.query.n + ')', 100);
  res.json({ kind: typeof f });
});

// ---- negatives ----
app.post('/n1', (req, res) => {
  // Parsed as data, not evaluated.
  // ok: js.code-injection.eval
  const data = JSON.parse(req.body.payload);
  // ok: js.code-injection.eval
  setTimeout(() => res.json(data), Number(req.query.delay));
  // ok: js.code-injection.eval
  eval('1 + 1');
  const op = req.query.op;
  if (op === 'add' || op === 'sub') {
    // ok: js.code-injection.eval
    eval('ops.' + op + '(1, 2)');
  }
});

function runConfig() {
  // Not request data.
  // ok: js.code-injection.eval
  return vm.runInThisContext(require('fs').readFileSync('/etc/app/config.js', 'utf8'));
}

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.code-injection.eval
  eval(req.query.v);
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.code-injection.eval
    eval(req.query.v);
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.code-injection.eval
    eval(choice);
  }
  // ok: js.code-injection.eval
  eval(process.env.APP_SETTING);
});
