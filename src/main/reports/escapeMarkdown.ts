import { showControlCharacters } from './controlCharacters';

// CommonMark lets a backslash escape any ASCII punctuation; these are the ones that open markup
// (emphasis, code, links, HTML, headings, entities) or, `|`, end a table cell.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|&~!]/g;

/**
 * Text for a Markdown paragraph or table cell, shown literally: no markup, HTML or entity in a
 * heap string takes effect, and newlines (shown as `\u000a`) cannot break a table row.
 */
export function escapeMarkdown(text: string): string {
  return showControlCharacters(text).replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}
