// An axios or got instance its class's constructor keeps in a field, called as this.<field>.<method>(url).
const express = require('express');
const axios = require('axios');

class Fetcher {
  constructor() {
    this.raw = axios.create({ timeout: 5000, maxRedirects: 3 });
    this.api = axios.create({ baseURL: 'https://api.example.com' });
    this.cache = new Map();
  }

  fetch(url) {
    // ruleid: js.ssrf.http-client
    return this.raw.get(url);
  }

  customer(id) {
    // A path from "/" stays on the base URL's host.
    // ok: js.ssrf.http-client
    return this.api.get(`/v1/customers/${encodeURIComponent(id)}`);
  }

  lookup(key) {
    // ok: js.ssrf.http-client
    return this.cache.get(key);
  }
}

const fetcher = new Fetcher();
const app = express();
app.get('/f', async (req, res) => {
  const r = await fetcher.fetch(req.query.url);
  await fetcher.customer(req.query.id);
  res.send([r.data, fetcher.lookup(req.query.key)]);
});
