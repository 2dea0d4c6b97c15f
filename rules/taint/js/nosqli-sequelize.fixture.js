// A Sequelize app (https://sequelize.org/docs/v6/core-concepts/model-querying-basics/): finder options are not
// MongoDB queries. Since v5 operators are Symbols (Op.ne), so a JSON body cannot smuggle one in; only the raw
// forms are injectable, and they are SQL injection.
const express = require('express');
const { Sequelize, DataTypes, Op } = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
const User = sequelize.define('User', { username: DataTypes.STRING, password: DataTypes.STRING });
const router = express.Router();

router.get('/users/:id', async (req, res) => {
  // ok: js.nosqli.query-object
  const user = await User.findOne({ where: { id: req.params.id } });
  // ok: js.nosqli.query-object
  const one = await User.findOne({ where: { username: req.query.name }, attributes: ['id'] });
  // ok: js.nosqli.query-object
  const n = await User.count({ where: { role: req.query.role } });
  // ok: js.nosqli.query-object
  const gone = await User.destroy({ where: { id: req.params.id } });
  // ok: js.nosqli.query-object
  const many = await User.findAll({ where: { email: { [Op.like]: req.query.q } } });
  // ok: js.nosqli.query-object
  await User.update({ username: req.body.username }, { where: { id: req.params.id } });
  res.json({ user, one, n, gone, many });
});

router.post('/login', async (req, res) => {
  // A filter built first, then passed: still Sequelize, not MongoDB.
  const options = { where: { username: req.body.username, password: req.body.password } };
  // ok: js.nosqli.query-object
  const user = await User.findOne(options);
  res.json({ ok: !!user });
});

router.get('/search', async (req, res) => {
  // The raw form is SQL injection.
  // ruleid: js.sqli.string-query
  const rows = await sequelize.query(`SELECT * FROM Users WHERE name LIKE '%${req.query.q}%'`);
  // ruleid: js.sqli.string-query
  const lit = await User.findAll({ where: sequelize.literal('id = ' + req.query.id) });
  // Replacements keep it a parameterised query.
  // ok: js.sqli.string-query
  const safe = await sequelize.query('SELECT * FROM Users WHERE name = ?', { replacements: [req.query.q] });
  res.json({ rows, lit, safe });
});
