/**
 * Preload for a language server under measurement (`node --require bench/lib/heap-probe.cjs server.js`): on
 * SIGUSR2 it appends one JSON line to $VIGIL_PROBE_OUT with process.memoryUsage() and V8's heap spaces (committed
 * and used), and writes a heap snapshot to the path in the file $VIGIL_PROBE_OUT.snapshot when there is one (a file, since
 * the environment is fixed at launch). Measurement only: the server
 * never loads it.
 */
'use strict';
const { appendFileSync, existsSync, readFileSync } = require('node:fs');
const v8 = require('node:v8');

process.on('SIGUSR2', () => {
  const out = process.env.VIGIL_PROBE_OUT;
  const spaces = {};
  for (const s of v8.getHeapSpaceStatistics()) spaces[s.space_name] = { committed: s.space_size, used: s.space_used_size };
  const row = { memory: process.memoryUsage(), spaces };
  const snap = out && existsSync(`${out}.snapshot`) ? readFileSync(`${out}.snapshot`, 'utf8').trim() : '';
  if (snap) row.snapshot = v8.writeHeapSnapshot(snap);
  if (out) appendFileSync(out, `${JSON.stringify(row)}\n`);
});
