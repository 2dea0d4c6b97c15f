/**
 * Adversarial inputs, sized by a parameter so the benchmark can show time and memory growing linearly:
 * - secrets-near-miss: one long line of strings that almost match credential formats (a prefix with too
 *   few characters, a key name with no value, a long high-entropy run with no boundary) — the inputs that
 *   make a backtracking regex go quadratic or worse.
 * - deep-nesting: a tainted value passed through `size` nested calls into a sink, one expression.
 * - long-line: minified-style JavaScript, many statements (with tainted flows) on one line.
 */
export type AdversarialCase = 'secrets-near-miss' | 'deep-nesting' | 'long-line';

export const ADVERSARIAL_CASES: AdversarialCase[] = ['secrets-near-miss', 'deep-nesting', 'long-line'];

export interface AdversarialInput {
  path: string;
  languageId: string;
  text: string;
}

const NEAR_MISSES = [
  'AKIAABCDEFGHIJKLMNO ', // AWS key id one character short
  'ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa ', // GitHub token one character short
  'xoxb-1234567890-', // Slack token, cut off
  'password=', // key with no value
  'api_key: ', // key with no value
  '-----BEGIN ', // a PEM header that never ends
  'sk_live_', // prefix only
  'AIza', // Google key prefix only
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', // long run, no boundary
  'eyJhbGciOiJIUzI1NiJ9.', // JWT header with no payload
  '0123456789abcdef0123456789abcdef0123456789abcdef', // hex run
  '"secret": "', // quote never closed
];

/** `size` is characters for the line cases and nesting depth for deep-nesting. */
export function adversarialInput(which: AdversarialCase, size: number): AdversarialInput {
  switch (which) {
    case 'secrets-near-miss': {
      let line = 'NEAR_MISSES=';
      for (let i = 0; line.length < size; i++) line += NEAR_MISSES[i % NEAR_MISSES.length];
      return { path: '/bench/adversarial/near-miss.env', languageId: 'dotenv', text: `${line.slice(0, size)}\n` };
    }
    case 'deep-nesting': {
      const text = `const express = require('express');\nconst app = express();\napp.get('/x', (req, res) => {\n  res.send(${'wrap('.repeat(size)}req.query.name${')'.repeat(size)});\n});\n`;
      return { path: '/bench/adversarial/deep.js', languageId: 'javascript', text };
    }
    case 'long-line': {
      const parts: string[] = ["var app=require('express')(),cp=require('child_process');"];
      let length = parts[0]!.length;
      for (let i = 0; length < size; i++) {
        const s =
          i % 4 === 0
            ? `app.get('/r${i}',function(q,s){cp.exec('ls '+q.query.d${i},function(){s.end()})});`
            : `function f${i}(a,b){var c=a*${i}+b;return c>${i}?c-${i}:[a,b,c].join(',')}`;
        parts.push(s);
        length += s.length;
      }
      return { path: '/bench/adversarial/bundle.min.js', languageId: 'javascript', text: `${parts.join('')}\n` };
    }
  }
}
