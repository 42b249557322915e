import { useState } from 'react';
import { formatBytes } from '../../../shared/format/bytes';
import { useApi } from '../../api/useApi';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAsyncAction } from '../../components/useAsyncAction';

type Format = 'html' | 'json' | 'md';

const FORMATS: { value: Format; label: string }[] = [
  { value: 'html', label: 'HTML (one file, opens anywhere)' },
  { value: 'md', label: 'Markdown (for a pull request)' },
  { value: 'json', label: 'JSON (for tools)' },
];

interface ExportReportButtonProps {
  /** Snapshot files, oldest first, or a recorded session. */
  source: { files: string[] } | { sessionId: string };
  /** Where the report goes by default (without extension), e.g. beside the first snapshot. */
  defaultStem: string;
  /** The button's text, when the view shows more than one kind of report. */
  label?: string;
}

/** Export a report of what this view shows, in the format a teammate needs. */
export function ExportReportButton({ source, defaultStem, label = 'Export report' }: ExportReportButtonProps) {
  const client = useApi();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<Format>('html');
  const [destination, setDestination] = useState(`${defaultStem}.html`);
  const [saved, setSaved] = useState<{ path: string; sizeBytes: number } | null>(null);
  const save = useAsyncAction(async () => {
    setSaved(await client.call('exportReport', { ...source, format, destination }));
    setOpen(false);
  });
  const chooseFormat = (next: Format) => {
    setFormat(next);
    setDestination((current) => current.replace(/\.(html|json|md)$/, '') + `.${next}`);
  };

  if (!open) {
    return (
      <span className="export-report">
        <button type="button" className="btn" onClick={() => setOpen(true)} data-testid="export-report">
          {label}
        </button>
        {saved && (
          <span className="share" role="status" data-testid="report-saved" title={saved.path}>
            Saved {saved.path} ({formatBytes(saved.sizeBytes)})
          </span>
        )}
      </span>
    );
  }
  return (
    <form
      className="inline-form export-report"
      onSubmit={(event) => {
        event.preventDefault();
        void save.run();
      }}
    >
      <ChoiceSelect label="Report format" value={format} choices={FORMATS} onChange={chooseFormat} testId="report-format" />
      <input
        className="input"
        aria-label="Save the report to"
        value={destination}
        onChange={(event) => setDestination(event.target.value)}
        data-testid="report-destination"
      />
      <button type="submit" className="btn primary" disabled={save.pending} data-testid="report-save">
        {save.pending ? 'Writing…' : 'Save'}
      </button>
      <button type="button" className="btn ghost" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {save.error && <ErrorNotice error={save.error} title="Could not write the report" onDismiss={save.clearError} compact />}
    </form>
  );
}
