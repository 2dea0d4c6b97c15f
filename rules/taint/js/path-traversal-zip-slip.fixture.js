// Zip slip: an archive entry's name is chosen by whoever made the archive; joined to the destination folder and
// written unchecked, "../../x" escapes it. Entries of adm-zip, yauzl, unzipper, tar-stream and node-stream-zip.
const fs = require('fs');
const path = require('path');
const AdmZip = require('adm-zip');
const yauzl = require('yauzl');
const unzipper = require('unzipper');
const tar = require('tar-stream');
const StreamZip = require('node-stream-zip');

function admExtract(file, dest) {
  const zip = new AdmZip(file);
  for (const entry of zip.getEntries()) {
    const target = path.join(dest, entry.entryName);
    // ruleid: js.path-traversal.fs
    fs.writeFileSync(target, entry.getData());
  }
}

function yauzlExtract(file, dest) {
  yauzl.open(file, { lazyEntries: true }, (err, zipfile) => {
    zipfile.on('entry', (entry) => {
      zipfile.openReadStream(entry, (e, stream) => {
        // ruleid: js.path-traversal.fs
        stream.pipe(fs.createWriteStream(path.join(dest, entry.fileName)));
      });
    });
  });
}

function unzipperExtract(file, dest) {
  fs.createReadStream(file)
    .pipe(unzipper.Parse())
    .on('entry', (entry) => {
      const out = dest + '/' + entry.path;
      // ruleid: js.path-traversal.fs
      entry.pipe(fs.createWriteStream(out));
    });
}

function tarExtract(input, dest) {
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    if (header.type === 'symlink') {
      // ruleid: js.path-traversal.fs
      fs.symlinkSync(header.linkname, path.join(dest, header.name));
    } else {
      // ruleid: js.path-traversal.fs
      stream.pipe(fs.createWriteStream(path.join(dest, header.name)));
    }
    stream.on('end', next);
  });
  input.pipe(extract);
}

async function streamZipExtract(file, dest) {
  const zip = new StreamZip.async({ file });
  const entries = await zip.entries();
  for (const entry of Object.values(entries)) {
    const data = await zip.entryData(entry.name);
    // ruleid: js.path-traversal.fs
    await fs.promises.writeFile(path.resolve(dest, entry.name), data);
  }
}

// ---- not findings ----

function admChecked(file, dest) {
  const zip = new AdmZip(file);
  const root = path.resolve(dest);
  for (const entry of zip.getEntries()) {
    const target = path.resolve(root, entry.entryName);
    if (!target.startsWith(root + path.sep)) throw new Error('entry outside the destination: ' + entry.entryName);
    // ok: js.path-traversal.fs
    fs.writeFileSync(target, entry.getData());
  }
}

function yauzlFlat(file, dest) {
  yauzl.open(file, (err, zipfile) => {
    zipfile.on('entry', (entry) => {
      zipfile.openReadStream(entry, (e, stream) => {
        // ok: js.path-traversal.fs
        stream.pipe(fs.createWriteStream(path.join(dest, path.basename(entry.fileName))));
      });
    });
  });
}

function tarRelative(input, dest) {
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    const rel = path.normalize(header.name);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return next(new Error('bad entry'));
    // ok: js.path-traversal.fs
    stream.pipe(fs.createWriteStream(path.join(dest, rel)));
  });
  input.pipe(extract);
}

function tarRooted(input, dest) {
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    // ok: js.path-traversal.fs
    fs.symlinkSync(path.join(dest, path.join('/', header.linkname)), path.join(dest, path.normalize('/' + header.name)));
    // path.resolve starts over at an absolute part: "/etc" stays "/etc".
    // ruleid: js.path-traversal.fs
    stream.pipe(fs.createWriteStream(path.resolve(dest, path.join('/', header.name))));
  });
  input.pipe(extract);
}

// The folder is checked in the caller (its real path must not be above dest), the file written in a helper from
// the name again: safe, and still reported, since the check is on another value than the one written.
function yauzlCheckedInCaller(file, dest) {
  yauzl.open(file, (err, zipfile) => {
    zipfile.on('entry', (entry) => {
      const dir = fs.realpathSync(path.dirname(path.join(dest, entry.fileName)));
      if (path.relative(dest, dir).split(path.sep).includes('..')) throw new Error('outside: ' + entry.fileName);
      writeEntry(zipfile, entry, dest);
    });
  });
}

function writeEntry(zipfile, entry, dest) {
  zipfile.openReadStream(entry, (e, stream) => {
    // todook: js.path-traversal.fs
    stream.pipe(fs.createWriteStream(path.join(dest, entry.fileName)));
  });
}

// The archive's own path, and an entry's size, are not entry names.
function archiveItself(file, dest) {
  const zip = new AdmZip(file);
  // ok: js.path-traversal.fs
  fs.copyFileSync(file, path.join(dest, 'backup.zip'));
  for (const entry of zip.getEntries()) {
    // ok: js.path-traversal.fs
    fs.appendFileSync(path.join(dest, 'sizes.txt'), String(entry.header.size));
  }
}

// A name seen to hold no ".." joined under the destination stays there (path.join keeps an absolute name under it).
function admNoDots(file, dest) {
  const zip = new AdmZip(file);
  for (const entry of zip.getEntries()) {
    if (entry.entryName.includes('..')) continue;
    // ok: js.path-traversal.fs
    fs.writeFileSync(path.join(dest, entry.entryName), entry.getData());
    // The name alone may be absolute ("/etc/cron.d/x" has no "..").
    // ruleid: js.path-traversal.fs
    fs.writeFileSync(entry.entryName, entry.getData());
    // path.resolve starts over at an absolute name.
    // ruleid: js.path-traversal.fs
    fs.writeFileSync(path.resolve(dest, entry.entryName), entry.getData());
  }
}

function admNoDotsVariable(file, dest) {
  const zip = new AdmZip(file);
  zip.getEntries().forEach((entry) => {
    const name = entry.entryName;
    if (name.includes('..') || entry.isDirectory) {
      return;
    }
    // ok: js.path-traversal.fs
    fs.writeFileSync(path.join(dest, name), entry.getData());
  });
}

function admNoDotsOneBranch(file, dest, strict) {
  const zip = new AdmZip(file);
  for (const entry of zip.getEntries()) {
    const name = entry.entryName;
    if (strict && name.includes('..')) continue;
    // ruleid: js.path-traversal.fs
    fs.writeFileSync(path.join(dest, name), entry.getData());
  }
}
