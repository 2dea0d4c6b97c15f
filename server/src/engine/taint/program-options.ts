/**
 * Which words of a program's argument list the program may read as an option: the one place the argument injection
 * rules (sink key `argv-options`) learn that a word is an option's value or an operand instead. Facts per program
 * from its documentation; a program or an option not listed is taken at its worst (the word may be an option).
 *
 * Options listed take the NEXT word as their value whatever it starts with (getopt and git's parse_options() take a
 * required argument from the following word unconditionally). Only options whose value is inert data (a message, a
 * name, a number, a directory) are listed: an option whose value runs a command or sets configuration (git `-c`,
 * `--config`, `--upload-pack`, `--receive-pack`, `--exec`; ssh/scp `-o`, `-F`, `-S`; rsync `-e`, `--rsync-path`; curl
 * `-K`, `-d` (`@file` sends a file); wget/curl `-o`/`-O`, which write a file) is left out, its value being as
 * dangerous as an option.
 */
import type { Node } from 'web-tree-sitter';
import type { Bindings } from '../patterns/pattern';
import type { LanguageModule } from './lang';
import { programName } from './end-of-options';

/** git's options, before the subcommand (git(1)). */
const GIT_GLOBAL = ['-C', '--git-dir', '--work-tree', '--namespace'];
/** Per git subcommand (its Documentation/git-<cmd>.txt synopsis and OPTIONS): options with a separate value. */
const GIT: Record<string, string[]> = {
  commit: ['-m', '--message', '-F', '--file', '-C', '--reuse-message', '--author', '--date', '--fixup', '--squash', '-t', '--template'],
  tag: ['-m', '--message', '-F', '--file', '-u', '--local-user'],
  merge: ['-m', '-F', '--file', '-s', '--strategy'],
  clone: ['-b', '--branch', '-o', '--origin', '--depth', '--reference', '--shallow-since', '--shallow-exclude', '-j', '--jobs'],
  fetch: ['--depth', '--deepen', '--shallow-since', '--shallow-exclude', '-j', '--jobs'],
  pull: ['--depth', '--deepen', '--shallow-since', '--shallow-exclude', '-j', '--jobs'],
  checkout: ['-b', '-B', '--orphan'],
  switch: ['-c', '--create', '-C', '--force-create', '--orphan'],
  log: ['-n', '--max-count', '--skip', '--author', '--committer', '--grep', '--since', '--until', '--after', '--before'],
  'rev-list': ['-n', '--max-count', '--skip', '--author', '--committer', '--grep', '--since', '--until', '--after', '--before'],
  show: ['-n', '--max-count', '--skip'],
  worktree: ['-b', '-B'],
};
/** Other programs: options with a separate value, from their manuals (ssh(1) and scp(1) getopt strings, rsync(1), tar(1), curl(1), wget(1), hg help, gpg(1), zip(1), find(1)). npm is not listed: how its option parser takes a value that starts with a dash is not
 * documented, so every word of it counts. */
const OTHERS: Record<string, string[]> = {
  ssh: ['-l', '-p', '-i', '-b', '-c', '-m'],
  scp: ['-P', '-l', '-i', '-c'],
  sftp: ['-P', '-l', '-i', '-c'],
  rsync: ['--exclude', '--include', '--port', '--timeout', '--bwlimit', '--max-size', '--min-size', '--chmod'],
  tar: ['-C', '--directory'],
  gtar: ['-C', '--directory'],
  bsdtar: ['-C'],
  curl: ['-H', '--header', '-A', '--user-agent', '-X', '--request', '-m', '--max-time', '--connect-timeout', '-u', '--user', '-e', '--referer'],
  wget: ['--user', '--password', '--header', '-U', '--user-agent', '-t', '--tries', '-T', '--timeout'],
  hg: ['-r', '--rev', '-m', '--message', '-b', '--branch', '-u', '--user', '-d', '--date'],
  gpg: ['-u', '--local-user', '-r', '--recipient'],
  gpg2: ['-u', '--local-user', '-r', '--recipient'],
  zip: ['-P', '--password'],
  // find's primaries that take one word (a pattern, a type, a number); its starting points are still option-like.
  find: ['-name', '-iname', '-path', '-ipath', '-regex', '-iregex', '-type', '-maxdepth', '-mindepth', '-user', '-group', '-size', '-mtime', '-newer'],
};

