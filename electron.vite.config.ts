import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { wasmText } from './scripts/wasmTextPlugin.mjs';

// Main has two entries: the Electron shell, and the CLI (which also hosts `serve`), which
// runs under plain Node and so must never pull in `electron`.
export default defineConfig({
  main: {
    plugins: [wasmText()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          // Each open snapshot runs this in a worker thread of its own.
          snapshotWorker: resolve(__dirname, 'src/main/worker/snapshotWorker.ts'),
          // Its helper thread, for big snapshots, on a second core (found beside it).
          snapshotHelper: resolve(__dirname, 'src/main/worker/snapshotHelper.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
