const { exec } = require('child_process');
const { Pool } = require('pg');

const pool = new Pool();

exports.install = function() {
  ROUTE('GET /api/notes/', notes);
  ROUTE('GET /api/notes/{id}/', note);
  ROUTE('GET /out/', out);
  ROUTE('GET /away/', away);
  ROUTE('GET /card/', card);
  ROUTE('POST /api/archive/', archive);
  ROUTE('POST /api/sum/', function() {
    // `this` read directly is not the request to the pattern matcher (making it a variable cost every JS edit
    // about 30%); the `var self = this` copy is.
    // todoruleid: js.code-injection.eval
    this.json({ value: eval(this.body.expression) });
  });
};

function notes() {
  var self = this;
  var tag = self.query.tag || '';
  // ruleid: js.sqli.string-query
  pool.query("SELECT id FROM notes WHERE tag = '" + tag + "'", function(err, result) {
    self.json(result.rows);
  });
  // ok: js.sqli.string-query
  pool.query('SELECT id FROM notes WHERE tag = $1', [tag], function(err, result) {
    self.json(result.rows);
  });
}

function note(id) {
  var self = this;
  // ruleid: js.sqli.string-query
  pool.query('SELECT body FROM notes WHERE id = ' + id, function(err, result) {
    self.json(result.rows[0]);
  });
}

function out() {
  // todoruleid: js.open-redirect.redirect
  this.redirect(this.query.url || '/');
}

function away() {
  var self = this;
  // ruleid: js.open-redirect.redirect
  self.redirect(self.query.url || '/');
}

function card() {
  var self = this;
  var text = self.query.text || '';
  // ruleid: js.xss.server-response
  self.content('<div class="card">' + text + '</div>', 'text/html');
  // ok: js.xss.server-response
  self.content(text, 'text/plain');
}

function archive() {
  var self = this;
  var name = self.body.name || 'notes';
  // ruleid: js.cmdi.child-process
  exec('tar czf /backups/' + name + '.tgz /data', function(err) {
    self.json({ success: !err });
  });
}

// Not registered with ROUTE: `this` is no controller.
function helper() {
  // ok: js.sqli.string-query
  pool.query("SELECT id FROM notes WHERE tag = '" + this.query.tag + "'");
}

module.exports.helper = helper;
