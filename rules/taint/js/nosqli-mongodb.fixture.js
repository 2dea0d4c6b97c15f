// MongoDB driver and Mongoose, from their documentation (https://www.mongodb.com/docs/drivers/node/current/,
// https://mongoosejs.com/docs/queries.html). Filters take operators from objects, so a JSON body can send
// {"$ne": null} or {"$gt": ""}; $where, $function, $accumulator and mapReduce run JavaScript on the server.
const express = require('express');
const { MongoClient, ObjectId } = require('mongodb');
const mongoose = require('mongoose');

const client = new MongoClient('mongodb://localhost:27017');
const db = client.db('app');
const users = db.collection('users');
const Post = mongoose.model('Post', new mongoose.Schema({ title: String, owner: String }));
const app = express();
app.use(express.json());

app.post('/driver', async (req, res) => {
  // ruleid: js.nosqli.query-object
  const u = await users.findOne({ email: req.body.email, password: req.body.password });
  // ruleid: js.nosqli.query-object
  const list = await users.find({ owner: req.query.owner }).toArray();
  // ruleid: js.nosqli.query-object
  await users.deleteMany({ token: req.body.token });
  // ruleid: js.nosqli.query-object
  const n = await users.countDocuments({ team: req.query.team });
  // ruleid: js.nosqli.query-object
  await users.updateOne({ resetToken: req.body.token }, { $set: { password: 'x' } });
  // Route parameters are strings: no operator can ride in them.
  // ok: js.nosqli.query-object
  await users.findOneAndDelete({ name: req.params.name });
  // ok: js.nosqli.query-object
  await users.find(req.params).toArray();
  // ok: js.nosqli.query-object
  const { team } = req.params;
  await users.countDocuments({ team });
  // ruleid: js.nosqli.query-object
  await users.findOneAndDelete({ name: req.query.name, owner: req.params.owner });
  // The whole filter from the body.
  // ruleid: js.nosqli.query-object
  await users.find(req.body).toArray();
  res.json({ u, list, n });
});

app.post('/mongoose', async (req, res) => {
  // ruleid: js.nosqli.query-object
  const p = await Post.findOne({ owner: req.body.owner });
  // ruleid: js.nosqli.query-object
  const q = await Post.find(req.query);
  // ok: js.nosqli.query-object
  await Post.deleteOne({ title: req.params.title });
  // ruleid: js.nosqli.query-object
  await Post.deleteOne({ title: req.body.title });
  // ruleid: js.nosqli.query-object
  await Post.exists({ owner: req.body.owner });
  // ruleid: js.nosqli.query-object
  await Post.where({ owner: req.body.owner });
  // ruleid: js.nosqli.query-object
  await Post.distinct('title', { owner: req.query.owner });
  res.json({ p, q });
});

app.post('/update-whole', async (req, res) => {
  // The update document is the body: {"$set": {"role": "admin"}} as the caller likes.
  // ruleid: js.nosqli.query-object
  await users.updateOne({ _id: new ObjectId(String(req.params.id)) }, req.body);
  const changes = req.body.changes;
  // ruleid: js.nosqli.query-object
  await Post.findByIdAndUpdate(String(req.params.id), changes);
  // A field value inside $set only sets that field.
  // ok: js.nosqli.query-object
  await users.updateOne({ _id: new ObjectId(String(req.params.id)) }, { $set: { name: String(req.body.name) } });
  const update = { $set: { title: String(req.body.title) } };
  // ok: js.nosqli.query-object
  await Post.updateMany({ owner: 'me' }, update);
  res.end();
});

