// A service using a SQL ORM and MongoDB side by side: the SQL ORM's import no longer hides a receiver that is a
// collection or model by its value (`db.collection(...)`, a helper named for its collection, `mongoose.model`).
const Router = require('@koa/router');
const { Sequelize, QueryTypes } = require('sequelize');
const { MongoClient } = require('mongodb');

const sequelize = new Sequelize(process.env.ANALYTICS_URL);
const mongo = new MongoClient(process.env.MONGO_URL);
const router = new Router();
const Order = sequelize.define('Order', {});

async function ordersCollection() {
  await mongo.connect();
  return mongo.db('shop').collection('orders');
}

router.post('/orders/search', async (ctx) => {
  const items = await ordersCollection();
  const { owner, status } = ctx.request.body;
  // ruleid: js.nosqli.query-object
  ctx.body = await items.find({ owner, status }).toArray();
});

router.post('/orders/filter', async (ctx) => {
  const orders = mongo.db('shop').collection('orders');
  // ruleid: js.nosqli.query-object
  ctx.body = await orders.findOne(ctx.request.body.filter);
});

router.post('/orders/count', async (ctx) => {
  const col = await ordersCollection();
  // ruleid: js.nosqli.query-object
  ctx.body = { n: await col.countDocuments({ sku: ctx.request.body.sku }) };
});

// ---- negatives ----

router.post('/orders/sql', async (ctx) => {
  // Sequelize's finder binds the values of its where options.
  // ok: js.nosqli.query-object
  ctx.body = await Order.findOne({ where: { id: ctx.request.body.id } });
});

router.post('/orders/pick', async (ctx) => {
  const items = [{ sku: 'a' }, { sku: 'b' }];
  // An array's find, given a callback.
  // ok: js.nosqli.query-object
  ctx.body = items.find((i) => i.sku === ctx.request.body.sku);
});

router.post('/orders/cast', async (ctx) => {
  const items = await ordersCollection();
  // ok: js.nosqli.query-object
  ctx.body = await items.find({ owner: String(ctx.request.body.owner) }).toArray();
});

router.get('/orders/raw', async (ctx) => {
  // ok: js.nosqli.query-object
  ctx.body = await sequelize.query('SELECT * FROM orders WHERE sku = ?', { replacements: [ctx.query.sku], type: QueryTypes.SELECT });
});
