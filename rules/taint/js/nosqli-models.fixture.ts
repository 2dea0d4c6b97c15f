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

// Finder options kept in a variable, with a caller's own options taking their place when given (Chartbrew's
// `findById(id, customQuery)`): the alternative shows the call takes Sequelize finder options.
class ChartStore {
  findById(id: string, customQuery?: object) {
    const query = { where: { id }, include: [{ model: BasketModel }] };
    return UserModel.findOne(customQuery || query);
  }
}
const charts = new ChartStore();

app.post('/chart/order', async (req: Request, res: Response) => {
  // ok: js.nosqli.query-object
  const chart = await UserModel.findOne(req.body.custom ?? { where: { id: req.body.otherId } });
  // ok: js.nosqli.query-object
  const again = await charts.findById(req.body.otherId);
  // An alternative that is no finder options is still a filter.
  // ruleid: js.nosqli.query-object
  const user = await UserModel.findOne(req.body.filter || { email: req.body.email });
  res.json({ chart, again, user });
});

// The application's own controllers, whose methods are analysed where they are defined.
import alertController from '../controllers/alert';
declare const charts2: { datasetController: { update(id: string, u: object): Promise<unknown> }; alertService: { updateOne(id: string, u: object): Promise<unknown> } };
declare const petService: { findOne(id: unknown): Promise<unknown> };
app.put('/alert/:id', async (req: Request, res: Response) => {
  // ok: js.nosqli.query-object
  res.json(await alertController.update(req.params.id, req.body));
  // ok: js.nosqli.query-object
  res.json(await charts2.datasetController.update(req.params.id, req.body));
  // A service is the application's own code too (a NestJS or routing-controllers app's `this.petService`).
  // ok: js.nosqli.query-object
  res.json(await petService.findOne(req.query.id));
  // ok: js.nosqli.query-object
  res.json(await charts2.alertService.updateOne(req.params.id, req.body));
  // A collection is still one.
  // ruleid: js.nosqli.query-object
  res.json(await Alerts.updateOne({ _id: String(req.params.id) }, req.body));
});
declare const Alerts: { updateOne(q: object, u: object): Promise<unknown> };
