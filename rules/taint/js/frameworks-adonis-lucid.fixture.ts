// AdonisJS 5 controllers with Lucid: the context's route params (`{ params }`), and Database.rawQuery and the query
// builder's raw clauses, which take SQL text.
import type { HttpContextContract } from '@ioc:Adonis/Core/HttpContext';
import Database from '@ioc:Adonis/Lucid/Database';
import Application from '@ioc:Adonis/Core/Application';
import { basename } from 'node:path';

export default class PostsController {
  public async show({ params }: HttpContextContract) {
    // ruleid: js.sqli.string-query
    const result = await Database.rawQuery(`SELECT * FROM posts WHERE slug = '${params.id}'`);
    // ok: js.sqli.string-query
    await Database.rawQuery('SELECT * FROM posts WHERE slug = ?', [params.id]);
    return result.rows[0];
  }

  public async byMonth({ request }: HttpContextContract) {
    const query = Database.from('posts').select('id');
    // ruleid: js.sqli.string-query
    query.groupByRaw(request.input('group'));
    // ruleid: js.sqli.string-query
    query.joinRaw(`JOIN tags t ON t.post_id = posts.id AND t.name = '${request.input('tag')}'`);
    return query;
  }

  public async download({ request, response }: HttpContextContract) {
    // The application's paths join their parts: the file name climbs out with "../".
    // ruleid: js.path-traversal.fs
    response.download(Application.tmpPath('exports', request.input('file')));
    // ok: js.path-traversal.fs
    return response.download(Application.tmpPath('exports', basename(request.input('file'))));
  }
}