app.post('/server-js', async (req, res) => {
  // ruleid: js.code-injection.mongodb-js
  await users.find({ $where: `this.name == '${req.body.name}'` }).toArray();
  // ruleid: js.code-injection.mongodb-js
  await Post.find().$where('this.owner === "' + req.query.owner + '"');
  // ruleid: js.code-injection.mongodb-js
  await users.aggregate([{ $addFields: { x: { $function: { body: req.body.fn, args: [], lang: 'js' } } } }]);
  await users.aggregate([
    // ruleid: js.code-injection.mongodb-js
    { $group: { _id: '$k', v: { $accumulator: { init: req.body.init, accumulate: 'function(s){return s}', accumulateArgs: [], merge: 'function(a,b){return a}', lang: 'js' } } } },
  ]);
  // ruleid: js.code-injection.mongodb-js
  await Post.mapReduce({ map: req.body.map, reduce: 'function(k, v) { return Array.sum(v); }' });
  // ruleid: js.code-injection.mongodb-js
  await db.collection('orders').mapReduce(req.body.map, 'function(k, v) { return Array.sum(v); }', { out: 'totals' });
  // Fixed code, input only as a value the function receives.
  // ok: js.code-injection.mongodb-js
  await users.aggregate([{ $addFields: { x: { $function: { body: 'function(a) { return a * 2; }', args: [Number(req.body.n)], lang: 'js' } } } }]);
  // ok: js.code-injection.mongodb-js
  await users.find({ $where: 'this.credits > this.debits' }).toArray();
  // ok: js.code-injection.mongodb-js
  await users.find({ $where: 'this.age > ' + parseInt(req.query.age, 10) }).toArray();
  res.end();
});

// ---- negatives ----
app.post('/safe', async (req, res) => {
  // ok: js.nosqli.query-object
  await users.findOne({ email: String(req.body.email) });
  // ok: js.nosqli.query-object
  await users.findOne({ _id: new ObjectId(String(req.params.id)) });
  // ok: js.nosqli.query-object
  await Post.findOne({ _id: mongoose.Types.ObjectId(req.params.id) });
  // ok: js.nosqli.query-object
  await Post.find({ owner: req.user && 'me' === 'me' ? 'me' : 'you' });
  // ok: js.nosqli.query-object
  await users.countDocuments({ age: Number(req.query.age) });
  // ok: js.nosqli.query-object
  await users.find({ page: parseInt(req.query.page, 10) }).toArray();
  const status = req.query.status;
  if (['open', 'closed'].includes(status)) {
    // ok: js.nosqli.query-object
    await users.find({ status }).toArray();
  }
  // ok: js.nosqli.query-object
  await users.deleteMany({ expired: true });
  // ok: js.nosqli.query-object
  const tags = ['a', 'b'].find((t) => t === req.query.tag);
  // ok: js.nosqli.query-object
  await users.updateOne({ _id: 'fixed' }, { $inc: { visits: 1 } });
  // A template literal is always a string.
  // ok: js.nosqli.query-object
  await Post.findOne({ title: `${req.query.title}` });
  // ok: js.nosqli.query-object
  await Post.findOne({ slug: `post-${req.query.slug}` });
  // ok: js.nosqli.query-object
  await Post.findOne({ 'credentials.id': Buffer.from(JSON.parse(req.body.credential).id, 'base64url') });
  // ok: js.nosqli.query-object
  await Post.findOne({ title: req.query.series + ' ' + req.query.part });
  // ruleid: js.nosqli.query-object
  await Post.findOne({ title: req.query.title, author: `${req.query.author}` });
  res.json({ tags });
});

app.post('/eq-wrapped', async (req, res) => {
  // $eq compares the value as it is: {"$ne": null} is matched as an object, not run as an operator.
  // ok: js.nosqli.query-object
  const users = await db.collection('users').find({ username: { $eq: req.body.username } }).toArray();
  const tag = req.query.tag;
  // ok: js.nosqli.query-object
  const tagged = await db.collection('posts').find({ tags: { $eq: tag }, shared: true }).toArray();
  // Only the value under $eq is wrapped: the filter's other field is still the input as it is.
  // ruleid: js.nosqli.query-object
  const both = await db.collection('users').find({ username: { $eq: req.body.username }, role: req.body.role }).toArray();
  res.json({ users, tagged, both });
});

// An aggregation pipeline's $match stage is a query too.
app.get('/stats', async (req, res) => {
  const stats = await db.collection('products').aggregate([
    // ruleid: js.nosqli.query-object
    { $match: { category: req.query.category, published: true } },
    { $group: { _id: '$category', n: { $sum: 1 } } },
  ]).toArray();
  const safe = await db.collection('products').aggregate([
    // ok: js.nosqli.query-object
    { $match: { category: String(req.query.category) } },
  ]).toArray();
  res.json({ stats, safe });
});
