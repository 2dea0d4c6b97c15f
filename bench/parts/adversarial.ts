/**
 * Part 5: adversarial input. Each case runs at sizes N, 2N and 4N in a fresh process; time and memory must
 * grow linearly (4N costing about 4× N), not quadratically (16×).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ADVERSARIAL_CASES, type AdversarialCase } from '../corpus/adversarial-inputs';
import { REPO } from '../lib/paths';
import { progress } from '../lib/progress';

export interface AdversarialPoint {
  size: number;
  chars: number;
  ms: number;
  memoryGrowthMB: number;
  findings: number;
  notices: string[];
  error?: string;
}

export interface AdversarialCaseResult {
  case: AdversarialCase;
  unit: string;
  points: AdversarialPoint[];
  /** t(4N)/t(N): about 4 when linear, 16 when quadratic. */
  timeGrowth: number;
  memoryGrowth: number;
  linear: boolean;
  note: string;
}

export const ADVERSARIAL_SIZES: Record<AdversarialCase, { sizes: number[]; unit: string }> = {
  'secrets-near-miss': { sizes: [256_000, 512_000, 1_024_000], unit: 'characters on one line' },
  'deep-nesting': { sizes: [2_500, 5_000, 10_000], unit: 'nesting levels' },
  'long-line': { sizes: [2_500_000, 5_000_000, 10_000_000], unit: 'characters on one line' },
};

/** Below these, a measurement is too small for a growth ratio to mean anything. */
const NOISE_MS = 25;
const NOISE_MB = 8;

export function runAdversarial(caseRunner: string, runs: number): AdversarialCaseResult[] {
  const out: AdversarialCaseResult[] = [];
  for (const which of ADVERSARIAL_CASES) {
    const { sizes, unit } = ADVERSARIAL_SIZES[which];
    const points: AdversarialPoint[] = [];
    for (const size of sizes) {
      // Long lines run once: one analysis of minified code can take the taint pack's whole 10 s budget.
      const args = [caseRunner, '--case', which, '--size', String(size), '--runs', String(which === 'long-line' ? 1 : runs), '--grammars', join(REPO, 'dist', 'grammars')];
      if (existsSync(join(REPO, 'rules'))) args.push('--rules', join(REPO, 'rules'));
      let raw: string;
      try {
        raw = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 45_000 });
      } catch (e) {
        raw = JSON.stringify({ error: e instanceof Error ? e.message.slice(0, 300) : String(e) });
      }
      const r = JSON.parse(raw.trim().split('\n').pop()!) as {
        chars?: number;
        ms?: number;
        growthBytes?: number;
        findings?: number;
        notices?: string[];
        error?: string;
      };
      points.push({
        size,
        chars: r.chars ?? 0,
        ms: r.ms ?? NaN,
        memoryGrowthMB: (r.growthBytes ?? NaN) / (1024 * 1024),
        findings: r.findings ?? 0,
        notices: r.notices ?? [],
        error: r.error,
      });
      progress(`adversarial ${which} ${size}: ${r.error ? `ERROR ${r.error}` : `${(r.ms ?? 0).toFixed(1)} ms, +${((r.growthBytes ?? 0) / 1048576).toFixed(1)} MB`}`);
    }
    const first = points[0]!;
    const last = points[points.length - 1]!;
    const timeGrowth = last.ms / first.ms;
    const memoryGrowth = last.memoryGrowthMB / first.memoryGrowthMB;
    const timeOk = last.ms < NOISE_MS || timeGrowth <= 6;
    const memOk = last.memoryGrowthMB < NOISE_MB || memoryGrowth <= 6;
    const failed = points.some((p) => p.error || p.notices.some((n) => n.startsWith('analyzer-error')));
    // A run stopped by the taint budget has a bounded time, which says nothing about linearity.
    const budget = points.find((p) => p.notices.some((n) => n.startsWith('analysis-budget')));
    out.push({
      case: which,
      unit,
      points,
      timeGrowth,
      memoryGrowth,
      linear: timeOk && memOk && !failed && !budget,
      note: budget && !failed
        ? `taint analysis stopped at its time budget from ${budget.chars.toLocaleString('en-US')} characters (bounded, not linear)`
        : failed
        ? `analysis failed: ${points.map((p) => p.error ?? p.notices.find((n) => n.startsWith('analyzer-error'))).filter(Boolean)[0]}`
        : `${last.ms < NOISE_MS ? 'time below noise' : `time ×${timeGrowth.toFixed(1)}`}, ${last.memoryGrowthMB < NOISE_MB ? 'memory below noise' : `memory ×${memoryGrowth.toFixed(1)}`} for 4× input`,
    });
  }
  return out;
}
