import { useState, type DragEvent } from 'react';
import { HeapdeckError, toErrorDto, type ErrorDto } from '../../../shared/contract/errors';
import { useApi } from '../../api/useApi';
import { ErrorNotice } from '../../components/ErrorNotice';

interface OpenFileFormProps {
  onOpen(path: string): void;
  onImport(path: string): Promise<void>;
}

declare global {
  interface Window {
    /** The desktop app's bridge for dropped files (absent in the browser `serve` mode). */
    heapdeckFiles?: { pathForFile(file: File): string };
  }
}

function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

/**
 * Open or import a `.heapsnapshot` by path, or by dropping it here. Browsers do not tell a page
 * where a dropped file lives, so in the `serve` mode the path has to be pasted.
 */
export function OpenFileForm({ onOpen, onImport }: OpenFileFormProps) {
  const client = useApi();
  const [path, setPath] = useState('');
  const [error, setError] = useState<ErrorDto | null>(null);
  const [dragging, setDragging] = useState(false);

  const checked = (candidate: string): string | null => {
    const trimmed = candidate.trim();
    if (isAbsolutePath(trimmed)) return trimmed;
    setError(toErrorDto(new HeapdeckError('INVALID_ARGUMENT', 'Give the absolute path of a .heapsnapshot file.')));
    return null;
  };
  const open = (candidate: string) => {
    const valid = checked(candidate);
    if (!valid) return;
    setError(null);
    onOpen(valid);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const dropped = window.heapdeckFiles?.pathForFile(file);
    if (dropped) open(dropped);
    else setError(toErrorDto(new HeapdeckError('INVALID_ARGUMENT', `The browser does not say where ${file.name} is: paste its full path instead.`)));
  };

  return (
    <div
      className={`open-file${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="open-file"
    >
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          open(path);
        }}
      >
        <input
          className="input"
          placeholder="/path/to/file.heapsnapshot — or drop a file here"
          aria-label="Snapshot file path"
          value={path}
          onChange={(event) => setPath(event.target.value)}
          data-testid="open-file-path"
        />
        <button type="submit" className="btn primary" data-testid="open-file-submit">
          Open
        </button>
        {window.heapdeck && (
          <button
            type="button"
            className="btn"
            onClick={() =>
              client.call('chooseSnapshotFile', {}).then(
                (choice) => choice.path && open(choice.path),
                (caught: unknown) => setError(toErrorDto(caught)),
              )
            }
          >
            Browse…
          </button>
        )}
        <button
          type="button"
          className="btn"
          onClick={() => {
            const valid = checked(path);
            if (valid) onImport(valid).then(() => setError(null), (caught: unknown) => setError(toErrorDto(caught)));
          }}
          title="Add to the list without opening"
          data-testid="import-file-submit"
        >
          Import
        </button>
      </form>
      {error && <ErrorNotice error={error} onDismiss={() => setError(null)} compact />}
    </div>
  );
}
