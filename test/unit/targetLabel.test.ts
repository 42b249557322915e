import { describe, expect, it } from 'vitest';
import { targetLabel } from '../../src/main/cdp/endpoints';

describe('targetLabel', () => {
  it('keeps labels of untrusted titles and URLs to one readable line', () => {
    const url = `data:text/html,${'<div>x</div>'.repeat(10_000)}`;
    const label = targetLabel({ id: 'A1', kind: 'chrome-page', title: 'T'.repeat(500), url, endpoint: '127.0.0.1:9222' });
    expect(label.length).toBeLessThan(200);
    expect(label).toMatch(/^'T+…' \(data:text\/html,.*…\)$/);
  });

  it('shows the id when there is no title, and no URL twice', () => {
    expect(targetLabel({ id: 'A1', kind: 'node', title: '', url: '', endpoint: 'h:1' })).toBe("'A1'");
    expect(targetLabel({ id: 'A1', kind: 'node', title: 'same', url: 'same', endpoint: 'h:1' })).toBe("'same'");
  });
});
