import { useEffect, useState, type RefObject } from 'react';
import type { InstanceSortKey, ObjectFilter, OpenedSnapshotInfo } from '../../../../shared/model/heapSnapshots';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { fileName } from '../../../format/fileName';

type Preset = NonNullable<ObjectFilter['preset']>;

const PRESETS: { value: Preset; label: string }[] = [
  { value: 'all', label: 'All objects' },
  { value: 'detached', label: 'Detached DOM' },
  { value: 'eventHandlers', label: 'Retained by event handlers' },
  { value: 'duplicatedStrings', label: 'Duplicated strings' },
  { value: 'unreachable', label: 'Unreachable' },
];

const INSTANCE_SORTS: { value: InstanceSortKey; label: string }[] = [
  { value: 'retainedSizeBytes', label: 'Instances by retained size' },
  { value: 'selfSizeBytes', label: 'Instances by shallow size' },
  { value: 'distance', label: 'Instances by distance' },
  { value: 'id', label: 'Instances by id (allocation order)' },
];

export interface SummaryControls {
  filter: string;
  regex: boolean;
  preset: Preset;
  /** Path of the earlier snapshot for "allocated between", or '' for none. */
  baselinePath: string;
  instanceSortBy: InstanceSortKey;
}

interface SummaryToolbarProps {
  controls: SummaryControls;
  onChange(controls: SummaryControls): void;
  /** Other open snapshots, for "allocated between" (ids only compare within one process). */
  baselines: OpenedSnapshotInfo[];
  onFindId(id: number): void;
  filterInput: RefObject<HTMLInputElement | null>;
}

const FILTER_DELAY_MS = 200;

/** Filters of the summary: class name (substring or regex), object presets, "@id" search. */
export function SummaryToolbar({ controls, onChange, baselines, onFindId, filterInput }: SummaryToolbarProps) {
  const [text, setText] = useState(controls.filter);
  const [idText, setIdText] = useState('');
  // "Reveal in Summary" sets the filter from outside.
  useEffect(() => setText(controls.filter), [controls.filter]);
  useEffect(() => {
    if (text === controls.filter) return undefined;
    const timer = setTimeout(() => onChange({ ...controls, filter: text }), FILTER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, controls, onChange]);

  return (
    <div className="explorer-toolbar">
      <input
        ref={filterInput}
        className="input"
        type="search"
        placeholder="Filter classes ( / )"
        aria-label="Filter classes by name"
        value={text}
        onChange={(event) => setText(event.target.value)}
        data-testid="summary-filter"
      />
      <label className="toggle" title="Treat the filter as a regular expression">
        <input
          type="checkbox"
          checked={controls.regex}
          onChange={(event) => onChange({ ...controls, regex: event.target.checked })}
          data-testid="summary-regex"
        />
        Regex
      </label>
      <ChoiceSelect label="Which objects" value={controls.preset} choices={PRESETS} onChange={(preset) => onChange({ ...controls, preset })} testId="summary-preset" />
      <ChoiceSelect
        label="Allocated after snapshot"
        value={controls.baselinePath}
        choices={[
          { value: '', label: 'Any allocation time' },
          ...baselines.map((baseline) => ({ value: baseline.path, label: `Allocated after ${fileName(baseline.path)}` })),
        ]}
        onChange={(baselinePath) => onChange({ ...controls, baselinePath })}
        disabled={baselines.length === 0}
        title={baselines.length === 0 ? 'Open an earlier snapshot of the same process to compare' : undefined}
        testId="summary-baseline"
      />
      <ChoiceSelect
        label="Order of a class's instances"
        value={controls.instanceSortBy}
        choices={INSTANCE_SORTS}
        onChange={(instanceSortBy) => onChange({ ...controls, instanceSortBy })}
        testId="summary-instance-sort"
      />
      <form
        className="id-search"
        onSubmit={(event) => {
          event.preventDefault();
          const id = Number(idText.replace(/^@/, ''));
          if (Number.isInteger(id) && id >= 0) onFindId(id);
        }}
      >
        <input
          className="input"
          placeholder="@id"
          aria-label="Find object by id"
          value={idText}
          onChange={(event) => setIdText(event.target.value)}
          data-testid="summary-find-id"
        />
      </form>
    </div>
  );
}
