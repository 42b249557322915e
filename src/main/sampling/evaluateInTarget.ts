import { HeapdeckError } from '../../shared/contract/errors';
import type { CdpSession } from '../cdp/cdpSession';

/**
 * Runs a probe's expression in the target and returns its value. `includeCommandLineAPI` makes
 * `require` available in Node targets that predate `process.getBuiltinModule`; `silent` keeps
 * a failure out of the target's own "pause on exceptions".
 */
export async function evaluateInTarget<T>(session: CdpSession, expression: string, purpose: string): Promise<T> {
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression,
    returnByValue: true,
    includeCommandLineAPI: true,
    silent: true,
  });
  if (exceptionDetails) {
    const reason = exceptionDetails.exception?.description ?? exceptionDetails.text;
    throw new HeapdeckError('PROTOCOL_ERROR', `The target could not run Heapdeck's ${purpose}: ${reason}`);
  }
  return result.value as T;
}
