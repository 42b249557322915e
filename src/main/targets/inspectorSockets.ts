import { formatEndpoint } from '../../shared/targetSpec';
import { probeInspector } from '../cdp/endpoints';
import { dialHost, type ProcessTable } from './processTable';

const PROBE_TIMEOUT_MS = 400;

/** A listening socket of a process that answers as a DevTools inspector. */
export interface InspectorSocket {
  port: number;
  /** `host:port` to dial, e.g. `127.0.0.1:9229`. */
  endpoint: string;
  product: string;
}

/**
 * The inspectors each process has open: every TCP port it listens on, probed with a quick
 * `/json/version` (an app's own HTTP server answers 404 and is left out). Ports in
 * `skipPorts` are known not to be inspectors and are not asked again.
 */
export async function findInspectors(
  table: ProcessTable,
  pids: number[],
  skipPorts: ReadonlySet<number> = new Set(),
): Promise<Map<number, InspectorSocket[]>> {
  const socketsByPid = await table.listeningSockets(pids);
  const result = new Map<number, InspectorSocket[]>();
  await Promise.all(
    [...socketsByPid].map(async ([pid, sockets]) => {
      const candidates = sockets.filter((socket) => !skipPorts.has(socket.port));
      const probed = await Promise.all(
        candidates.map(async (socket) => {
          const endpoint = formatEndpoint({ host: dialHost(socket.address), port: socket.port });
          const version = await probeInspector(endpoint, PROBE_TIMEOUT_MS);
          return version ? [{ port: socket.port, endpoint, product: version.product }] : [];
        }),
      );
      result.set(pid, dedupeByPort(probed.flat()));
    }),
  );
  return result;
}

/** A port listening on both 127.0.0.1 and ::1 is one inspector. */
function dedupeByPort(sockets: InspectorSocket[]): InspectorSocket[] {
  const seen = new Set<number>();
  return sockets.filter((socket) => !seen.has(socket.port) && seen.add(socket.port));
}
