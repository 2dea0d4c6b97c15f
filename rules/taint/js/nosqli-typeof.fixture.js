// A value checked to be a string (or number) before it goes into a MongoDB query carries no operator object.
const express = require('express');
const { Message } = require('./models');

const app = express();
app.use(express.json());

app.post('/history', async (req, res) => {
  const room = typeof req.body.room === 'string' ? req.body.room : '';
  // ok: js.nosqli.query-object
  res.json(await Message.find({ room }).limit(50));
});

app.post('/login', async (req, res) => {
  const { user } = req.body;
  if (typeof user !== 'string') return res.sendStatus(400);
  // ok: js.nosqli.query-object
  res.json(await Message.findOne({ user }));
});

app.post('/search', async (req, res) => {
  if (typeof req.body.tag === 'string') {
    // ok: js.nosqli.query-object
    return res.json(await Message.find({ tag: req.body.tag }));
  }
  res.sendStatus(400);
});

app.post('/unchecked', async (req, res) => {
  const room = typeof req.body.room === 'object' ? req.body.room : '';
  // An object is exactly what carries an operator.
  // ruleid: js.nosqli.query-object
  res.json(await Message.find({ room }).limit(50));
});

app.post('/other', async (req, res) => {
  const room = typeof req.body.other === 'string' ? req.body.room : '';
  // The check was on another value.
  // ruleid: js.nosqli.query-object
  res.json(await Message.find({ room }).limit(50));
});

app.post('/by-string-method', async (req, res) => {
  const term = req.body.term;
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // What a string method returns is a string: no operator in it.
  // ok: js.nosqli.query-object
  res.json(await Message.find({ text: { $regex: escaped, $options: 'i' } }));
  // ok: js.nosqli.query-object
  res.json(await Message.find({ user: req.body.user.trim().toLowerCase() }));
  // Arrays have slice too: an array of objects stays one.
  // ruleid: js.nosqli.query-object
  res.json(await Message.find({ user: req.body.users.slice(0, 1)[0] }));
  // The query itself taken from the body whole, lower-cased keys or not, is still the caller's.
  // ruleid: js.nosqli.query-object
  res.json(await Message.find({ user: req.body.user, room: req.body.room.trim() }));
});
