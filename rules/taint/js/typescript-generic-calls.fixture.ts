// Awaited calls with type arguments: tree-sitter-typescript reads `await axios.get<T>(url)` as a call whose
// callee is `await axios.get`, so the sink's name is seen through the await.
import express from 'express';
import axios from 'axios';
import { PrismaClient } from '@prisma/client';
import { Sequelize, QueryTypes } from 'sequelize';

const app = express();
const prisma = new PrismaClient();
const sequelize = new Sequelize(process.env.DATABASE_URL as string);

interface Feed { title: string }
interface Row { id: number }

app.post('/feeds', async (req, res) => {
  const { feedUrl } = req.body;
  // ruleid: js.ssrf.http-client
  const { data } = await axios.get<Feed>(feedUrl, { timeout: 3000 });
  // ruleid: js.ssrf.http-client
  const posted = await axios.post<Feed>(req.body.hook, { ok: true });
  // ok: js.ssrf.http-client
  const fixed = await axios.get<Feed>('https://feeds.example.com/latest', { params: { q: feedUrl } });
  res.json({ data, posted: posted.status, fixed: fixed.data });
});

app.get('/rows', async (req, res) => {
  // ruleid: js.sqli.string-query
  const rows = await sequelize.query<Row>(`SELECT id FROM rows WHERE name = '${req.query.name}'`, { type: QueryTypes.SELECT });
  // ruleid: js.sqli.string-query
  const raw = await prisma.$queryRawUnsafe<Row[]>(`SELECT id FROM "Row" WHERE tag = '${req.query.tag}'`);
  // ok: js.sqli.string-query
  const bound = await sequelize.query<Row>('SELECT id FROM rows WHERE name = :name', { replacements: { name: req.query.name }, type: QueryTypes.SELECT });
  res.json({ rows, raw, bound });
});

// A source matched by a callee metavariable (h3's `readBody<T>(event)`), and a local function's summary, through
// the same reading.
interface Preview { title?: string; expr?: string }

function runExpr<T>(expr: string): T {
  // ruleid: js.code-injection.eval
  return eval(expr) as T;
}

export const preview = defineEventHandler(async (event) => {
  const body = await readBody<Preview>(event);
  // ruleid: js.code-injection.eval
  eval(body.expr ?? '');
  await runExpr<number>(body.title ?? '');
  return 'ok';
});
