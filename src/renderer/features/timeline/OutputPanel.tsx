import { useLayoutEffect, useRef } from 'react';
import type { LogLine } from '../../../shared/model/metrics';
import { formatClockTime } from '../../format/time';

/** A launched script's stdout and stderr; follows new lines unless the user scrolled up to read. */
export function OutputPanel({ logs }: { logs: readonly LogLine[] }) {
  const box = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useLayoutEffect(() => {
    const element = box.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [logs]);

  return (
    <section className="output-panel" aria-label="Script output">
      <h3>
        Output <span className="muted">(last {logs.length} lines)</span>
      </h3>
      <div
        ref={box}
        className="output-lines"
        tabIndex={0}
        data-testid="output-lines"
        onScroll={(event) => {
          const element = event.currentTarget;
          following.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
        }}
      >
        {logs.length === 0 && <div className="muted">No output yet.</div>}
        {logs.map((line, index) => (
          <div key={index} className={`output-line ${line.stream}`}>
            <time className="muted">{formatClockTime(line.timestampMs)}</time>
            <span className="output-text">{line.text}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
