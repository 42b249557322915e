import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { serveHelper } from './helper/serveHelper';

// Entry of the thread that works beside a snapshot's worker on a second core: it scans half of
// the `nodes` and `edges` sections, counts retainers and names classes during the dominator pass
// (see helper/helperThread.ts).
serveHelper((workerData as { sectionPort: MessagePort }).sectionPort, parentPort!);
