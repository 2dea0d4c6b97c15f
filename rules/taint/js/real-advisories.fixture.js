// Shapes of real advisories that Vigil misses (docs/accuracy.md, "Taint recall on real advisories"), written
// for this file. Static-file and listing middleware read the path with a URL parser that takes the whole
// request (`parseurl(req)`, as send, serve-static and serve-index do): an unknown call, so the path comes out clean.
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
      // todoruleid: js.xss.server-response
      res.end(page);
      return;
    }
    // path.join normalises "..", so "/../../etc/passwd" leaves root.
    // todoruleid: js.path-traversal.fs
    fs.createReadStream(path.join(root, wanted)).pipe(res);
  };
};

module.exports.addSlash = function addSlash() {
  return function (req, res) {
    res.statusCode = 301;
    // "//other.example/" as a path is a scheme-relative URL to another host.
    // todoruleid: js.open-redirect.location
    res.setHeader('Location', req.url + '/');
    res.end();
  };
};
