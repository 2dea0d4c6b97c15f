// Electron's main process: what a renderer sends over IPC is the renderer's script's choice (an XSS in the web
// content it shows, a page it loaded). The handler's first parameter is Electron's event object.
const { ipcMain, app, net } = require('electron');
const fs = require('fs');
const path = require('path');
const { exec } = require('child_process');

ipcMain.handle('note:read', async (_event, filePath) => {
  // ruleid: js.path-traversal.fs
  return fs.promises.readFile(filePath, 'utf8');
});

ipcMain.handle('note:save', async (_event, name, content) => {
  const target = path.join(app.getPath('userData'), 'notes', name);
  // ruleid: js.path-traversal.fs
  await fs.promises.writeFile(target, content, 'utf8');
});

ipcMain.on('tool:run', (event, appName, file) => {
  // ruleid: js.cmdi.child-process
  exec(`open -a "${appName}" "${file}"`, () => event.reply('tool:done'));
});

ipcMain.handle('log:sender', async (event) => {
  // The event is Electron's: its sender's URL is not the renderer's choice of arguments.
  // ok: js.cmdi.child-process
  exec('logger ' + event.senderFrame.url);
});

ipcMain.handle('note:read-safe', async (_event, name) => {
  // ok: js.path-traversal.fs
  return fs.promises.readFile(path.join(app.getPath('userData'), 'notes', path.basename(name)), 'utf8');
});

const FEED_HOSTS = new Set(['status.example.com', 'news.example.org']);

ipcMain.handle('feed:load', async (_event, feedUrl) => {
  // ruleid: js.ssrf.http-client
  const res = await net.fetch(feedUrl);
  return res.text();
});

ipcMain.handle('feed:load-known', async (_event, feedUrl) => {
  const u = new URL(feedUrl);
  if (u.protocol !== 'https:' || !FEED_HOSTS.has(u.hostname)) throw new Error('unknown feed');
  // ok: js.ssrf.http-client
  const res = await net.fetch(u.toString());
  return res.text();
});

ipcMain.on('feed:ping', (_event, target) => {
  // ruleid: js.ssrf.http-client
  net.request(target).end();
});
