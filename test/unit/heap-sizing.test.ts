/**
 * The server's heap sizing (lsp/heap-sizing.ts): with it, a process that keeps ~32 MB live while churning through
 * caches that die old (as cooled documents leave theirs) peaks at a heap well under V8's default.
 * Run in child processes: the V8 flags it sets are process-wide.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..');

/** Peak heapTotal (MB) of a child that keeps the last 800 of 12,000 arrays of 40 KB, sized or not. */
function peakHeapMB(sized: boolean): number {
  const code = `
    const { settleServerHeap, sizeServerHeap } = require('./server/src/lsp/heap-sizing.ts');
    if (${sized}) { sizeServerHeap(); settleServerHeap(); }
    const keep = []; let peak = 0;
    for (let i = 0; i < 12000; i++) {
      keep.push(new Array(5000).fill(i));
      if (keep.length > 800) keep.shift();
      if (i % 50 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal);
    }
    process.stdout.write(String(peak / 1048576));`;
  return Number(execFileSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: ROOT, encoding: 'utf8' }));
}

describe('server heap sizing', () => {
  it('keeps the peak heap well under what V8 alone lets it reach (measured: 110 vs 236 MB)', () => {
    const plain = peakHeapMB(false);
    const sized = peakHeapMB(true);
    assert.ok(sized < plain * 0.7, `sized ${sized.toFixed(0)} MB vs V8's default ${plain.toFixed(0)} MB`);
  });
});
