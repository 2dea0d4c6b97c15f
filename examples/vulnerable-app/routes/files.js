// Invoice files: download and conversion. Intentionally vulnerable (see README.md).
const express = require('express');
const path = require('path');
const fs = require('fs');
const { exec } = require('child_process');

const router = express.Router();
const INVOICES = path.join(__dirname, '..', 'invoices');

router.get('/download', (req, res) => {
  const file = path.join(INVOICES, req.query.name);
  fs.readFile(file, (err, data) => {
    if (err) return res.sendStatus(404);
    res.type('application/pdf').send(data);
  });
});

router.post('/convert', (req, res) => {
  const input = req.body.filename;
  exec('libreoffice --headless --convert-to pdf ' + input, (err, stdout) => {
    if (err) return res.status(500).send('conversion failed');
    res.json({ output: stdout });
  });
});

module.exports = router;
