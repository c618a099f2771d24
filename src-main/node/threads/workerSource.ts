import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type WorkerSource = { code: string; eval: true } | { file: URL; eval: false };

const devBundles = new Map<string, string>();

/**
 * How to start a worker-thread entry: from the electron-vite bundle
 * (`out/main/<bundle>.js`, next to or above the chunk running this code), or,
 * when running from source (tsx, vitest), the `.ts` entry bundled on the fly
 * with esbuild (a dev dependency, present whenever source runs). Packages stay
 * external, so native modules (better-sqlite3, resvg) load from node_modules.
 *
 * `bundle` is the entry's name in electron.vite.config.ts; `source` its path
 * under src-main/node.
 */
export function workerSource(bundle: string, source: string): WorkerSource | null {
  const here = import.meta.url;
  if (!here.startsWith('file:')) return null;
  const path = fileURLToPath(here);
  if (/\.ts$/.test(path)) {
    let code = devBundles.get(source);
    if (code === undefined) {
      try {
        const esbuild = createRequire(here)('esbuild') as { buildSync(o: object): { outputFiles: { text: string }[] } };
        const out = esbuild.buildSync({
          entryPoints: [join(dirname(path), '..', source)],
          bundle: true,
          platform: 'node',
          format: 'cjs',
          packages: 'external',
          write: false,
          logLevel: 'silent',
        });
        code = out.outputFiles[0].text;
        devBundles.set(source, code);
      } catch {
        return null;
      }
    }
    return { code, eval: true };
  }
  const dir = dirname(path);
  for (const candidate of [join(dir, `${bundle}.js`), join(dir, '..', `${bundle}.js`)]) {
    if (existsSync(candidate)) return { file: pathToFileURL(candidate), eval: false };
  }
  return null;
}
