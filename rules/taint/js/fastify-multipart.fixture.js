// @fastify/multipart, registered on the app elsewhere: request.file() / files() / parts() give the uploaded parts,
// their client-chosen filename and their text fields.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { pipeline } = require('stream/promises');

module.exports = async function uploads(fastify) {
  fastify.post('/upload', async (request) => {
    const file = await request.file();
    const folder = file.fields.folder ? file.fields.folder.value : 'misc';
    // ruleid: js.path-traversal.fs
    await pipeline(file.file, fs.createWriteStream(path.join('/srv/uploads', folder, file.filename)));
    return { ok: true };
  });

  fastify.post('/batch', async (request) => {
    for await (const part of request.files()) {
      // ruleid: js.path-traversal.fs
      await pipeline(part.file, fs.createWriteStream(path.join('/srv/uploads', part.filename)));
    }
    return { ok: true };
  });

  fastify.post('/anonymous', async (request) => {
    const file = await request.file();
    const ext = path.extname(file.filename).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 6);
    // The client's name reduced to an extension after a random one: no folder in it.
    // ok: js.path-traversal.fs
    await pipeline(file.file, fs.createWriteStream(path.join('/srv/uploads', `${crypto.randomUUID()}${ext}`)));
    return { ok: true };
  });
};
