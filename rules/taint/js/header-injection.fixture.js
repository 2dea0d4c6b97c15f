// Content-Disposition written by hand from request input, and the forms that encode the name.
const express = require('express');
const contentDisposition = require('content-disposition');

const app = express();
const FORMATS = ['csv', 'json'];

app.get('/export', (req, res) => {
  const name = req.query.name;
  // ruleid: js.header-injection.content-disposition
  res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
  // ruleid: js.header-injection.content-disposition
  res.set('Content-Disposition', 'attachment; filename=' + req.query.as);
  // ruleid: js.header-injection.content-disposition
  res.writeHead(200, { 'Content-Disposition': `inline; filename="${req.params.file}"` });
  // ok: js.header-injection.content-disposition
  res.setHeader('Content-Disposition', contentDisposition(name));
  // ok: js.header-injection.content-disposition
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  // ok: js.header-injection.content-disposition
  res.attachment(name);
  // ok: js.header-injection.content-disposition
  res.setHeader('Content-Disposition', 'attachment; filename="report.csv"');
  // ok: js.header-injection.content-disposition
  res.setHeader('X-Export-Name', name.length);
  const slug = String(name).replace(/[^\w-]/g, '');
  // ok: js.header-injection.content-disposition
  res.setHeader('Content-Disposition', `attachment; filename="${slug}.csv"`);
  // Every character but letters, digits, `_`, `.` and `-` replaced: nothing left to end the name, quoted or not.
  const fileName = String(name).replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 64);
  // ok: js.header-injection.content-disposition
  res.setHeader('Content-Disposition', `attachment; filename=${fileName}.csv`);
  // The class keeps `;` and `"`.
  const loose = String(name).replace(/[^A-Za-z0-9_.;"-]/g, '_');
  // ruleid: js.header-injection.content-disposition
  res.setHeader('Content-Disposition', `attachment; filename="${loose}.csv"`);
  const format = req.query.format;
  if (FORMATS.includes(format)) {
    // ok: js.header-injection.content-disposition
    res.setHeader('Content-Disposition', `attachment; filename="export.${format}"`);
  }
  res.end();
});

module.exports = app;

function dispositionFor(filename) {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

app.get('/export2', (req, res) => {
  // Quotes replaced in the quoted name, and the encoded form beside it.
  // ok: js.header-injection.content-disposition
  res.setHeader('Content-Disposition', dispositionFor(String(req.query.name)));
  // ok: js.header-injection.content-disposition
  res.setHeader('Content-Disposition', `attachment; filename="${String(req.query.name).replaceAll('"', '')}"`);
  // ruleid: js.header-injection.content-disposition
  res.setHeader('Content-Disposition', `attachment; filename="${String(req.query.name).replace(/\s/g, '_')}"`);
  res.end();
});
