import type { CdpSession } from '../cdp/cdpSession';
import type { TargetKind } from '../../shared/model/targets';

/**
 * Subscribes to the signals by which a target says it is going away, so a watch can end with
 * "target exited" instead of waiting for a timeout. A Node process that finishes while a
 * debugger is attached does not exit; it waits for the debugger to disconnect, and
 * `NodeRuntime.waitingForDisconnect` is how it says so.
 */
export async function watchExitSignals(
  session: CdpSession,
  kind: TargetKind,
  onExit: (reason: string) => void,
): Promise<() => void> {
  if (kind === 'node') {
    const stop = session.on('NodeRuntime.waitingForDisconnect', () => void describeNodeExit(session).then(onExit));
    await session.send('NodeRuntime.notifyWhenWaitingForDisconnect', { enabled: true });
    return stop;
  }
  if (kind.startsWith('chrome')) {
    const stops = [
      session.on('Inspector.targetCrashed', () => onExit('the renderer process crashed')),
      session.on('Inspector.detached', ({ reason }) => onExit(describeDetach(reason))),
    ];
    await session.send('Inspector.enable');
    return () => stops.forEach((stop) => stop());
  }
  return () => undefined;
}

/**
 * Why a Node process that waits for the debugger to disconnect is ending. After `process.exit`
 * (or an uncaught error) it still answers, and `process.exitCode` holds the code; after running
 * out of work its context is already gone and evaluating fails.
 */
async function describeNodeExit(session: CdpSession): Promise<string> {
  const answer = await session
    .send('Runtime.evaluate', { expression: 'process.exitCode', returnByValue: true, silent: true }, { timeoutMs: 1000 })
    .catch(() => undefined);
  const code = answer && !answer.exceptionDetails ? answer.result.value : undefined;
  if (typeof code !== 'number') return 'the process finished its work';
  return code === 0 ? 'the process exited (code 0)' : `the process exited with code ${code}`;
}

function describeDetach(reason: string): string {
  if (reason === 'target_closed') return 'the tab was closed';
  if (reason === 'replaced_with_devtools') return 'DevTools took over the target';
  return `the browser detached the target (${reason})`;
}
