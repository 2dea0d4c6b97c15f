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

// TypeORM's query builder takes SQL text in ORDER BY and GROUP BY too, through a variable holding the builder.
export async function byDepartment(dataSource: any, req: any) {
  const sort = req.query.sort;
  const qb = dataSource.createQueryBuilder().select('u.*').from('users', 'u').where('u.department = :d', { d: req.query.d });
  // ruleid: js.sqli.string-query
  qb.orderBy(sort);
  // ruleid: js.sqli.string-query
  qb.addGroupBy(`u.${req.query.group}`);
  // ok: js.sqli.string-query
  qb.orderBy('u.created_at', req.query.dir === 'asc' ? 'ASC' : 'DESC');
  const list = [3, 1, 2];
  // ok: js.sqli.string-query
  list.sort();
  return qb.getRawMany();
}
