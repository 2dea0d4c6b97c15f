// Node's path.relative(from, to) (https://nodejs.org/api/path.html#pathrelativefrom-to) is the way from one path to
// the other: for a path joined under root (path.join/resolve remove "..") it starts with ".." only when the path
// is above root. Refusing then keeps the path inside root, a static server's usual containment check (glance's
// fix for its path traversal). Issue 15, held out 5.
const fs = require('fs');
const http = require('http');
const path = require('path');

const root = path.resolve('public');

http.createServer((req, res) => {
  const full = path.join(root, decodeURIComponent(new URL(req.url, 'http://localhost').pathname));
  if (path.relative(root, full).startsWith('..')) {
    res.statusCode = 403;
    return res.end();
  }
  // ok: js.path-traversal.fs
  fs.createReadStream(full).pipe(res);
});

function Server(dir) {
  this.dir = path.resolve(dir);
}

Server.prototype.serve = function (req, res) {
  const request = {};
  request.fullPath = path.join(this.dir, decodeURIComponent(req.url));
  if (path.relative(this.dir, request.fullPath).startsWith('..')) return res.end('forbidden');
  // ok: js.path-traversal.fs
  fs.stat(request.fullPath, (err, st) => res.end(String(!err && st.size)));
};

http.createServer((req, res) => {
  const full = path.join(root, decodeURIComponent(req.url));
  // Only logged: the request goes on.
  if (path.relative(root, full).startsWith('..')) console.warn('outside the root');
  // ruleid: js.path-traversal.fs
  fs.readFile(full, (err, data) => res.end(data));
});

http.createServer((req, res) => {
  const raw = decodeURIComponent(req.url);
  // The check is on another path than the one opened.
  if (path.relative(root, path.join(root, 'index.html')).startsWith('..')) return res.end();
  // ruleid: js.path-traversal.fs
  fs.readFile(raw, (err, data) => res.end(data));
});

http.createServer(async (req, res) => {
  const target = path.resolve(root, decodeURIComponent(req.url).slice(1));
  // Absoluteness refused too (a path.relative on Windows across drives), on the relative path or on the target.
  if (path.relative(root, target).startsWith('..') || path.isAbsolute(path.relative(root, target))) return res.end();
  // ok: js.path-traversal.fs
  fs.readFile(target, (err, data) => res.end(data));
});

http.createServer(async (req, res) => {
  const target = path.resolve(root, decodeURIComponent(req.url).slice(1));
  if (path.relative(root, target).startsWith('..') || path.isAbsolute(target)) return res.end();
  // ok: js.path-traversal.fs
  fs.readFile(target, (err, data) => res.end(data));
});

// The relative path kept in a variable first (`const rel = path.relative(root, full)`), checked after: the check
// reads the variable's value, so it is on full. Electron and static servers write it this way.
function resolveInRoot(name) {
  const full = path.resolve(root, name);
  const relative = path.relative(root, full);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error('outside the root');
  }
  return full;
}

http.createServer((req, res) => {
  // ok: js.path-traversal.fs
  fs.readFile(resolveInRoot(decodeURIComponent(req.url)), (err, data) => res.end(data));
});

http.createServer((req, res) => {
  const full = path.resolve(root, decodeURIComponent(req.url).slice(1));
  const other = path.relative(root, path.join(root, 'index.html'));
  // The variable checked holds another path's way from root.
  if (other.startsWith('..')) return res.end();
  // ruleid: js.path-traversal.fs
  fs.readFile(full, (err, data) => res.end(data));
});

module.exports = { Server };
