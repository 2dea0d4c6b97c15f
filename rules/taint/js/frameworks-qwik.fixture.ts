// vigil-fixture-path: src/routes/reports/index.tsx
// Qwik City: a routeLoader$'s RequestEvent, a routeAction$'s form data, a server$ function's arguments and a route
// module's onGet handler.
import { routeAction$, routeLoader$, server$, type RequestHandler } from '@builder.io/qwik-city';
import { exec, execFile } from 'node:child_process';
import mysql from 'mysql2/promise';

const pool = mysql.createPool(process.env.DATABASE_URL ?? '');

export const useReports = routeLoader$(async (requestEvent) => {
  const team = requestEvent.query.get('team') ?? 'all';
  // ruleid: js.sqli.string-query
  const [rows] = await pool.query(`SELECT id, title FROM reports WHERE team = '${team}'`);
  // ok: js.sqli.string-query
  const [same] = await pool.query('SELECT id, title FROM reports WHERE team = ?', [team]);
  return [rows, same];
});

export const useArchive = routeAction$(async (data) => {
  // ruleid: js.cmdi.child-process
  exec(`gzip -kf exports/${data.name}.csv`);
  // ok: js.cmdi.child-process
  execFile('gzip', ['-kf', '--', `exports/${data.name}.csv`]);
  return { ok: true };
});

export const evaluateFormula = server$(async function (formula: string) {
  // ruleid: js.code-injection.eval
  return eval(`(v) => ${formula}`);
});

export const onGet: RequestHandler = async ({ query, redirect }) => {
  const to = query.get('to') ?? '/';
  if (query.has('external')) {
    // ruleid: js.open-redirect.redirect
    throw redirect(302, to);
  }
  // ok: js.open-redirect.redirect
  throw redirect(302, '/reports?from=' + encodeURIComponent(to));
};
