/**
 * Text from a repository (author names, messages quoting source, paths) inside Markdown that GitHub renders: it
 * must show as written, never become a link, an image, a mention, HTML or a table cell break.
 */

/** `text` with Markdown and HTML syntax escaped, on one line. */
export function mdText(text: string): string {
  return (
    text
      .replace(/[\r\n]+/g, ' ')
      .replace(/&/g, '&amp;')
      // Emphasis, code, links and images, HTML, table cells, strikethrough.
      .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
      // A heading, list or quote where the text starts a line.
      .replace(/^[#+=-]/, '\\$&')
      .replace(/^(\d+)([.)])/, '$1\\$2')
      // No @mention notifications.
      .replace(/@/g, '@\u200b')
  );
}

/** `text` as inline code: a fence of more backticks than any run inside it. */
export function mdCode(text: string): string {
  const one = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...[...one.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = one.startsWith('`') || one.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${one}${pad}${fence}`;
}

/** A fenced code block that `text` cannot close early. */
export function mdBlock(lang: string, text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`{3,}/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}
