const express = require('express');
const mongoose = require('mongoose');
const User = mongoose.model('User');
const app = express();

app.post('/login', async (req, res) => {
  // {"username": "admin", "password": {"$ne": null}} logs in as admin.
  // ruleid: js.nosqli.query-object
  const user = await User.findOne({ username: req.body.username, password: req.body.password });
  res.json({ ok: !!user });
});

app.get('/items', async (req, res) => {
  const filter = { owner: req.query.owner };
  // ruleid: js.nosqli.query-object
  const items = await db.collection('items').find(filter).toArray();
  // ruleid: js.code-injection.mongodb-js
  await User.find({ $where: 'this.age > ' + req.query.age });
  res.json(items);
});

// ---- negatives ----
app.post('/n1', async (req, res) => {
  // Forced to strings: operators cannot be smuggled in.
  // ok: js.nosqli.query-object
  await User.findOne({ username: String(req.body.username), password: String(req.body.password) });
  // ok: js.nosqli.query-object
  await User.findOne({ active: true });
  // Array.prototype.find with a callback is not a query.
  // ok: js.nosqli.query-object
  const found = [1, 2, 3].find((x) => x === Number(req.query.n));
  res.json({ found });
});

// ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
function notAHandler(res, key) {
  // A local object that happens to be called req.
  const req = { query: { v: 'fixed' } };
  // ok: js.nosqli.query-object
  User.findOne({ name: req.query.v });
}

app.post('/shared-negatives', (req, res) => {
  const key = 'k';
  if (false) {
    // ok: js.nosqli.query-object
    User.findOne({ name: req.query.v });
  }
  const choice = req.query.v;
  if (['alpha', 'beta'].includes(choice)) {
    // ok: js.nosqli.query-object
    User.findOne({ name: choice });
  }
  // ok: js.nosqli.query-object
  User.findOne({ name: process.env.APP_SETTING });
});
