/**
 * One Assay profile of a stored dataset, run as its own process by
 * `bench/profile.ts` so no cache from an earlier run helps it. Prints one
 * JSON line, in seconds: `load` (reading the dataset from the project file
 * into memory, as the app does before a profile), `profile` (the
 * pandas-equivalent profile of it: info, describe, missing, duplicates, value
 * counts, histograms, Pearson; Spearman left out because pandas' corr()
 * default is Pearson) and `vif` (variance inflation of the numeric columns,
 * which the app adds; not part of the comparison).
 *
 * Usage: tsx bench/profileOnce.ts PROJECT.assay
 */
import { profileFrame } from '../src-main/core/profile/profile';
import { varianceInflation } from '../src-main/core/profile/vif';
import { listDatasets } from '../src-main/node/store/datasets';
import { loadDatasetFrame } from '../src-main/node/recipe/loadFrame';
import { openConnection } from '../src-main/node/store/projectFile';

const [project] = process.argv.slice(2);
if (!project) {
  console.error('usage: tsx bench/profileOnce.ts PROJECT.assay');
  process.exit(2);
}
const db = openConnection(project, { readonly: true });
const info = listDatasets(db)[0];
const t0 = performance.now();
const frame = loadDatasetFrame(db, info);
const t1 = performance.now();
const profile = profileFrame(frame, { spearman: false });
const t2 = performance.now();
const numeric = profile.columns.filter((c) => c.type === 'number' && c.describe.count > 1 && c.describe.std > 0).map((c) => c.name);
varianceInflation(frame, numeric);
const t3 = performance.now();
db.close();
console.log(
  JSON.stringify({
    rows: profile.rows,
    duplicates: profile.duplicates.count,
    missingCells: profile.missing.cells,
    load: (t1 - t0) / 1000,
    profile: (t2 - t1) / 1000,
    vif: (t3 - t2) / 1000,
  }),
);
