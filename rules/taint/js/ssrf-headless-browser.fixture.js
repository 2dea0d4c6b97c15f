// A headless browser (Playwright, Puppeteer) loads whatever URL it is sent to, from the server's network: an
// internal address, a cloud metadata endpoint or a file:// URL, whose rendering the caller then gets back.
const express = require('express');
const puppeteer = require('puppeteer');
const { chromium } = require('playwright');

const app = express();

app.get('/screenshot', async (req, res) => {
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  // ruleid: js.ssrf.http-client
  await page.goto(req.query.url);
  res.type('png').send(await page.screenshot());
});

app.post('/pdf', async (req, res) => {
  const browser = await chromium.launch();
  const context = await browser.newContext();
  const tab = await context.newPage();
  // ruleid: js.ssrf.http-client
  await tab.goto(`${req.body.target}`, { waitUntil: 'networkidle' });
  res.send(await tab.pdf());
});

app.get('/report', async (req, res) => {
  const browser = await chromium.launch();
  const page = await browser.newPage();
  // ok: js.ssrf.http-client
  await page.goto('https://status.example.com/report?page=' + parseInt(req.query.page, 10));
  // ok: js.ssrf.http-client
  await page.goto('https://status.example.com/');
  res.send(await page.content());
});
