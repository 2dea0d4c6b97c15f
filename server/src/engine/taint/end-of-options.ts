/**
 * Which programs take a marker that ends their options, and which marker: the one place the argument injection
 * quick fix (`fix: end-of-options`) reads it. A program is listed only where its documentation or source says what
 * the marker does there; elsewhere no fix is offered.
 *
 * - git: `git clone [...] [--] <repository>` and `git submodule add [--] <repository>` in their synopses; fetch,
 *   pull, push and ls-remote parse with parse_options() without PARSE_OPT_KEEP_DASHDASH, which stops at `--`. In
 *   commands that take revisions (log, show, diff, rev-list) `--` means "paths follow" (gitcli(7)), so a ref after it
 *   would be read as a path: gitcli says to use `--end-of-options` there (git 2.24+; parse_options() and
 *   setup_revisions() both stop at it). Other subcommands: none (checkout, reset, grep... give `--` a path meaning).
 * - rsync: popt ends the options at `--` (popt.c: `restLeftover`).
 * - tar (GNU, bsdtar): getopt-style parsing ends at `--` (POSIX utility syntax guideline 10). Not after an old-style
 *   first word (`tar xf archive`): its letters take the following words as their values, `--` among them.
 * - Not listed: find (its operands are an expression, `-exec` included, whatever comes first), ssh (OpenSSH parses
 *   options again after the host, so `--` does not protect the command that follows), curl, wget, zip, gpg, 7z, hg,
 *   scp, sendmail (not checked).
 */

/** git subcommands whose operands follow `--`. */
const GIT_DASHDASH = new Set(['clone', 'fetch', 'pull', 'push', 'ls-remote']);
/** git subcommands where `--` starts paths and `--end-of-options` ends the options. */
const GIT_END_OF_OPTIONS = new Set(['log', 'show', 'diff', 'rev-list']);
/** git's global options that take the next word as their value (`git -C dir -c k=v fetch`). */
const GIT_GLOBAL_WITH_VALUE = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env']);

/** A program's name from how a call names it: `/usr/bin/git` and `git.exe` are git; a variable named for git is git. */
export function programName(text: string): string {
  const base = text.replace(/^.*[/\\]/, '').replace(/\.exe$/i, '');
  return /^(git|rsync|tar|gtar|bsdtar)$/.test(base) || !/git/i.test(base) ? base : 'git';
}

/**
 * The marker that ends `program`'s options when inserted after `before` (the values of the arguments before the
 * insertion point, undefined where not constant), or undefined when there is none this table vouches for there.
 */
export function endOfOptionsMarker(program: string, before: readonly (string | undefined)[]): string | undefined {
  switch (program) {
    case 'git': {
      let i = 0;
      for (; i < before.length; i++) {
        const w = before[i];
        if (w === undefined) return undefined;
        if (!w.startsWith('-')) break;
        if (GIT_GLOBAL_WITH_VALUE.has(w)) i++;
      }
      const sub = before[i];
      if (sub === undefined) return undefined;
      if (GIT_DASHDASH.has(sub)) return '--';
      if (GIT_END_OF_OPTIONS.has(sub)) return '--end-of-options';
      if (sub === 'submodule' && before.slice(i + 1).find((w) => !w?.startsWith('-')) === 'add') return '--';
      return undefined;
    }
    case 'rsync':
      return '--';
    case 'tar':
    case 'gtar':
    case 'bsdtar':
      return before.length > 0 && before[0]?.startsWith('-') ? '--' : undefined;
    default:
      return undefined;
  }
}
