// Admin tools: a discount-formula tester. Intentionally vulnerable (see README.md).
const express = require('express');

const router = express.Router();

router.post('/discount/preview', (req, res) => {
  const price = Number(req.body.price);
  const formula = req.body.formula; // e.g. "price * 0.9"
  const result = eval(formula.replace(/price/g, String(price)));
  res.json({ price, result });
});

module.exports = router;
