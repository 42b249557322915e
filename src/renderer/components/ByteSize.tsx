import { formatBytes } from '../../shared/format/bytes';
import { formatExactBytes } from '../format/bytes';

interface ByteSizeProps {
  sizeBytes: number | undefined;
  testId?: string;
}

/** A readable size with the exact byte count on hover and, for tests, in `data-bytes`. */
export function ByteSize({ sizeBytes, testId }: ByteSizeProps) {
  if (sizeBytes === undefined) {
    return (
      <span className="bytes bytes-missing" data-testid={testId} title="Not reported by this target">
        —
      </span>
    );
  }
  return (
    <span className="bytes" title={formatExactBytes(sizeBytes)} data-bytes={sizeBytes} data-testid={testId}>
      {formatBytes(sizeBytes)}
    </span>
  );
}
