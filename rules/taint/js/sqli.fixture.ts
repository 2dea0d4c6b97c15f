import express, { Request, Response } from 'express';
import { Pool } from 'pg';

const pool = new Pool();
const app = express();

app.get('/orders', async (req: Request, res: Response) => {
  const status = req.query.status as string;
  // ruleid: js.sqli.string-query
  const result = await pool.query(`SELECT * FROM orders WHERE status = '${status}' AND region = ${req.query.region}`);
  res.json(result.rows);
});

async function countBy(column: string): Promise<number> {
  // ruleid: js.sqli.string-query
  const r = await pool.query('SELECT count(*) FROM orders GROUP BY ' + column);
  return r.rowCount ?? 0;
}

app.get('/stats', async (req: Request, res: Response) => {
  res.json(await countBy(req.query.by as string));
});

// ---- negatives ----
app.get('/n1', async (req: Request, res: Response) => {
  // ok: js.sqli.string-query
  await pool.query('SELECT * FROM orders WHERE id = $1', [req.query.id]);
  const limit: number = Number(req.query.limit);
  // ok: js.sqli.string-query
  await pool.query('SELECT * FROM orders LIMIT ' + limit);
});
