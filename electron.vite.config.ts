import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { buildStampPlugin } from './bin/buildStamp.mjs';

// One build for every host: the Electron main process and the web host share
// the main bundle's code (router, store, import), so both ship from out/main.
export default defineConfig({
  main: {
    // bin/assay.mjs runs out/main/cli.js only while this stamp matches the sources.
    plugins: [buildStampPlugin(fileURLToPath(new URL('.', import.meta.url)))],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve('src-main/electron/main.ts'),
          web: resolve('src-main/web/main.ts'),
          cli: resolve('src-main/cli/main.ts'),
          worker: resolve('src-main/node/pool/trainingWorker.ts'),
          // Worker-thread entry of CSV imports (found by parserWorker.ts next to the bundle).
          delimitedWorker: resolve('src-main/node/ingest/delimitedWorker.ts'),
          // Worker-thread entry of profiles and charts (found by node/threads/workerSource.ts).
          analysisWorker: resolve('src-main/node/analysis/analysisWorker.ts'),
          // Worker-thread entry of grid view builds (found by node/threads/workerSource.ts).
          viewWorker: resolve('src-main/node/views/viewWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('src-main/electron/preload.ts') },
        // Sandboxed preloads must be a single CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src-renderer'),
    base: './',
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
    plugins: [svelte({ configFile: resolve('svelte.config.js') })],
  },
});
