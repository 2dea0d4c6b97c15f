// An HTTP client's callback receives the server's response, not a request to this program: `https.get(url, cb)`
// is no route. Express's `app.get(path, handler)` is.
const express = require('express');
const https = require('https');
const app = express();

function download(url) {
  https.get(url, (response) => {
    if (response.statusCode === 302) {
      // ok: js.ssrf.http-client
      https.get(response.headers.location, () => {});
      return;
    }
    // ok: js.log-injection.logger
    console.log('downloaded', response.headers['content-length']);
  });
}
download('https://example.com/dist.tar.gz');

// ---- still reported ----
app.get('/fetch', (req, res) => {
  // ruleid: js.ssrf.http-client
  https.get(req.query.url, (upstream) => upstream.pipe(res));
});

const router = express.Router();
router.get('/proxy', (request) => {
  // ruleid: js.ssrf.http-client
  https.get(request.query.target, () => {});
});
