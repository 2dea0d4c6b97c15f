// Callbacks and nested functions see the variables of the function around them, as they are where the
// callback is defined.
const express = require('express');
const fs = require('fs');
const { exec } = require('child_process');

const app = express();

app.get('/report', (req, res) => {
  const name = req.query.name;
  fs.readFile('/srv/template.txt', 'utf8', (err, tpl) => {
    // ruleid: js.cmdi.child-process
    exec('render ' + tpl + ' ' + name);
  });
  const later = () => {
    // ruleid: js.path-traversal.fs
    fs.unlinkSync('/srv/tmp/' + name);
  };
  setTimeout(later, 1000);
  function nested() {
    return () => {
      // Two levels down.
      // ruleid: js.code-injection.eval
      eval(name);
    };
  }
  res.json({ f: typeof nested });
});

app.get('/report-ok', (req, res) => {
  const n = parseInt(req.query.n, 10);
  const tool = req.query.tool;
  fs.readFile('/srv/template.txt', 'utf8', () => {
    // ok: js.cmdi.child-process
    exec('render --count ' + n);
  });
  if (['uptime', 'whoami'].includes(tool)) {
    setImmediate(() => {
      // ok: js.cmdi.child-process
      exec(tool);
    });
  }
  const run = (name) => {
    // The callback's own parameter shadows nothing tainted here.
    // ok: js.cmdi.child-process
    exec('echo ' + name);
  };
  run('fixed');
  let label = req.query.label;
  label = 'static';
  process.nextTick(() => {
    // ok: js.cmdi.child-process
    exec('echo ' + label);
  });
  res.end();
});

// Module-level helpers: their free variables are the module's, which are not input.
const PREFIX = 'backup-';
function archive() {
  // ok: js.cmdi.child-process
  exec('tar czf /tmp/' + PREFIX + Date.now() + '.tgz /srv');
}
archive();
