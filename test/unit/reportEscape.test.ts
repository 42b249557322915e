import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/main/reports/escapeHtml';
import { escapeMarkdown } from '../../src/main/reports/escapeMarkdown';

describe('report escaping', () => {
  it('HTML: markup, quotes and control characters become text', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&amp;`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;amp;');
    expect(escapeHtml('a\u0000b\nc\td\u007f\u009b')).toBe('a\\u0000b\\u000ac\td\\u007f\\u009b');
  });

  it('Markdown: table breakers, code, emphasis, links, HTML, headings and entities are backslash-escaped', () => {
    expect(escapeMarkdown('| a | `b` *c* _d_ [e](f) <g> #h &lt; ~i~ ![j]')).toBe(
      '\\| a \\| \\`b\\` \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\#h \\&lt; \\~i\\~ \\!\\[j\\]',
    );
  });

  it('Markdown: a newline cannot end a table row, and a backslash cannot undo an escape', () => {
    expect(escapeMarkdown('a\r\nb\\|')).toBe('a\\\\u000d\\\\u000ab\\\\\\|');
    expect(escapeMarkdown('a\r\nb')).not.toMatch(/[\r\n]/);
  });
});
