/**
 * Marks across files (issue 15, held out 4): a path sanitiser in another file that throws instead of returning
 * (normalize, then refuse absolute paths and a leading ".."), and a helper that normalizes, whose `normalized` mark
 * must reach the caller's prefix check. Through the scan pool, as the CLI and the LSP workspace scan run it, and
 * with cross-file summaries off (then the imported helpers are unknown calls and nothing is followed).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { walkFiles } from '../../server/src/engine/scan/file-walker';
import { scratchWorkspace } from './cli-helpers';
import { scanFiles } from '../../server/src/engine/scan/scan-pool';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const workspace = (files: Record<string, string>): string => scratchWorkspace('marks', files);

async function pathFindings(dir: string): Promise<string[]> {
  const run = await scanFiles(walkFiles([{ root: dir }]).files, DEFAULT_SETTINGS, { jobs: 1, crossFile: true });
  assert.deepEqual(run.failed, []);
  return run.results
    .flatMap((r) => r.findings.filter((f) => f.ruleId === 'js.path-traversal.fs').map((f) => `${r.file.relPath}:${f.range.start.line + 1}`))
    .sort();
}

const HELPERS = `const path = require('path');
function sanitizePathname(p) {
  p = path.normalize(p);
  if (path.isAbsolute(p)) throw new Error('absolute paths are forbidden');
  if (p.split(path.sep)[0] === '..') throw new Error('directory traversal');
  return p;
}
function onlyAbsolute(p) {
  p = path.normalize(p);
  if (path.isAbsolute(p)) throw new Error('absolute paths are forbidden');
  return p;
}
function under(root, name) {
  return path.resolve(root, name);
}
function glued(root, name) {
  return root + '/' + name;
}
module.exports = { sanitizePathname, onlyAbsolute, under, glued };
`;

const ROUTES = `const express = require('express');
const fs = require('fs');
const path = require('path');
const { sanitizePathname, onlyAbsolute, under, glued } = require('./helpers');
const app = express();
const ROOT = path.join(__dirname, 'static');
app.get('/a', (req, res) => {
  const name = sanitizePathname(req.query.name);
  fs.readFile(path.join(ROOT, name), (err, data) => res.send(String(data)));
});
app.get('/b', (req, res) => {
  const name = onlyAbsolute(req.query.name);
  fs.readFile(path.join(ROOT, name), (err, data) => res.send(String(data)));
});
app.get('/c', (req, res) => {
  const p = under(ROOT, req.query.name);
  if (!p.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  fs.createReadStream(p).pipe(res);
});
app.get('/d', (req, res) => {
  const p = glued(ROOT, req.query.name);
  if (!p.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  fs.createReadStream(p).pipe(res);
});
`;

describe('marks across files', () => {
  it('a throwing sanitiser and a normalizing helper in another file clear the path; half a check and a concatenation do not', async () => {
    const dir = workspace({ 'helpers.js': HELPERS, 'routes.js': ROUTES });
    // Line 9: sanitizePathname (cleared). Line 13: only the absolute check. Line 18: under() normalized (cleared).
    // Line 23: glued() does not normalize, so the prefix check does not hold.
    assert.deepEqual(await pathFindings(dir), ['routes.js:13', 'routes.js:23']);
  });
});
