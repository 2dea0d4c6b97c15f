// A module the main process hands ipcMain to (`registerIpc(ipcMain, store)`): it imports nothing of Electron, but
// `ipcMain` names no other library's object, and what a renderer sends is input there too.
const { exec } = require('child_process');
const fs = require('fs');
const path = require('path');

function registerIpc(ipcMain, notesDir) {
  ipcMain.handle('note:read', async (event, name) => {
    // ruleid: js.path-traversal.fs
    return fs.promises.readFile(path.join(notesDir, name), 'utf8');
  });
  ipcMain.on('editor:open', (event, file) => {
    // ruleid: js.cmdi.child-process
    exec(`code ${file}`);
  });
  ipcMain.handle('note:count', async (event, n) => {
    // ok: js.cmdi.child-process
    exec(`seq ${Number(n)}`);
  });
}

// Another object's `handle` is not Electron's.
function registerRoutes(router) {
  router.handle('x', (event, cmd) => {
    // ok: js.cmdi.child-process
    exec(`run ${cmd}`);
  });
}

module.exports = { registerIpc, registerRoutes };
