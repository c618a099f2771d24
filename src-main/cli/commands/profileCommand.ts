import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { profileFrame, type DatasetProfile } from '../../core/profile/profile';
import { readDelimitedFrame } from '../../node/recipe/delimitedFrame';
import { profileDataset } from '../../node/profile/profileDataset';
import { cliPath, cliWorkbench } from '../cliWorkbench';
import { toJsonText } from '../jsonText';
import { progressBar } from '../progressBar';

export const PROFILE_USAGE = 'assay profile FILE [--json] [--no-spearman]';

/**
 * CSV/TSV files up to this size are read straight into memory and profiled
 * there (the profile holds the whole table in memory anyway); larger ones,
 * and files the direct read leaves to the import, go through a throwaway
 * project, whose import keeps memory bounded while it reads.
 */
const DIRECT_PROFILE_MAX_BYTES = 1024 * 1024 * 1024;

/** `assay profile FILE`: reads the file (straight into memory, or through a throwaway project) and prints its profile. */
export async function profileCommand(args: string[], signal?: AbortSignal): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, 'no-spearman': { type: 'boolean' } },
    allowPositionals: true,
  });
  const [file] = positionals;
  if (!file) {
    console.error(`usage: ${PROFILE_USAGE}`);
    return 2;
  }
  const bar = progressBar();
  const options = { spearman: !values['no-spearman'] };
  const path = cliPath(file);
  const direct = await readDelimitedFrame(path, basename(path, extname(path)), {
    signal,
    onProgress: (p) => bar.update({ ...p, message: 'Reading data' }),
    maxBytes: DIRECT_PROFILE_MAX_BYTES,
  });
  if (direct) {
    bar.done();
    print(direct.name, profileFrame(direct.frame, options), values.json === true);
    return 0;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'assay-profile-'));
  const wb = await cliWorkbench();
  try {
    wb.create(join(scratch, 'profile.assay'));
    const info = await wb.importFile({ path, signal, onProgress: (p) => bar.update({ ...p, message: 'Reading data' }) });
    bar.done();
    print(info.name, profileDataset(wb.db, info, options), values.json === true);
    return 0;
  } finally {
    bar.done();
    await wb.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function print(name: string, profile: DatasetProfile, json: boolean): void {
  if (json) process.stdout.write(toJsonText({ dataset: name, ...profile }) + '\n');
  else process.stdout.write(profileText(name, profile));
}

function num(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  const a = Math.abs(x);
  return a !== 0 && (a >= 1e9 || a < 1e-4) ? x.toExponential(6) : String(Number(x.toPrecision(7)));
}

function table(header: string[], rows: string[][], rightAlign = true): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) =>
    cells.map((c, j) => (j === 0 || !rightAlign ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

function clip(s: string, n = 40): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** The readable report: shape, info, describe, missing, duplicates, value counts, correlations. */
export function profileText(name: string, p: DatasetProfile): string {
  const out: string[] = [];
  out.push(`${name}: ${p.rows} rows × ${p.shape[1]} columns\n`);
  out.push('\nColumns (info)\n');
  out.push(
    table(
      ['#', 'column', 'non-null', 'dtype', 'kind', 'memory'],
      p.columns.map((c, i) => [String(i), c.name, String(c.count), c.dtype, c.kind ?? '', `${c.memoryBytes} B`]),
      false,
    ),
  );
  out.push(`memory usage: ${p.memoryBytes} bytes (8 per cell; with text ≈ ${p.memoryBytesDeep} bytes)\n`);

  const numeric = p.columns.filter((c) => c.type === 'number');
  if (numeric.length > 0) {
    out.push('\nNumeric columns (describe)\n');
    out.push(
      table(
        ['column', 'count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max'],
        numeric.map((c) => {
          const d = c.describe;
          return [c.name, num(d.count), num(d.mean), num(d.std), num(d.min), num(d.q25), num(d.q50), num(d.q75), num(d.max)];
        }),
      ),
    );
  }
  const text = p.columns.filter((c) => c.type === 'string');
  if (text.length > 0) {
    out.push('\nOther columns (describe)\n');
    out.push(
      table(
        ['column', 'count', 'unique', 'top', 'freq'],
        text.map((c) => [c.name, num(c.describe.count), num(c.describe.unique), clip(String(c.describe.top ?? '')), num(c.describe.freq)]),
      ),
    );
  }

  out.push('\nMissing values (isna().sum())\n');
  out.push(table(['column', 'missing', '%'], p.columns.map((c) => [c.name, String(c.missing), (100 * c.missingFraction).toFixed(2)])));
  out.push(`rows with any missing value: ${p.missing.rows}\n`);
  out.push(`\nDuplicate rows (duplicated().sum()): ${p.duplicates.count}\n`);

  for (const c of text) {
    // Value counts are for categories: skip columns where almost every value is distinct (free text, identifiers).
    if (c.describe.unique > 50 || c.describe.unique > 0.5 * c.count) continue;
    out.push(`\nValue counts: ${c.name}${c.describe.unique > c.top.values.length ? ` (top ${c.top.values.length} of ${c.describe.unique})` : ''}\n`);
    out.push(table(['value', 'count', 'share'], c.top.values.map((v, i) => [clip(String(v)), String(c.top.counts[i]), c.top.proportions[i].toFixed(4)])));
  }

  for (const m of [p.correlations.pearson, p.correlations.spearman]) {
    if (!m || m.columns.length === 0) continue;
    const k = m.columns.length;
    out.push(`\n${m === p.correlations.pearson ? 'Pearson' : 'Spearman'} correlation\n`);
    out.push(
      table(
        ['', ...m.columns],
        m.columns.map((c, a) => [c, ...Array.from({ length: k }, (_, b) => (Number.isNaN(m.matrix[a * k + b]) ? 'NaN' : m.matrix[a * k + b].toFixed(3)))]),
      ),
    );
  }
  for (const n of p.notes) out.push(`\nnote: ${n}\n`);
  return out.join('');
}
