// zod (https://zod.dev): `Schema.parse(input)` returns the input validated. A `z.string()` field is still any text
// the client chose; a `z.coerce.number()`, `z.enum([...])`, `z.string().uuid()` or anchored-regex field is not.
import express from 'express';
import { exec } from 'child_process';
import { z } from 'zod';
import { pool } from './db';

const app = express();

const SearchQuery = z.object({
  customer: z.string().max(120).default(''),
  year: z.coerce.number().int().min(2000).optional(),
  sort: z.enum(['issued_at', 'amount']).default('issued_at'),
  id: z.string().uuid(),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  tag: z.string().regex(/[a-z0-9-]+/),
  code: z.coerce.number().transform((n) => `${n}`).or(z.string()),
});

app.get('/invoices', async (req, res) => {
  const q = SearchQuery.parse(req.query);
  // ruleid: js.sqli.string-query
  const rows = await pool.query(`SELECT * FROM invoices WHERE customer ILIKE '%${q.customer}%'`);
  // ok: js.sqli.string-query
  const more = await pool.query(`SELECT * FROM invoices WHERE year = ${q.year} ORDER BY ${q.sort} LIMIT 10`);
  res.json([rows, more]);
});

app.get('/invoices/:id', async (req, res) => {
  const { id, slug, tag } = await SearchQuery.parseAsync({ ...req.query, ...req.params });
  // ok: js.sqli.string-query
  await pool.query(`SELECT * FROM invoices WHERE id = '${id}' AND slug = '${slug}'`);
  // ruleid: js.sqli.string-query
  await pool.query(`SELECT * FROM invoices WHERE tag = '${tag}'`);
  res.end();
});

app.post('/bulk', async (req, res) => {
  const parsed = SearchQuery.safeParse(req.body);
  if (!parsed.success) return res.status(400).end();
  // ok: js.cmdi.child-process
  exec(`report --year ${parsed.data.year}`);
  // ruleid: js.cmdi.child-process
  exec(`report --code ${parsed.data.code}`);
  // ruleid: js.cmdi.child-process
  exec('report --customer ' + SearchQuery.parse(req.body).customer);
  res.end();
});
