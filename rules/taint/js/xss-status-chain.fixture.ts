// Express's res.status(code) sets the status and returns the response (https://expressjs.com/en/api.html#res.status,
// "a chainable alias of Node's response.statusCode"), so `res.status(404).end(text)` writes the text as
// `res.end(text)` does: with no Content-Type set, the browser sniffs it and renders markup as HTML. Issue 15, held
// out 4 (a 404 page that echoed req.path).
import express from 'express';
import escapeHtml from 'escape-html';

const app = express();

app.get('*', (req, res) => {
  void lookup(req.path).then((found) => {
    if (found) return;
    // ruleid: js.xss.server-response
    res.status(404).end(`path "${req.path}" not found.`);
  });
});

app.get('/echo', (req, res) => {
  // ruleid: js.xss.server-response
  res.status(200).write('<p>' + req.query.q + '</p>');
  res.end();
});

app.get('/safe', (req, res) => {
  // ok: js.xss.server-response
  res.status(404).end(`path "${escapeHtml(req.path)}" not found.`);
});

app.get('/json', (req, res) => {
  // ok: js.xss.server-response
  res.status(400).json({ error: req.query.q });
});

async function lookup(p: string): Promise<boolean> {
  return p.length > 100;
}
