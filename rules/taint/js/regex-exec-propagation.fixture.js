// What a regex match captures is part of the text it ran on.
const serialize = require('node-serialize');
const { exec } = require('child_process');

const CART_RE = /(?:^|;\s*)cart=([^;]+)/;

exports.restoreCart = async (event) => {
  const cookie = (event.headers && (event.headers.cookie || event.headers.Cookie)) || '';
  const match = /(?:^|;\s*)cart=([^;]+)/.exec(cookie);
  if (!match) return { statusCode: 200, body: '[]' };
  // ruleid: js.deserialization.unsafe
  const cart = serialize.unserialize(Buffer.from(match[1], 'base64').toString('utf8'));
  return { statusCode: 200, body: JSON.stringify(cart) };
};

exports.restoreNamed = async (event) => {
  const m = CART_RE.exec(event.headers.cookie || '');
  // ruleid: js.deserialization.unsafe
  return serialize.unserialize(m ? m[1] : '{}');
};

exports.restoreBuilt = async (event) => {
  const m = new RegExp('cart=([^;]+)').exec(event.headers.cookie || '');
  // ruleid: js.deserialization.unsafe
  return serialize.unserialize(m[1]);
};

exports.constant = async (event) => {
  const m = CART_RE.exec('cart=e30=');
  // ok: js.deserialization.unsafe
  return serialize.unserialize(m[1]);
};

exports.listing = async (event) => {
  // The child process's handle is no text of the command.
  const child = exec('ls /srv/carts');
  // ok: js.deserialization.unsafe
  return serialize.unserialize(String(child.pid));
};
