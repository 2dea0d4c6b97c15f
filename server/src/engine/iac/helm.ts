/**
 * Helm chart templates, read where they parse. A template is YAML with Go-template actions (`{{ ... }}`); each
 * action is blanked to text of the same length, so every offset (and line) stays where it was: an action alone on
 * its lines becomes spaces, an action inside a value or key becomes `_` characters. What still parses is checked;
 * the caller drops findings on a templated span, and findings that rely on a key being absent when a blanked line
 * injects YAML (`include`, `toYaml`, ...) that may set it.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Actions that print nothing: control flow, comments, variable assignments. */
const SILENT_ACTION = /^\{\{-?\s*(?:\/\*|if\b|else\b|end\b|range\b|with\b|define\b|break\b|continue\b|\$[A-Za-z0-9_]*\s*:?=)/;

/** Whether a path is a template of a Helm chart: under a `templates/` folder whose parent holds `Chart.yaml`. */
export function isHelmTemplate(path: string): boolean {
  if (!/\.ya?ml$/i.test(path)) return false;
  let dir = dirname(path);
  // Templates may sit in sub-folders of templates/; a few levels are enough.
  for (let i = 0; i < 4 && dir !== dirname(dir); i++, dir = dirname(dir)) {
    if (basename(dir) === 'templates') return existsSync(join(dirname(dir), 'Chart.yaml'));
  }
  return false;
}

export interface BlankedTemplate {
  /** The text with every action blanked (same length, same line breaks). */
  text: string;
  /** Offsets [start, end) of actions inside a value or key: what is there is decided at render time. */
  templated: [number, number][];
  /** Whether an action alone on its line prints YAML (an injected block). */
  injects: boolean;
}

/** Blanks the `{{ ... }}` actions of a Helm template; see the module comment. */
export function blankTemplate(text: string): BlankedTemplate {
  const spans: [number, number][] = [];
  for (let i = text.indexOf('{{'); i >= 0; i = text.indexOf('{{', i)) {
    const close = text.indexOf('}}', i + 2);
    // Unterminated: blank to the end of the line, so the rest still parses.
    const end = close < 0 ? (text.indexOf('\n', i) < 0 ? text.length : text.indexOf('\n', i)) : close + 2;
    spans.push([i, end]);
    i = end;
  }
  if (spans.length === 0) return { text, templated: [], injects: false };
  const out = text.split('');
  const templated: [number, number][] = [];
  let injects = false;
  for (const [s, e] of spans) {
    const lineStart = text.lastIndexOf('\n', s - 1) + 1;
    const nl = text.indexOf('\n', e);
    const lineEnd = nl < 0 ? text.length : nl;
    // Alone on its line(s) when nothing but blanks and other actions surround it.
    const rest = (text.slice(lineStart, s) + text.slice(e, lineEnd)).replace(/\{\{[\s\S]*?\}\}/g, '');
    const alone = rest.trim() === '';
    if (alone && !SILENT_ACTION.test(text.slice(s, e))) injects = true;
    if (!alone) templated.push([s, e]);
    for (let k = s; k < e; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = alone ? ' ' : '_';
  }
  return { text: out.join(''), templated, injects };
}
