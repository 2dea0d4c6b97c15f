// The whole file-system surface: every fs path function (callback, Sync, promises), fs-extra, and the
// Express helpers that send files.
import express from 'express';
import fs from 'node:fs';
import { rm, mkdir, opendir } from 'node:fs/promises';
import fse from 'fs-extra';
import path from 'node:path';

const app = express();
const ROOT = '/srv/uploads';

app.post('/files', async (req, res) => {
  const name = req.body.name;
  const target = path.join(ROOT, name);
  // ruleid: js.path-traversal.fs
  fs.appendFileSync(target, req.body.line);
  // ruleid: js.path-traversal.fs
  fs.createWriteStream(target);
  // ruleid: js.path-traversal.fs
  fs.rmSync(target, { recursive: true, force: true });
  // ruleid: js.path-traversal.fs
  fs.readdir(target, () => {});
  // ruleid: js.path-traversal.fs
  fs.symlinkSync('/etc/passwd', target);
  // ruleid: js.path-traversal.fs
  fs.copyFileSync(path.join(ROOT, 'template.txt'), target);
  // ruleid: js.path-traversal.fs
  fs.existsSync(target);
  // ruleid: js.path-traversal.fs
  await rm(target, { recursive: true });
  // ruleid: js.path-traversal.fs
  await mkdir(target);
  // ruleid: js.path-traversal.fs
  await opendir(target);
  // ruleid: js.path-traversal.fs
  await fs.promises.rename(path.join(ROOT, 'tmp'), target);
  // ruleid: js.path-traversal.fs
  await fse.outputFile(target, req.body.content);
  // ruleid: js.path-traversal.fs
  await fse.remove(target);
  // ruleid: js.path-traversal.fs
  res.sendFile(target, { maxAge: 0 });
  res.end();
});

// ---- negatives: contained paths, constants, root-confined sending, data not paths ----
app.post('/files-ok', async (req, res) => {
  const name = path.basename(req.body.name);
  // ok: js.path-traversal.fs
  fs.appendFileSync(path.join(ROOT, 'audit.log'), req.body.line);
  // ok: js.path-traversal.fs
  fs.writeFileSync(path.join(ROOT, 'note.txt'), req.body.content);
  // ok: js.path-traversal.fs
  fs.rmSync(path.join(ROOT, name), { force: true });
  // ok: js.path-traversal.fs
  await rm(path.join(ROOT, name));
  // ok: js.path-traversal.fs
  await mkdir(path.join(ROOT, String(Number(req.body.id))));
  // ok: js.path-traversal.fs
  await fse.outputFile(path.join(ROOT, 'data.json'), req.body.content);
  // ok: js.path-traversal.fs
  res.sendFile(req.query.file, { root: ROOT, dotfiles: 'deny' });
  // ok: js.path-traversal.fs
  res.download(path.join(ROOT, name));
  const full = path.resolve(ROOT, req.query.file);
  if (!full.startsWith(ROOT + path.sep)) {
    return res.status(403).end();
  }
  // ok: js.path-traversal.fs
  fs.copyFileSync(full, path.join(ROOT, 'copy'));
  // ok: js.path-traversal.fs
  await fs.promises.rename(full, path.join(ROOT, 'renamed'));
  // ok: js.path-traversal.fs
  fs.readdirSync(ROOT);
  res.end();
});
