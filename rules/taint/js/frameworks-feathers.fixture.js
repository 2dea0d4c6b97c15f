// Feathers services: a class whose instance the module registers on a path (`app.use('/notes', new NotesService())`)
// answers clients with its find/get/create/update/patch/remove methods. The module imports no Feathers package.
const fs = require('fs');
const path = require('path');
const { exec } = require('child_process');

const ROOT = '/srv/notes';

class NotesService {
  constructor(options) {
    this.db = options.db;
  }

  async find(params) {
    // ruleid: js.sqli.string-query
    return this.db.query(`SELECT * FROM notes WHERE tag = '${params.query.tag}'`);
  }

  async get(id, params) {
    // ruleid: js.path-traversal.fs
    return fs.promises.readFile(path.join(ROOT, id), 'utf8');
  }

  async create(data, params) {
    // The authenticated user is the server's.
    // ok: js.cmdi.child-process
    exec('logger created-by ' + params.user.id);
    // ruleid: js.cmdi.child-process
    exec('pandoc -o out.pdf ' + data.file);
    return data;
  }

  // Not a service method: a helper the class calls itself.
  // ok: js.cmdi.child-process
  render(template) { exec('render ' + template); }
}

class NotRegistered {
  async get(id) {
    // ok: js.path-traversal.fs
    return fs.promises.readFile(path.join(ROOT, id), 'utf8');
  }
}

module.exports = (app) => {
  app.use('/notes', new NotesService({ db: app.get('db') }));
};

// Feathers 5 registers a service with options (`methods`, `events`) after the instance.
class ReportsService {
  constructor(knex) { this.knex = knex; }

  async find(params) {
    const { region = 'emea' } = params.query ?? {};
    // ruleid: js.sqli.string-query
    return this.knex.raw(`select id from orders where region = '${region}'`);
  }

  async remove(id) {
    // ok: js.sqli.string-query
    await this.knex.raw('delete from orders where id = ?', [id]);
    // ruleid: js.sqli.string-query
    return this.knex.raw(`delete from order_notes where order_id = ${id}`);
  }

  // A custom method exposed through `methods` takes (data, params) too; not found yet.
  async summary(data, params) {
    // todoruleid: js.sqli.string-query
    return this.knex('orders').whereRaw(`customer ilike '%${params.query.customer}%'`);
  }
}

exports.reports = (app) => {
  app.use('reports', new ReportsService(app.get('knex')), { methods: ['find', 'remove', 'summary'], events: [] });
};
