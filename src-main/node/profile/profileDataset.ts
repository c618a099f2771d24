import type Database from 'better-sqlite3';
import type { DatasetInfo } from '../../core/data/columns';
import { MAX_CORRELATION_COLUMNS, profileFrame, type DatasetProfile, type ProfileOptions } from '../../core/profile/profile';
import { profileView, type ProfileView } from '../../core/profile/profileView';
import { varianceInflation, type VifResult } from '../../core/profile/vif';
import { datasetFrame } from '../recipe/frameCache';

/**
 * The profile of a stored dataset, cached in memory per dataset version:
 * dataset id + content hash + each column's name and kind (a kind override
 * changes how a column loads, so it is a new version) + the options. The
 * cache keeps the few most recently used profiles (LRU).
 */
const CAPACITY = 4;
const cache = new Map<string, DatasetProfile>();
/** The API's view (with VIF) of each cached profile; goes when the profile does. */
const views = new WeakMap<DatasetProfile, ProfileView>();

export function datasetVersionKey(info: DatasetInfo, options: ProfileOptions = {}): string {
  return JSON.stringify([
    info.id,
    info.contentHash,
    info.rows,
    info.columns.map((c) => [c.name, c.kind]),
    options.bins ?? 20,
    options.topValues ?? 10,
    options.spearman ?? true,
    options.correlationColumns ?? MAX_CORRELATION_COLUMNS,
  ]);
}

/**
 * Numeric columns the variance inflation factors cover at most. Each factor
 * is a regression on all the other columns: the cost grows with the cube of
 * the columns (1,333 columns took minutes), and beyond a hundred features
 * the factors say little anyway. A wider table gets a note instead.
 */
export const MAX_VIF_COLUMNS = 100;

export function profileDataset(db: Database.Database, info: DatasetInfo, options: ProfileOptions = {}): DatasetProfile {
  const key = datasetVersionKey(info, options);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const profile = profileFrame(datasetFrame(db, info), options);
  cache.set(key, profile);
  while (cache.size > CAPACITY) cache.delete(cache.keys().next().value!);
  return profile;
}

/** Forgets every cached profile (tests; or after a project is closed). */
export function clearProfileCache(): void {
  cache.clear();
}

export function profileCacheSize(): number {
  return cache.size;
}

/**
 * The profile as the API sends it, with the variance inflation of the
 * numeric columns that have any spread (a constant column has no VIF), when
 * there are at most {@link MAX_VIF_COLUMNS} of them.
 */
export function datasetProfileView(db: Database.Database, info: DatasetInfo): ProfileView {
  const profile = profileDataset(db, info);
  const known = views.get(profile);
  if (known) return known;
  const spread = profile.columns.filter((c) => c.type === 'number' && c.describe.count > 1 && c.describe.std > 0).map((c) => c.name);
  let vif: VifResult | null = null;
  const notes = [...profile.notes];
  if (spread.length > MAX_VIF_COLUMNS) {
    notes.push(
      `Variance inflation factors are not computed: ${spread.length.toLocaleString('en-US')} numeric columns vary, more than the ${MAX_VIF_COLUMNS.toLocaleString('en-US')} they are computed for ` +
        '(each factor regresses one column on all the others). Drop or select columns in Prepare to see them.',
    );
  } else if (spread.length >= 2) {
    try {
      vif = varianceInflation(datasetFrame(db, info), spread);
    } catch {
      vif = null;
    }
  }
  const view = { ...profileView(profile, vif), notes };
  views.set(profile, view);
  return view;
}
