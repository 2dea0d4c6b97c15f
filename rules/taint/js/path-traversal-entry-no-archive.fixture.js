// Names that look like an archive entry's, in a file that reads no archive: a directory entry, a form's header.
const fs = require('fs');
const path = require('path');

function copyTree(src, dest) {
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    // ok: js.path-traversal.fs
    fs.copyFileSync(path.join(entry.path, entry.name), path.join(dest, entry.name));
  }
}

function saveHeader(header, dest) {
  // ok: js.path-traversal.fs
  fs.writeFileSync(path.join(dest, header.name), header.value);
}
