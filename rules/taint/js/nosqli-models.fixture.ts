// Route files of a Sequelize app often import only their models (the model file imports sequelize), as in a
// TypeScript app with `class UserModel extends Model`. Finder options with a top-level `where` are Sequelize /
// TypeORM / Prisma shapes; MongoDB filters name fields, and a field called `where` is not a MongoDB idiom.
import { Request, Response } from 'express';
import express from 'express';
import { UserModel } from '../models/user';
import { BasketModel } from '../models/basket';

const app = express();

app.get('/rest/user/:id', async (req: Request, res: Response) => {
  // ok: js.nosqli.query-object
  const user = await UserModel.findOne({ where: { id: req.params.id } });
  // ok: js.nosqli.query-object
  const basket = await BasketModel.findOne({ where: { UserId: req.body.UserId }, include: [{ model: UserModel }] });
  // ok: js.nosqli.query-object
  const other = await UserModel.findOne({ attributes: ['email'], where: { email: req.query.email } });
  // ok: js.nosqli.query-object
  await BasketModel.count({ where: { id: req.params.id } });
  res.json({ user, basket, other });
});

app.post('/rest/user/login', async (req: Request, res: Response) => {
  // Without a `where` wrapper this is a MongoDB-style filter, and operator injection.
  // ruleid: js.nosqli.query-object
  const user = await UserModel.findOne({ email: req.body.email });
  res.json({ user });
});
