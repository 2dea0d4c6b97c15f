// A file that imports both a MongoDB driver and a SQL ORM (a migration script): the ORM import turns the
// MongoDB sinks off for the whole file, so a real MongoDB injection here is missed.
const express = require('express');
const mongoose = require('mongoose');
const { Sequelize } = require('sequelize');
const Legacy = mongoose.model('Legacy');
const sequelize = new Sequelize('sqlite::memory:');
const app = express();

app.post('/migrate', async (req, res) => {
  // todoruleid: js.nosqli.query-object
  const doc = await Legacy.findOne({ owner: req.body.owner });
  // ok: js.nosqli.query-object
  const row = await sequelize.models.User.findOne({ where: { owner: req.body.owner } });
  res.json({ doc, row });
});
