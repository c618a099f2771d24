/**
 * One Assay import of a CSV into a fresh project, run as its own process by
 * `bench/ingest.ts` so its peak memory can be measured. Prints one JSON line:
 * `{"seconds": …, "rows": …}`.
 *
 * Usage: tsx bench/importOnce.ts FILE.csv PROJECT.assay
 */
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
const seconds = (performance.now() - t0) / 1000;
db.close();
console.log(JSON.stringify({ seconds, rows: info.rows, kinds: info.columns.map((c) => c.kind) }));
