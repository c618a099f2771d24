/**
 * One Assay import of a CSV into a fresh project, run as its own process by
 * `bench/ingest.ts` so its peak memory can be measured. Prints one JSON line:
 * `{"seconds": …, "rows": …, "checkpointSeconds": …}`: `seconds` is the import
 * (until its transaction has committed), `checkpointSeconds` the WAL
 * checkpoint that a large import leaves to a background thread, measured from
 * the end of the import to its completion.
 *
 * Usage: tsx bench/importOnce.ts FILE.csv PROJECT.assay
 */
import { backgroundCheckpoints } from '../src-main/node/ingest/backgroundCheckpoint';
import { importFile } from '../src-main/node/ingest/importFile';
import { createProjectFile, openProjectFile } from '../src-main/node/store/projectFile';

const [file, project] = process.argv.slice(2);
if (!file || !project) {
  console.error('usage: tsx bench/importOnce.ts FILE.csv PROJECT.assay');
  process.exit(2);
}
createProjectFile(project);
const db = openProjectFile(project);
const t0 = performance.now();
const info = await importFile(db, { path: file });
const t1 = performance.now();
const seconds = (t1 - t0) / 1000;
await backgroundCheckpoints();
const checkpointSeconds = (performance.now() - t1) / 1000;
db.close();
console.log(JSON.stringify({ seconds, checkpointSeconds, rows: info.rows, kinds: info.columns.map((c) => c.kind) }));
