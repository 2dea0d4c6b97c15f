/**
 * Text from a repository (file names, quoted source, error messages) can hold terminal escape sequences: ESC,
 * BEL, CSI and OSC sequences clear the screen, retitle the terminal or hide lines of a CI log; bidi overrides
 * reorder what is shown. Everything the CLI prints to a terminal goes through `escapeControlChars`.
 */

/** C0 controls, DEL, C1 controls, and the Unicode bidi embedding, override and isolate characters. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** What JSON.stringify leaves raw: DEL, C1 controls and bidi controls (it escapes only C0). */
const JSON_RAW_CONTROL = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with the control characters JSON.stringify leaves raw written as `\u` escapes. Outside strings JSON
 * is ASCII, so this only touches string contents, and the parsed data is unchanged.
 */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_RAW_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * `text` with each control character written as an escape (`\x1b`, `\u202e`), so it shows instead of acting.
 * With `keepLineBreaks`, `\n` stays (for multi-line messages written by Vigil itself).
 */
export function escapeControlChars(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  return text.replace(options.keepLineBreaks ? CONTROL_BUT_LINE_BREAKS : CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
