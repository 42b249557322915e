// Heapdeck's services as the benchmarks drive them: bundled from source with vite, over a
// throw-away data folder, using the built snapshot worker (run `npm run build` first).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { wasmText } from './wasmTextPlugin.mjs';
import { repoRoot } from './benchSnapshotFiles.mjs';

/** Resolves with `{ api, close }`: a typed client of fresh services, and how to stop them. */
export async function openBenchServices(name) {
  const outDir = join(repoRoot, 'out', 'bench');
  await build({
    configFile: false,
    plugins: [wasmText()],
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      minify: false,
      rollupOptions: {
        input: { benchServices: join(repoRoot, 'src/main/services.ts'), benchApiClient: join(repoRoot, 'src/shared/contract/client.ts') },
        output: { entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', format: 'es' },
      },
    },
  });
  const { createServices } = await import(join(outDir, 'benchServices.mjs'));
  const { createApiClient } = await import(join(outDir, 'benchApiClient.mjs'));
  const home = await mkdtemp(join(tmpdir(), `heapdeck-${name}-bench-`));
  const services = await createServices(home, { snapshotWorkerPath: join(repoRoot, 'out', 'main', 'snapshotWorker.js') });
  return {
    api: createApiClient(services.door),
    async close() {
      await services.shutdown();
      await rm(home, { recursive: true, force: true });
    },
  };
}
