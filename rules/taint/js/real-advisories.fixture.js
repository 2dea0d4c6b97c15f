// Shapes of real advisories (docs/accuracy.md, "Taint recall on real advisories"), written for this file.
// Static-file and listing middleware read the path with a URL parser that takes the whole request
// (`parseurl(req)`, as send, serve-static and serve-index do), and redirect by setting the Location header.
const fs = require('fs');
const path = require('path');
const parseurl = require('parseurl');

module.exports = function serveFolder(root) {
  return function serve(req, res, next) {
    const wanted = decodeURIComponent(parseurl(req).pathname);
    if (wanted.endsWith('/')) {
      // A listing page with the request path pasted into an HTML template.
      const page = '<h1>Index of {dir}</h1>'.replace('{dir}', wanted);
      res.setHeader('Content-Type', 'text/html');
      // ruleid: js.xss.server-response
      res.end(page);
      return;
    }
    // path.join normalises "..", so "/../../etc/passwd" leaves root.
    // ruleid: js.path-traversal.fs
    fs.createReadStream(path.join(root, wanted)).pipe(res);
  };
};

module.exports.addSlash = function addSlash() {
  return function (req, res) {
    res.statusCode = 301;
    // "//other.example/" as a path is a scheme-relative URL to another host.
    // ruleid: js.open-redirect.redirect
    res.setHeader('Location', req.url + '/');
    res.end();
  };
};

module.exports.headers = function headers(req, res) {
  // ruleid: js.open-redirect.redirect
  res.writeHead(302, { Location: req.query.next });
  // ruleid: js.open-redirect.redirect
  res.location(req.query.next);
  // ok: js.open-redirect.redirect
  res.setHeader('Location', '/home');
  // ok: js.open-redirect.redirect
  res.setHeader('X-Next', req.query.next);
  res.end();
};
