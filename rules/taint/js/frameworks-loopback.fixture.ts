// LoopBack 4 controllers: request data arrives in decorated parameters (@param.query.string, @param.path.string,
// @param.header.string, @param({ in: 'query' }), @requestBody) or the injected request.
import { inject } from '@loopback/core';
import { Filter, repository } from '@loopback/repository';
import { Entry, EntryRepository } from './entry.repository';
import { get, param, post, requestBody, Request, Response, RestBindings } from '@loopback/rest';
import { exec } from 'child_process';
import { readFile } from 'fs/promises';
import { Pool } from 'pg';

const db = new Pool();

export class ArchiveController {
  constructor(
    @inject(RestBindings.Http.RESPONSE) private res: Response,
    @repository(EntryRepository) private entryRepository: EntryRepository,
  ) {}

  @get('/archive/search')
  async search(@param.query.string('term') term: string) {
    // ruleid: js.sqli.string-query
    return db.query(`SELECT * FROM archive WHERE title LIKE '%${term}%'`);
  }

  @get('/archive/{year}')
  async byYear(@param.path.number('year') year: number) {
    // ok: js.sqli.string-query
    return db.query(`SELECT * FROM archive WHERE year = ${year}`);
  }

  @get('/archive/{slug}/raw')
  async raw(@param.path.string('slug') slug: string) {
    // ruleid: js.path-traversal.fs
    return readFile(`/srv/archive/${slug}.txt`, 'utf8');
  }

  @get('/archive/by-tag')
  async byTag(@param({ name: 'tag', in: 'query' }) tag: string) {
    // ruleid: js.sqli.string-query
    return db.query("SELECT * FROM archive WHERE tag = '" + tag + "'");
  }

  @get('/archive/preview')
  async preview(@param.header.string('x-title') title: string) {
    // ruleid: js.xss.server-response
    this.res.status(200).contentType('text/html').send(`<h2>${title}</h2>`);
    return this.res;
  }

  @get('/archive/preview.txt')
  async previewText(@param.header.string('x-title') title: string) {
    // ok: js.xss.server-response
    this.res.status(200).contentType('text/plain').send(`${title}`);
    return this.res;
  }

  @post('/archive/rebuild')
  async rebuild(@requestBody() body: { volume: string }) {
    // ruleid: js.cmdi.child-process
    exec(`rebuild-index --volume ${body.volume}`);
  }

  @post('/archive/rebuild-all')
  async rebuildAll(@requestBody() body: { volume: string }) {
    // ok: js.cmdi.child-process
    exec('rebuild-index --all');
    return { queued: !!body };
  }

  @get('/archive/entries')
  async entries(@param.query.object('filter') filter?: Filter<Entry>) {
    // A LoopBack filter is the repository's own query language, checked against the model's schema.
    // ok: js.nosqli.query-object
    return this.entryRepository.find(filter);
  }

  @get('/archive/whoami')
  async whoami(@inject(RestBindings.Http.REQUEST) req: Request) {
    // ruleid: js.sqli.string-query
    return db.query(`SELECT * FROM users WHERE agent = '${req.headers['user-agent']}'`);
  }
}
