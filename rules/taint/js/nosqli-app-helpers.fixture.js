// An application's own modules named `exists`/`remove` (NodeBB's `posts.exists(pid)`, `file.exists(path)`,
// `db.exists(key)`) are not Mongoose: only a model or collection by its name is (`User.exists`, `userModel.remove`,
// `db.collection('users').remove`). The other MongoDB methods keep matching any receiver.
const express = require('express');
const posts = require('./posts');
const file = require('./file');
const db = require('./database');
const models = require('./models');
const User = require('./models/user');

const app = express();

app.post('/posts/check', async (req, res) => {
  // ok: js.nosqli.query-object
  const found = await posts.exists(req.body.pid);
  // ok: js.nosqli.query-object
  await file.exists(req.body.path);
  // ok: js.nosqli.query-object
  await db.exists(req.query.key);
  // ok: js.nosqli.query-object
  await posts.announce.remove(req.body.object);
  res.json({ found });
});

app.post('/users/check', async (req, res) => {
  // ruleid: js.nosqli.query-object
  const a = await User.exists(req.body.filter);
  // ruleid: js.nosqli.query-object
  const b = await models.User.exists(req.body.filter);
  // ruleid: js.nosqli.query-object
  await db.collection('users').remove(req.body.filter);
  // ruleid: js.nosqli.query-object
  const c = await posts.findOne(req.body.filter);
  res.json({ a, b, c });
});

app.listen(3000);
