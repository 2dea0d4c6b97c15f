// `exec` on a database made in another module (`import { db } from './db'`, better-sqlite3 there) or on Cloudflare
// D1's binding: SQL text, though this file imports no driver.
import { Hono } from 'hono';
import { db } from './db';

export const admin = new Hono<{ Bindings: { DB: D1Database } }>();

admin.post('/migrate', async (c) => {
  const { migration } = await c.req.json<{ migration: string }>();
  // ruleid: js.sqli.string-query
  db.exec(migration);
  return c.json({ ok: true });
});

admin.post('/purge', async (c) => {
  const ids = c.req.query('ids') ?? '';
  // ruleid: js.sqli.string-query
  await c.env.DB.exec(`DELETE FROM todos WHERE id IN (${ids})`);
  // ok: js.sqli.string-query
  db.exec('VACUUM');
  return c.json({ ok: true });
});

admin.get('/match', (c) => {
  // A regular expression's exec is no query.
  const re = /^(\w+)$/;
  // ok: js.sqli.string-query
  return c.json(re.exec(c.req.query('q') ?? ''));
});
