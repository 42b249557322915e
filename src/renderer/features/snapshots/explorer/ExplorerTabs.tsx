import type { KeyboardEvent } from 'react';

const TABS = [
  { id: 'summary', label: 'Summary' },
  { id: 'containment', label: 'Containment' },
  { id: 'dominators', label: 'Dominators' },
  { id: 'statistics', label: 'Statistics' },
  { id: 'comparison', label: 'Comparison' },
] as const;

export type ExplorerTabId = (typeof TABS)[number]['id'];

/** The explorer's views as a tab list; Left / Right move between tabs. */
export function ExplorerTabs({ tab, onChange }: { tab: ExplorerTabId; onChange(tab: ExplorerTabId): void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const index = TABS.findIndex((candidate) => candidate.id === tab);
    const next = TABS[(index + step + TABS.length) % TABS.length]!;
    onChange(next.id);
    document.getElementById(`explorer-tab-${next.id}`)?.focus();
  };
  return (
    <div className="segmented explorer-tabs" role="tablist" aria-label="Snapshot views" onKeyDown={onKeyDown}>
      {TABS.map((candidate) => (
        <button
          key={candidate.id}
          id={`explorer-tab-${candidate.id}`}
          type="button"
          role="tab"
          aria-selected={candidate.id === tab}
          tabIndex={candidate.id === tab ? 0 : -1}
          className={candidate.id === tab ? 'btn active' : 'btn'}
          onClick={() => onChange(candidate.id)}
          data-testid={`tab-${candidate.id}`}
        >
          {candidate.label}
        </button>
      ))}
    </div>
  );
}
