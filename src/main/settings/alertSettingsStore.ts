import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HeapdeckError } from '../../shared/contract/errors';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../shared/model/metrics';

const FILE_NAME = 'alert-settings.json';

/** Alert thresholds, kept in the data folder so they survive a restart. */
export class AlertSettingsStore {
  private current: AlertSettings = { ...DEFAULT_ALERT_SETTINGS };

  private constructor(private readonly root: string) {}

  static async open(root: string): Promise<AlertSettingsStore> {
    const store = new AlertSettingsStore(root);
    const saved = await readFile(join(root, FILE_NAME), 'utf8').catch(() => undefined);
    if (saved) {
      try {
        store.current = validate({ ...DEFAULT_ALERT_SETTINGS, ...JSON.parse(saved) });
      } catch {
        // A damaged settings file must not stop the app; the defaults apply until the next save.
      }
    }
    return store;
  }

  get(): AlertSettings {
    return { ...this.current };
  }

  async update(changes: Partial<AlertSettings>): Promise<AlertSettings> {
    const next = validate({ ...this.current, ...changes });
    await mkdir(this.root, { recursive: true });
    const path = join(this.root, FILE_NAME);
    await writeFile(`${path}.tmp`, JSON.stringify(next, null, 2));
    await rename(`${path}.tmp`, path);
    this.current = next;
    return this.get();
  }
}

function validate(settings: AlertSettings): AlertSettings {
  const { warningShare, criticalShare, leakWindow, leakMinConfidence, leakMinGrowthBytes } = settings;
  const share = (value: number) => Number.isFinite(value) && value > 0 && value <= 1;
  if (!share(warningShare) || !share(criticalShare)) {
    throw new HeapdeckError('INVALID_ARGUMENT', 'Warning and critical levels are shares of the heap limit, above 0 % and up to 100 %.');
  }
  if (warningShare > criticalShare) {
    throw new HeapdeckError('INVALID_ARGUMENT', 'The warning level must not be above the critical level.');
  }
  if (!Number.isInteger(leakWindow) || leakWindow < 3 || leakWindow > 100) {
    throw new HeapdeckError('INVALID_ARGUMENT', 'The leak window must be a whole number of GCs from 3 to 100.');
  }
  if (!(leakMinConfidence >= 0 && leakMinConfidence <= 1)) {
    throw new HeapdeckError('INVALID_ARGUMENT', 'The leak confidence must be between 0 and 1.');
  }
  if (!(Number.isFinite(leakMinGrowthBytes) && leakMinGrowthBytes >= 0)) {
    throw new HeapdeckError('INVALID_ARGUMENT', 'The minimum leak growth must be zero or more bytes.');
  }
  return { warningShare, criticalShare, leakWindow, leakMinConfidence, leakMinGrowthBytes };
}
