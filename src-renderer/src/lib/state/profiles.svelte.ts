import type { ProfileView } from '../../../../src-main/core/profile/profileView';
import { session } from './session.svelte';

interface Entry {
  key: string;
  profile: ProfileView | null;
  error: string | null;
  loading: boolean;
}

/**
 * Dataset profiles as the views need them: fetched once per dataset version
 * (the host caches too) and shared by the grid headers, the column panel and
 * the Explore view. The key includes the column kinds, so a kind change
 * refetches.
 */
class Profiles {
  private entries = $state<Record<number, Entry>>({});

  private keyOf(id: number, version: string): string {
    return `${id}:${version}`;
  }

  /** The profile of a dataset version, starting the request when there is none yet. */
  get(id: number, version: string): Entry {
    const key = this.keyOf(id, version);
    const entry = this.entries[id];
    if (entry && entry.key === key) return entry;
    const fresh: Entry = { key, profile: null, error: null, loading: true };
    queueMicrotask(() => void this.load(id, key));
    return fresh;
  }

  private async load(id: number, key: string): Promise<void> {
    const existing = this.entries[id];
    if (existing && existing.key === key) return;
    this.entries[id] = { key, profile: null, error: null, loading: true };
    try {
      const profile = await session.client.call('dataset.profile', { id });
      if (this.entries[id]?.key === key) this.entries[id] = { key, profile, error: null, loading: false };
    } catch (err) {
      if (this.entries[id]?.key === key) this.entries[id] = { key, profile: null, error: err instanceof Error ? err.message : String(err), loading: false };
    }
  }

  /** Forget everything (another project was opened). */
  clear(): void {
    this.entries = {};
  }
}

export const profiles = new Profiles();

/** The version string of a dataset for `profiles.get`: content and column kinds. */
export function datasetVersion(d: { contentHash: string; rows: number; columns: readonly { kind: string }[] }): string {
  return `${d.contentHash}:${d.rows}:${d.columns.map((c) => c.kind).join(',')}`;
}
