/**
 * Column names exactly as pandas' `read_csv` (C parser, single header row)
 * produces them:
 * - an empty name at 0-based position N becomes `Unnamed: N`;
 * - duplicates get `.1`, `.2`, … suffixes. Named columns are de-duplicated
 *   before the `Unnamed: N` ones (so a given name keeps its spelling), and a
 *   candidate suffix is skipped when any column currently holds that name,
 *   including columns further right: `a,a,a.1` → `a, a.2, a.1`.
 */
export function dedupeHeader(raw: string[]): string[] {
  const header = raw.map((name, i) => (name === '' ? `Unnamed: ${i}` : name));
  const unnamed: number[] = [];
  const order: number[] = [];
  raw.forEach((name, i) => (name === '' ? unnamed : order).push(i));
  order.push(...unnamed);

  // How many columns currently hold each name (pandas tests `col in this_header`).
  const present = new Map<string, number>();
  for (const name of header) present.set(name, (present.get(name) ?? 0) + 1);
  const counts = new Map<string, number>();

  for (const i of order) {
    const oldCol = header[i];
    let col = oldCol;
    let cur = counts.get(col) ?? 0;
    while (cur > 0) {
      counts.set(oldCol, cur + 1);
      col = `${oldCol}.${cur}`;
      cur = present.has(col) ? cur + 1 : (counts.get(col) ?? 0);
    }
    if (col !== oldCol) {
      const left = present.get(oldCol)! - 1;
      if (left === 0) present.delete(oldCol);
      else present.set(oldCol, left);
      present.set(col, (present.get(col) ?? 0) + 1);
      header[i] = col;
    }
    counts.set(col, cur + 1);
  }
  return header;
}
