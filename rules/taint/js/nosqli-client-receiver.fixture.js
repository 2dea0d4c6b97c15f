// A `client` is no MongoDB collection: the driver's MongoClient has no find or update methods (the Collection has),
// and an application's `client.find(id)` looks up its own objects (The Lounge's socket handlers: the IRC client
// finds a channel by id). A collection reached from the client still is a query.
const { Server } = require('socket.io');
const { MongoClient } = require('mongodb');
const { Client } = require('./client');
const mongo = new MongoClient(process.env.MONGO_URL);

const io = new Server(3000);
io.on('connection', (socket) => {
  const client = new Client(socket.id);
  socket.on('typing', (data) => {
    // ok: js.nosqli.query-object
    const target = client.find(data.target);
    if (target) target.chan.typing = true;
  });
  socket.on('mute', ({ target, muted }) => {
    // ok: js.nosqli.query-object
    const chan = client.find(target);
    if (chan) chan.muted = muted;
  });
  socket.on('lookup', async (data) => {
    // ruleid: js.nosqli.query-object
    const doc = await mongo.db('app').collection('users').findOne(data.filter);
    socket.emit('found', doc);
  });
  socket.on('lookup2', async (data) => {
    const users = mongo.db('app').collection('users');
    // ruleid: js.nosqli.query-object
    socket.emit('found', await users.find(data.filter).toArray());
  });
});
