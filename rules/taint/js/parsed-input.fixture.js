// What a parser or deserialiser gives back is what the text said: a YAML or node-serialize document from the
// request carries its values on.
const express = require('express');
const cp = require('child_process');
const yaml = require('js-yaml');
const YAML = require('yaml');
const serialize = require('node-serialize');

const app = express();
app.use(express.text());

app.post('/jobs', (req, res) => {
  const job = yaml.load(req.body, { schema: yaml.CORE_SCHEMA });
  // ruleid: js.cmdi.child-process
  cp.exec('ffmpeg -i ' + job.input);
  const doc = YAML.parse(req.body);
  // ruleid: js.cmdi.child-process
  cp.exec('convert ' + doc.file);
  // ruleid: js.deserialization.unsafe
  const legacy = serialize.unserialize(req.body);
  // ruleid: js.cmdi.child-process
  cp.exec('ls ' + legacy.dir);
  const fixed = YAML.parse('input: a.mp4');
  // ok: js.cmdi.child-process
  cp.exec('ffmpeg -i ' + fixed.input);
  res.end();
});
