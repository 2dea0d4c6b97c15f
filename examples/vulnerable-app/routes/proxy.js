// Image proxy for product pictures hosted by suppliers. Intentionally vulnerable (see README.md).
const express = require('express');
const axios = require('axios');

const router = express.Router();

router.get('/image', async (req, res) => {
  const response = await axios.get(req.query.url, { responseType: 'arraybuffer' });
  res.type(response.headers['content-type'] || 'application/octet-stream').send(response.data);
});

module.exports = router;
