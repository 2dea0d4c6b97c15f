/**
 * The lexer for code without a grammar (secrets/code-lexer.ts): it finds strings, heredocs and comments from the
 * language table's syntax, and the secrets pack reads a value in such code as parsed code is read.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { LANGUAGES, languageIdForPath, languageRecord } from '../../server/src/engine/languages';
import { createSecretsAnalyzer } from '../../server/src/engine/secrets';
import { lexRegions, regionAt } from '../../server/src/engine/secrets/code-lexer';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const SETTINGS = { ...DEFAULT_SETTINGS, minSeverity: 'info' as const };

/** The kind of region at the first occurrence of `needle` in `text` ('code' when none). */
function kindAt(languageId: string, text: string, needle: string): string {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} in the text`);
  return regionAt(lexRegions(text, languageRecord(languageId)!.lexical!), at) ?? 'code';
}

describe('code lexer', () => {
  it('the lexed languages are code rows of the table with file extensions', () => {
    const lexed = LANGUAGES.filter((l) => l.lexical).map((l) => l.id);
    assert.deepEqual(lexed, ['php', 'ruby', 'perl', 'lua', 'c', 'cpp', 'rust']);
    for (const id of lexed) {
      const l = languageRecord(id)!;
      assert.ok(l.code && l.extensions.length > 0 && !l.grammar, id);
      for (const e of l.extensions) assert.equal(languageIdForPath(`a/b${e}`), id, e);
    }
  });

  it('PHP: strings, comments, heredocs, attributes and the page around the code', () => {
    const php = ["<p>Don't</p>", '<?php', '#[Route(\'/a\')]', '$a = "x # y"; // c1', '$h = <<<EOT', 'in heredoc', 'EOT;', '$b = 1; # c2', '?>', "<p>It's</p>"].join('\n');
    assert.equal(kindAt('php', php, "Don't"), 'text');
    assert.equal(kindAt('php', php, 'Route'), 'code');
    assert.equal(kindAt('php', php, 'x # y'), 'string');
    assert.equal(kindAt('php', php, 'c1'), 'comment');
    assert.equal(kindAt('php', php, 'in heredoc'), 'string');
    assert.equal(kindAt('php', php, '$b'), 'code');
    assert.equal(kindAt('php', php, 'c2'), 'comment');
    assert.equal(kindAt('php', php, "It's"), 'text');
  });

  it('Ruby: =begin blocks, squiggly heredocs, %q strings and data after __END__', () => {
    const rb = ['x = 1 # c1', '=begin', 'doc', '=end', 'sql = <<~SQL', '  select', '  SQL', "y = %q(it's)", 'z = "#{a}"', '__END__', "data'"].join('\n');
    assert.equal(kindAt('ruby', rb, 'c1'), 'comment');
    assert.equal(kindAt('ruby', rb, 'doc'), 'comment');
    assert.equal(kindAt('ruby', rb, 'select'), 'string');
    assert.equal(kindAt('ruby', rb, "it's"), 'string');
    assert.equal(kindAt('ruby', rb, 'z ='), 'code');
    assert.equal(kindAt('ruby', rb, '#{a}'), 'string');
    assert.equal(kindAt('ruby', rb, "data'"), 'text');
  });

  it("Perl: $#list is no comment, regexes and s{}{} are quote-like, POD is a comment", () => {
    const pl = ['my $n = $#list;', "$s =~ s{'}{x}g;", "$t =~ /'/;", 'my $v = 2; # c1', '=head1 NAME', "it's", '=cut', 'print <<"END";', 'body', 'END', '__DATA__', "x'"].join('\n');
    assert.equal(kindAt('perl', pl, 'list'), 'code');
    assert.equal(kindAt('perl', pl, 'my $v'), 'code');
    assert.equal(kindAt('perl', pl, 'c1'), 'comment');
    assert.equal(kindAt('perl', pl, "it's"), 'comment');
    assert.equal(kindAt('perl', pl, 'body'), 'string');
    assert.equal(kindAt('perl', pl, "x'"), 'text');
  });

  it('Lua: long strings and long comments by level', () => {
    const lua = ['local a = [==[', ']] still', ']==]', '--[[ c1', 'c2 ]]', "local b = 'q' -- c3"].join('\n');
    assert.equal(kindAt('lua', lua, 'still'), 'string');
    assert.equal(kindAt('lua', lua, 'c2'), 'comment');
    assert.equal(kindAt('lua', lua, 'local b'), 'code');
    assert.equal(kindAt('lua', lua, 'c3'), 'comment');
  });

  it("C, C++ and Rust: character literals, digit separators, lifetimes and raw strings", () => {
    const c = ["if (c == '\"') x = 1; /* c1 */", 'y = "s";'].join('\n');
    assert.equal(kindAt('c', c, 'x = 1'), 'code');
    assert.equal(kindAt('c', c, 'c1'), 'comment');
    assert.equal(kindAt('c', c, 's";'), 'string');
    const cpp = ["int n = 1'000'000; auto r = R\"x(a \" b)x\";", 'int m = 2;'].join('\n');
    assert.equal(kindAt('cpp', cpp, 'auto'), 'code');
    assert.equal(kindAt('cpp', cpp, 'a " b'), 'string');
    assert.equal(kindAt('cpp', cpp, 'int m'), 'code');
    const rs = ["fn f<'a>(x: &'a str) -> &'a str { x }", 'let r = r#"a "quoted" b"#;', 'let s = 1;'].join('\n');
    assert.equal(kindAt('rust', rs, '{ x }'), 'code');
    assert.equal(kindAt('rust', rs, 'quoted'), 'string');
    assert.equal(kindAt('rust', rs, 'let s'), 'code');
  });
});

describe('secrets in lexed code', () => {
  let engine: Engine;
  before(async () => {
    engine = await Engine.create({ analyzers: [createSecretsAnalyzer().analyzer] });
  });
  after(() => engine.dispose());
  const scan = (path: string, text: string) => engine.scanText(path, languageIdForPath(path), text, SETTINGS).findings;

  it('a value on a block comment line without a leading `*` is in a comment, lowered and marked so', () => {
    const text = ['<?php', '/* old settings:', "   $client_secret = 'OsrsnTFeWd7RDrFHlGup3eCZMlYr';", '*/', "$client_secret = 'OsrsnTFeWd7RDrFHlGup3eCZMlYr';", ''].join('\n');
    const found = scan('/ws/src/conf.php', text).map((f) => [f.range.start.line, f.severity, f.properties?.context]);
    assert.deepEqual(found, [
      [2, 'low', 'comment'],
      [4, 'medium', 'code'],
    ]);
  });

  it('offers no suppression comment inside a heredoc, and one above a line of code', () => {
    const text = ['x = <<~INI', '  password = 6Oyfxswx0gAKW81IWY3Zy2zUNQUB', 'INI', "password = '6Oyfxswx0gAKW81IWY3Zy2zUNQUB'", ''].join('\n');
    const found = scan('/ws/lib/conf.rb', text);
    assert.deepEqual(found.map((f) => [f.range.start.line, f.fixes?.some((x) => x.kind === 'suppress') ?? false]), [
      [1, false],
      [3, true],
    ]);
  });

  it('reads an unquoted value after a heredoc is closed as code', () => {
    const open = ['x = <<~INI', '  api_token = tokens.generate_backup_codes!', 'INI', ''].join('\n');
    assert.equal(scan('/ws/lib/a.rb', open).length, 1, 'inside the heredoc: text of a string, reported');
    const closed = ['x = 1', '  api_token = tokens.generate_backup_codes!', ''].join('\n');
    assert.equal(scan('/ws/lib/a.rb', closed).length, 0, 'in code: a method call, not a literal');
  });

  it('gives the language its own advice', () => {
    const [f] = scan('/ws/lib/a.pl', "my $auth_token = '3y58FVugplhtMvjErMh49mKaBEsA';\n");
    assert.match(f!.message, /\$ENV\{AUTH_TOKEN\}/);
  });
});
