import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServedApp {
  url: string;
  home: string;
  stop(): Promise<void>;
}

/** Starts the real `heapdeck serve` from the build, with its own data folder. */
export async function startServedApp(): Promise<ServedApp> {
  const home = await mkdtemp(join(tmpdir(), 'heapdeck-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/heapdeck.js', 'serve', '--port', '0'], {
    env: { ...process.env, HEAPDECK_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL: ${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
  return {
    url,
    home,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGINT');
        await once(child, 'exit');
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}
