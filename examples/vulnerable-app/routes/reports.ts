// Sales reports, in TypeScript. Intentionally vulnerable (see README.md).
import { Router, type Request, type Response } from 'express';
import yaml from 'js-yaml';
import { Pool } from 'pg';

const router = Router();
const pool = new Pool({ connectionString: process.env.DATABASE_URL });

interface ReportSpec {
  title: string;
  columns: string[];
}

router.get('/reports/sales', async (req: Request, res: Response) => {
  const region = String(req.query.region);
  const result = await pool.query(`SELECT day, SUM(total) AS total FROM sales WHERE region = '${region}' GROUP BY day`);
  res.json(result.rows);
});

router.post('/reports/custom', (req: Request, res: Response) => {
  // js-yaml 3: load() uses the full schema, so `!!js/function` in the body builds a function.
  const spec = yaml.load(req.body.spec) as ReportSpec;
  res.json({ title: spec.title, columns: spec.columns });
});

export default router;