/** Whether `word` (a constant) is an option of `program` that takes the next word as its value; `sub`: git's subcommand. */
export function takesValue(program: string, sub: string | undefined, word: string): boolean {
  if (program === 'git') return sub === undefined ? GIT_GLOBAL.includes(word) : !!GIT[sub]?.includes(word);
  return !!OTHERS[program]?.includes(word);
}

/** Whether a word ends the program's options: `--` (and git's `--end-of-options`), except for find (its operands are an expression). */
function endsOptions(program: string, word: string): boolean {
  return program !== 'find' && (word === '--' || (program === 'git' && word === '--end-of-options'));
}

/**
 * The words of an argument list that the program may read as an option: not after the word that ends its options,
 * not the value of an option that takes one (`-m message`, `--depth n`), not a word whose constant text starts with
 * something other than a dash (`'refs/heads/' + b`, `` `./${f}` ``, `f"refs/{b}"`) or with a known option and `=`
 * (`` `--deepen=${n}` ``). `focus` is the list (`['clone', x]`, `["git", "clone", x]`) or one argument of a call
 * that lists them (`exec.Command("git", "clone", x)`): the words it is, in option position. Undefined when the
 * words are not written out (a list held in a variable), which leaves the sink to its whole value.
 */
export function optionWords(syn: LanguageModule, focus: Node, b: Bindings): Node[] | undefined {
  const words = syn.argvWords?.(focus);
  if (!words) return undefined;
  const prog = b.get('$PROG');
  const at = prog ? words.findIndex((w) => w.id === prog.id) : -1;
  const one = words.some((w) => w.id === focus.id);
  // One argument of a call that names no program (`subprocess.run(args)`): the list is not written out here.
  if (one && !prog) return undefined;
  // The program: the call's `$PROG`, the argument written before the list (a runner's `run('git', [...])`), or
  // the list's own first word.
  const before = !prog && !one ? focus.previousNamedSibling : null;
  const progNode = prog ?? (before && syn.stringValue(before) !== undefined ? before : words[0]);
  if (!progNode) return undefined;
  const program = programName(syn.stringValue(progNode) ?? progNode.text);
  const args = at >= 0 ? words.slice(at + 1) : prog || before ? words : words.slice(1);
  const out: Node[] = [];
  let sub: string | undefined;
  let value = false;
  for (const w of args) {
    const v = syn.stringValue(w);
    if (value) value = false;
    else if (v !== undefined) {
      if (endsOptions(program, v)) break;
      if (v.startsWith('-')) value = takesValue(program, sub, v);
      else if (program === 'git' && sub === undefined) sub = v;
    } else if (!fixedStart(syn, w, program, sub)) {
      out.push(w);
      // A word not known may be git's subcommand: later options are read without one.
      if (program === 'git' && sub === undefined) sub = '';
    }
  }
  return one ? out.filter((w) => w.id === focus.id) : out;
}

/**
 * A word whose text starts with constant text that is no option: a character other than a dash, or a known option's
 * `--opt=` whose value is inert data (`--deepen=`). `--upload-pack=` + input is as bad as an option (see above).
 */
function fixedStart(syn: LanguageModule, w: Node, program: string, sub: string | undefined): boolean {
  const first = syn.decompose(w)?.[0];
  if (first?.kind !== 'lit' || first.raw.length === 0) return false;
  if (!first.raw.startsWith('-')) return true;
  const opt = /^(-[^=]*)=/.exec(first.raw)?.[1];
  return opt !== undefined && takesValue(program, sub, opt);
}
