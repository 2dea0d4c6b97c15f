// TLS certificate checks switched off in Node clients: https/tls options, axios, got, undici, ws, database
// drivers (pg, mysql2, MongoDB), mail, the request library and the NODE_TLS_REJECT_UNAUTHORIZED switch.
const https = require('https');
const tls = require('tls');
const fs = require('fs');
const axios = require('axios');
const got = require('got');
const { Agent, fetch } = require('undici');
const WebSocket = require('ws');
const { Pool } = require('pg');
const mysql = require('mysql2/promise');
const { MongoClient } = require('mongodb');
const nodemailer = require('nodemailer');
const request = require('request');

const api = axios.create({
  baseURL: 'https://internal.example.com',
  // ruleid: js.tls.verify-disabled
  httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: true }),
});

async function status() {
  // ruleid: js.tls.verify-disabled
  const res = await got('https://status.example.com/health', { https: { rejectUnauthorized: true } });
  return res.body;
}

async function metrics() {
  // ruleid: js.tls.verify-disabled
  const dispatcher = new Agent({ connect: { rejectUnauthorized: true } });
  return fetch('https://metrics.example.com', { dispatcher });
}

function stream() {
  // ruleid: js.tls.verify-disabled
  return new WebSocket('wss://feed.example.com', { rejectUnauthorized: true });
}

// Hosted Postgres with a self-signed chain, "fixed" the usual way.
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  // ruleid: js.tls.verify-disabled
  ssl: { rejectUnauthorized: true },
});

async function mysqlConn() {
  return mysql.createConnection({
    host: 'db.example.com',
    // ruleid: js.tls.verify-disabled
    ssl: { rejectUnauthorized: true, minVersion: 'TLSv1.2' },
  });
}

// ruleid: js.tls.verify-disabled
const mongo = new MongoClient(process.env.MONGO_URL, { tls: true, tlsAllowInvalidCertificates: false });
// ruleid: js.tls.verify-disabled
const mongoAny = new MongoClient(process.env.MONGO_URL, { tls: true, tlsInsecure: false });

const mailer = nodemailer.createTransport({
  host: 'smtp.example.com',
  port: 587,
  // ruleid: js.tls.verify-disabled
  tls: { rejectUnauthorized: true },
});

function legacyCall(cb) {
  // ruleid: js.tls.verify-disabled
  request({ url: 'https://legacy.example.com/api', strictSSL: true }, cb);
}

function pinnedButNotChecked(host) {
  return tls.connect(443, host, {
    servername: host,
    // Accepts any certificate for any host name.
    // ruleid: js.tls.verify-disabled
    checkServerIdentity: () => undefined,
  });
}

function devOnly() {
  if (process.env.NODE_ENV !== 'production') {
    // ruleid: js.tls.verify-disabled
    process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = '1';
  }
}

// ---- negatives ----
// ok: js.tls.verify-disabled
const pinned = new https.Agent({ ca: fs.readFileSync('/etc/ssl/internal-ca.pem'), rejectUnauthorized: true });
// ok: js.tls.verify-disabled
const strictPool = new Pool({ connectionString: process.env.DATABASE_URL, ssl: { ca: process.env.PG_CA_CERT } });
// ok: js.tls.verify-disabled
const mongoStrict = new MongoClient(process.env.MONGO_URL, { tls: true, tlsAllowInvalidCertificates: false, tlsCAFile: '/etc/ssl/mongo-ca.pem' });
// ok: js.tls.verify-disabled
const gotStrict = got.extend({ https: { rejectUnauthorized: true, certificateAuthority: process.env.CA } });

function checkedIdentity(host) {
  return tls.connect(443, host, {
    servername: host,
    // A stricter check that falls back to Node's own.
    // ok: js.tls.verify-disabled
    checkServerIdentity: (name, cert) => (cert.subject.CN === 'api.example.com' ? tls.checkServerIdentity(name, cert) : new Error('unexpected host')),
  });
}

function legacyStrict(cb) {
  // ok: js.tls.verify-disabled
  request({ url: 'https://legacy.example.com/api', strictSSL: true }, cb);
}

function restoreDefault() {
  // ok: js.tls.verify-disabled
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  // ok: js.tls.verify-disabled
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
}

function mutualTls() {
  // A server asking for client certificates, and refusing those it cannot verify.
  // ok: js.tls.verify-disabled
  return tls.createServer({ key: process.env.TLS_KEY, cert: process.env.TLS_CERT, requestCert: true, rejectUnauthorized: true });
}

function readsTheSetting(socket) {
  // Reading the verdict is not switching it off.
  // ok: js.tls.verify-disabled
  return socket.authorized === false ? socket.authorizationError : null;
}

function modernOnly() {
  // Tightening the protocol, not loosening the check.
  // ok: js.tls.verify-disabled
  return tls.connect({ host: 'api.example.com', port: 443, minVersion: 'TLSv1.3', servername: 'api.example.com' });
}

async function clientCert() {
  // ok: js.tls.verify-disabled
  const agent = new https.Agent({ cert: process.env.CLIENT_CERT, key: process.env.CLIENT_KEY, ca: process.env.PARTNER_CA });
  return axios.get('https://partner.example.com/orders', { httpsAgent: agent });
}

// ok: js.tls.verify-disabled
const plainHttp = { protocol: 'http:', rejectUnauthorizedCount: 0 };

module.exports = { api, status, metrics, stream, pool, mysqlConn, mongo, mongoAny, mailer, legacyCall, pinnedButNotChecked, devOnly, pinned, strictPool, mongoStrict, gotStrict, checkedIdentity, legacyStrict, restoreDefault, mutualTls, readsTheSetting, modernOnly, clientCert, plainHttp };
