import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startHostCore } from '../node/app/bootstrap';
import { startWebHost } from './server';

/** `node out/main/web.js [--port N] [--project FILE]`: the workbench in a browser. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, project: { type: 'string' } },
    allowPositionals: false,
  });
  const port = values.port ? Number(values.port) : Number(process.env.ASSAY_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${values.port}`);
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = resolve(process.env.ASSAY_RENDERER_DIR ?? join(here, '..', 'renderer'));
  const { workbench, router } = await startHostCore('web', values.project);
  const host = await startWebHost({ router, rendererDir, port });
  console.log(`Assay is serving at ${host.url}`);
  const stop = async () => {
    await host.close();
    await workbench.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(`Assay could not start: ${(e as Error).message ?? String(e)}`);
  process.exit(1);
});
