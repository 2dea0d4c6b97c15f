// Objects built from input and passed whole to a function that reads one field: the function's summary says which
// field of its parameter reaches the sink, and the caller's object holds input in that field only.
import express from 'express';
import { exec } from 'child_process';
import { Pool } from 'pg';

const app = express();
const pool = new Pool();

class BuildJob {
  constructor(public target: string, public branch: string = 'main') {}
}

class Report {
  region: string;
  limit: number;
  constructor(region: string, limit: number) {
    this.region = region;
    this.limit = limit;
  }
}

class OrderQuery {
  customerId: string;
  term: string;
  constructor({ customerId, term }: { customerId: string; term?: string }) {
    this.customerId = customerId;
    this.term = term || '';
  }

  // A static factory: the object it returns holds the request's fields.
  static fromRequest(req: express.Request) {
    return new OrderQuery({ ...(req.query as Record<string, string>), customerId: req.params.customerId });
  }
}

async function searchNotes(q: OrderQuery) {
  // ruleid: js.sqli.string-query
  return pool.query("SELECT id FROM orders WHERE note ILIKE '%" + q.term + "%'");
}

function runTarget(job: BuildJob) {
  // ruleid: js.cmdi.child-process
  exec('make ' + job.target);
}

function runBranch(job: BuildJob) {
  // ok: js.cmdi.child-process
  exec('git checkout ' + job.branch);
}

function schedule(job: BuildJob) {
  // Passed on whole: the field read a call further down is still this parameter's.
  runBranch(job);
}

async function byRegion(r: Report) {
  // ruleid: js.sqli.string-query
  return pool.query("SELECT * FROM sales WHERE region = '" + r.region + "'");
}

async function byLimit(r: Report) {
  // ok: js.sqli.string-query
  return pool.query('SELECT * FROM sales LIMIT ' + r.limit);
}

function regionOf(r: Report) {
  return r.region;
}

app.post('/build', (req, res) => {
  runTarget(new BuildJob(req.body.target));
  schedule(new BuildJob(req.body.target));
  const job = new BuildJob('all', req.body.branch);
  runTarget(job);
  res.send('queued');
});

app.get('/sales', async (req, res) => {
  const report = new Report(req.query.region as string, 10);
  await byLimit(report);
  res.json(await byRegion(report));
});

app.get('/sales/top', async (req, res) => {
  // A plain object given its field by assignment, and a getter returning the field.
  const filter: any = {};
  filter.region = req.query.region;
  const region = regionOf(filter);
  // ruleid: js.sqli.string-query
  res.json(await pool.query("SELECT * FROM top_sales WHERE region = '" + region + "'"));
});

app.get('/orders/:customerId/notes', async (req, res) => {
  res.json(await searchNotes(OrderQuery.fromRequest(req)));
});
