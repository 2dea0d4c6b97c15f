/**
 * What kind of untrusted input a taint source is. A source set, a source pattern or a handler says it (YAML
 * `input:`); the flow carries it to the finding (`properties.input`), whose trace words and priority depend on it:
 * a web request reaching a shell is not ranked like a command-line argument reaching one.
 */
import type { ParamSource } from './dataflow';

export type InputKind = 'request' | 'page' | 'archive' | 'process' | 'stored' | 'library';

/**
 * Each kind, with the words a trace's source step ends with ("`req.query.id` is user input"), what a handler's
 * parameter of that kind is called, and what the kind covers.
 */
export const INPUT_KINDS: Readonly<Record<InputKind, { trace: string; param: string; doc: string }>> = {
  request: { trace: ' is user input', param: 'request parameter', doc: 'a request to a server: HTTP, RPC, WebSocket, a serverless event' },
  page: { trace: ' is page input', param: 'page parameter', doc: "a browser page's URL, referrer, window name, messages and clipboard" },
  archive: { trace: ' is chosen by whoever made the archive', param: 'archive entry', doc: "an archive entry's name or link target" },
  process: { trace: ' is process input (arguments, environment or files)', param: 'process input', doc: "the process's arguments, environment, stdin and file reads" },
  stored: { trace: ' is read back from storage', param: 'stored value', doc: 'values read back from a database (second-order input)' },
  library: { trace: ': its callers are not known', param: 'parameter', doc: "an exported function's parameter (a library's caller)" },
};

export function isInputKind(v: unknown): v is InputKind {
  return typeof v === 'string' && Object.hasOwn(INPUT_KINDS, v);
}

/** The source step's message for `label` of kind `input` (none: generic untrusted input). */
export function sourceMessage(label: string, input: InputKind | undefined): string {
  return `${label}${input ? INPUT_KINDS[input].trace : ' is untrusted input'}`;
}

/** A handler's parameter `name` as the source of input of kind `input` ("request parameter req"). */
export function paramSource(name: string, input: InputKind): ParamSource {
  return { label: `${INPUT_KINDS[input].param} ${name}`, input };
}
