/**
 * Preload (`node --require`) that turns every way Node can reach the network into a recorded failure:
 * TCP/IPC sockets (net.Socket#connect, used by http, https, tls, net.connect), DNS, UDP, fetch/undici, http2.
 * Each attempt is appended as a JSON line to $VIGIL_NET_LOG, and so is one `loaded` line per thread, so a test
 * can tell "nothing was attempted" from "the trap was not installed". Pipes to a parent (stdio, IPC channel,
 * worker messages) do not go through these APIs and keep working.
 */
'use strict';
const fs = require('node:fs');
const { threadId } = require('node:worker_threads');

const logFile = process.env.VIGIL_NET_LOG;
function record(entry) {
  if (logFile) fs.appendFileSync(logFile, `${JSON.stringify({ pid: process.pid, threadId, ...entry })}\n`);
}
function refuse(api, target) {
  record({ attempt: api, target: String(target).slice(0, 200), stack: new Error().stack.split('\n').slice(2, 8).join(' | ') });
  const e = new Error(`network access blocked by the Vigil no-network test: ${api} ${target}`);
  e.code = 'EVIGILNONET';
  return e;
}

const net = require('node:net');
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  // net.connect hands over its arguments already normalised as [options, callback].
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const opts = first && typeof first === 'object' && !Array.isArray(first) ? first : {};
  // A Unix-domain path is local IPC; record it anyway so the test sees it, but only a host/port is "network".
  const target = typeof first === 'string' ? first : opts.path ?? `${opts.host ?? 'localhost'}:${opts.port ?? first}`;
  throw refuse('net.Socket.connect', target);
  // eslint-disable-next-line no-unreachable
  return origConnect.apply(this, args);
};

const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveSrv', 'resolveTxt', 'reverse']) {
  if (typeof dns[name] === 'function') dns[name] = (host) => { throw refuse(`dns.${name}`, host); };
  if (dns.promises && typeof dns.promises[name] === 'function') dns.promises[name] = async (host) => { throw refuse(`dns.promises.${name}`, host); };
}

for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = (target) => { throw refuse(`${mod}.request`, typeof target === 'object' ? target.href ?? target.host ?? target.hostname : target); };
  m.get = (target) => { throw refuse(`${mod}.get`, typeof target === 'object' ? target.href ?? target.host ?? target.hostname : target); };
}

const tls = require('node:tls');
tls.connect = (...args) => { throw refuse('tls.connect', JSON.stringify(args[0]) ?? ''); };

const http2 = require('node:http2');
http2.connect = (authority) => { throw refuse('http2.connect', authority); };

const dgram = require('node:dgram');
dgram.createSocket = (type) => { throw refuse('dgram.createSocket', type); };

if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = async (input) => { throw refuse('fetch', typeof input === 'string' ? input : input && input.url); };
}
if (typeof globalThis.WebSocket === 'function') {
  globalThis.WebSocket = function WebSocket(url) { throw refuse('WebSocket', url); };
}

record({ loaded: true, argv: process.argv.slice(1, 3) });
