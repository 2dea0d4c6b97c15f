// Prisma, TypeORM and Knex: the query builders bind values; only the raw forms run text as SQL.
// https://www.prisma.io/docs/orm/prisma-client/using-raw-sql/raw-queries, https://typeorm.io/select-query-builder,
// https://knexjs.org/guide/raw.html
import express from 'express';
import { PrismaClient } from '@prisma/client';
import { DataSource } from 'typeorm';
import knexFactory from 'knex';

const prisma = new PrismaClient();
const dataSource = new DataSource({ type: 'postgres' });
const knex = knexFactory({ client: 'pg' });
const app = express();

app.get('/prisma', async (req, res) => {
  // ok: js.nosqli.query-object
  const user = await prisma.user.findUnique({ where: { id: req.query.id as string } });
  // ok: js.nosqli.query-object
  const posts = await prisma.post.findMany({ where: { title: { contains: req.query.q as string } } });
  // ok: js.nosqli.query-object
  await prisma.user.deleteMany({ where: { email: req.body.email } });
  // ok: js.nosqli.query-object
  await prisma.user.updateMany({ where: { id: req.body.id }, data: { name: req.body.name } });
  // ruleid: js.sqli.string-query
  const raw = await prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE email = '${req.query.email}'`);
  // ruleid: js.sqli.string-query
  await prisma.$executeRawUnsafe('DELETE FROM "User" WHERE id = ' + req.query.id);
  // The tagged template binds its values.
  // ok: js.sqli.string-query
  const bound = await prisma.$queryRaw`SELECT * FROM "User" WHERE email = ${req.query.email}`;
  // ok: js.sqli.string-query
  const unsafeButBound = await prisma.$queryRawUnsafe('SELECT * FROM "User" WHERE email = $1', req.query.email);
  res.json({ user, posts, raw, bound, unsafeButBound });
});

app.get('/typeorm', async (req, res) => {
  const repo = dataSource.getRepository('User');
  // ok: js.nosqli.query-object
  const user = await repo.findOne({ where: { id: req.params.id } });
  // ok: js.nosqli.query-object
  const byName = await repo.findOneBy({ name: req.query.name });
  // ruleid: js.sqli.string-query
  const rows = await dataSource.query(`SELECT * FROM users WHERE name = '${req.query.name}'`);
  // ruleid: js.sqli.string-query
  const mrows = await dataSource.manager.query('SELECT * FROM users WHERE id = ' + req.params.id);
  // ok: js.sqli.string-query
  const prows = await dataSource.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  // ruleid: js.sqli.string-query
  const qb = await repo.createQueryBuilder('u').where('u.name = ' + req.query.name).getMany();
  // ok: js.sqli.string-query
  const qb2 = await repo.createQueryBuilder('u').where('u.name = :name', { name: req.query.name }).getMany();
  res.json({ user, byName, rows, mrows, prows, qb, qb2 });
});

app.get('/knex', async (req, res) => {
  // ok: js.nosqli.query-object
  const rows = await knex('users').where({ id: req.params.id });
  // ok: js.nosqli.query-object
  const first = await knex('users').where('name', req.query.name).first();
  // ruleid: js.sqli.string-query
  const raw = await knex.raw('SELECT * FROM users WHERE name = ' + req.query.name);
  // ok: js.sqli.string-query
  const bound = await knex.raw('SELECT * FROM users WHERE name = ?', [req.query.name]);
  res.json({ rows, first, raw, bound });
});
