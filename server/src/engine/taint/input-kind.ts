/**
 * What kind of untrusted input a taint source is. A source set, a source pattern or a handler says it (YAML
 * `input:`); the flow carries it to the finding (`properties.input`), whose trace words and priority depend on it:
 * a web request reaching a shell is not ranked like a command-line argument reaching one.
 */
export type InputKind = 'request' | 'page' | 'archive' | 'process' | 'stored' | 'library';

/** Each kind, with the words a trace's source step ends with ("`req.query.id` is user input"), and what it covers. */
export const INPUT_KINDS: Readonly<Record<InputKind, { trace: string; doc: string }>> = {
  request: { trace: ' is user input', doc: 'a request to a server: HTTP, RPC, WebSocket, a serverless event' },
  page: { trace: ' is page input', doc: "a browser page's URL, referrer, window name, messages and clipboard" },
  archive: { trace: ' is chosen by whoever made the archive', doc: "an archive entry's name or link target" },
  process: { trace: ' is process input (arguments, environment or files)', doc: "the process's arguments, environment, stdin and file reads" },
  stored: { trace: ' is read back from storage', doc: 'values read back from a database (second-order input)' },
  library: { trace: ': its callers are not known', doc: "an exported function's parameter (a library's caller)" },
};

export function isInputKind(v: unknown): v is InputKind {
  return typeof v === 'string' && Object.hasOwn(INPUT_KINDS, v);
}

/** The source step's message for `label` of kind `input` (none: generic untrusted input). */
export function sourceMessage(label: string, input: InputKind | undefined): string {
  return `${label}${input ? INPUT_KINDS[input].trace : ' is untrusted input'}`;
}
