// A file that imports both a MongoDB driver and a SQL ORM (a migration script): the ORM import turns the
// MongoDB sinks off by method name, but a model made with mongoose.model() is still MongoDB.
const express = require('express');
const mongoose = require('mongoose');
const { Sequelize } = require('sequelize');
const Legacy = mongoose.model('Legacy');
const sequelize = new Sequelize('sqlite::memory:');
const app = express();
const Account = sequelize.define('Account', {});

app.post('/migrate', async (req, res) => {
  // ruleid: js.nosqli.query-object
  const doc = await Legacy.findOne({ owner: req.body.owner });
  // ruleid: js.nosqli.query-object
  await Legacy.deleteMany(req.body.filter);
  // The value cast to a string cannot carry an operator.
  // ok: js.nosqli.query-object
  await Legacy.findOne({ owner: String(req.body.owner) });
  // ok: js.nosqli.query-object
  const row = await sequelize.models.User.findOne({ where: { owner: req.body.owner } });
  // A Sequelize model of this file: its finder binds values.
  // ok: js.nosqli.query-object
  const acct = await Account.findOne({ owner: req.body.owner });
  res.json({ doc, row, acct });
});
