/**
 * A Java file of `n` blocks, all in one class as most Java files are: Spring handlers with a command-injection flow,
 * helpers (`x + i`), nested static classes with a lambda, XML parsers open to XXE (a pattern rule). For the tests of the file context's
 * per-member shapes (`LanguageModule.memberContainers`): an edit inside one method must not re-read the class.
 */
export function javaClassFile(n: number): string {
  const out = [
    'package com.example.app;',
    '',
    'import java.io.IOException;',
    'import org.springframework.web.bind.annotation.GetMapping;',
    'import org.springframework.web.bind.annotation.RequestParam;',
    'import org.springframework.web.bind.annotation.RestController;',
    '',
    '@RestController',
    'public class App {',
  ];
  for (let i = 0; i < n; i++) {
    if (i % 8 === 3) out.push(`    @GetMapping("/run${i}")`, `    public String run${i}(@RequestParam String c) throws IOException {`, `        Runtime.getRuntime().exec(helper${i - 1}(c));`, '        return "ok";', '    }', '');
    else if (i % 8 === 5) out.push(`    static final class Box${i} {`, '        int get(int v) {', `            java.util.function.IntUnaryOperator inner = (y) -> y + ${i};`, '            return inner.applyAsInt(v);', '        }', '    }', '');
    else if (i % 8 === 6) out.push(`    org.w3c.dom.Document parse${i}(java.io.InputStream in) throws Exception {`, '        javax.xml.parsers.DocumentBuilderFactory dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();', '        return dbf.newDocumentBuilder().parse(in);', '    }', '');
    else out.push(`    static String helper${i}(String x) {`, `        String y = x + ${i};`, '        return y;', '    }', '');
  }
  out.push('}', '');
  return out.join('\n');
}

/** Fragments the property tests type, paste and delete in such a file: tokens, members, annotations, a header's. */
export const JAVA_FRAGMENTS = [
  '',
  ' ',
  '\n',
  '    ',
  '7',
  'x',
  '(',
  ')',
  '{',
  '}',
  ';',
  '"',
  '// c\n',
  '/* c */',
  'import java.util.List;\n',
  'static int q(int a) { return a; }\n',
  '@GetMapping("/q")\n',
  'class K { String m(String v) throws Exception { return v; } }\n',
  '@GetMapping("/q") public String q(@RequestParam String c) throws Exception { Runtime.getRuntime().exec(c); return c; }\n',
  'dbf.newDocumentBuilder()',
  '(v) -> v',
  '@RestController\n',
  ' extends Base',
  'public ',
] as const;
