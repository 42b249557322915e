import type { TargetKind } from '../../shared/model/targets';
import type { CdpSession } from '../cdp/cdpSession';
import { createChromeProbe } from './chromeProbe';
import type { MemoryProbe } from './memoryProbe';
import { createNodeProbe } from './nodeProbe';

/**
 * Installs the probe that fits a target: Node processes and their worker threads get the Node
 * probe (process memory, heap spaces, GC events); pages, Chrome workers and anything else get
 * the Chrome probe, which falls back to plain heap usage where Chrome's metrics are missing.
 */
export function createProbe(kind: TargetKind, session: CdpSession): Promise<MemoryProbe> {
  return kind === 'node' || kind === 'node-worker' ? createNodeProbe(session) : createChromeProbe(session);
}
