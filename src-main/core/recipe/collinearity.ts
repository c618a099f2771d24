/**
 * Groups of features that move together, so the Prepare view says once per
 * group what six overlapping pair and VIF notes said before.
 *
 * A group is a connected component of the graph whose edges are the strong
 * pairs (|r| ≥ 0.7). Features with a high variance inflation factor (≥ 5)
 * but no strong partner are explained by several features jointly, not by
 * one; they share one further group.
 *
 * The feature to drop is the one whose removal breaks the most of the
 * group's strong pairs; ties go to the highest VIF (an infinite one first),
 * then to the largest sum of |r| over its pairs, then to the earlier feature.
 */
export interface CorrelatedPair {
  a: string;
  b: string;
  r: number;
}

export interface FeatureVif {
  column: string;
  /** null when infinite (an exact linear combination of other features). */
  vif: number | null;
}

export interface CollinearGroup {
  /** Every feature of the group, in feature order. */
  columns: string[];
  /** The group's strong pairs, strongest first. */
  pairs: CorrelatedPair[];
  /** The VIF of each feature of the group, highest first; empty when they were not computed. */
  vifs: FeatureVif[];
  /** The feature whose removal breaks the most strong pairs (see the module note). */
  drop: string;
}

const vifRank = (v: number | null | undefined) => (v === null ? Infinity : (v ?? -Infinity));
/** Descending order that also holds for infinite values (Infinity − Infinity is NaN). */
const desc = (x: number, y: number) => (x === y ? 0 : y > x ? 1 : -1);

/**
 * `names` in feature order, `pairs` the strong ones, `vifs` every feature's
 * VIF (null = infinite) or null when VIFs were not computed, `high` the VIF
 * threshold.
 */
export function collinearGroups(
  names: readonly string[],
  pairs: readonly CorrelatedPair[],
  vifs: ReadonlyMap<string, number | null> | null,
  high: number,
): CollinearGroup[] {
  const order = new Map(names.map((n, i) => [n, i]));
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  }
  const components = new Map<string, string[]>();
  for (const n of names) {
    if (!parent.has(n)) continue;
    const root = find(n);
    components.set(root, [...(components.get(root) ?? []), n]);
  }
  const groups: string[][] = [...components.values()];
  const isHigh = (n: string) => vifs !== null && vifs.has(n) && vifRank(vifs.get(n)) >= high;
  const loners = names.filter((n) => !parent.has(n) && isHigh(n));
  if (loners.length) groups.push(loners);

  return groups.map((columns) => {
    const members = new Set(columns);
    const own = pairs.filter((p) => members.has(p.a)).sort((p, q) => Math.abs(q.r) - Math.abs(p.r));
    const degree = (n: string) => own.filter((p) => p.a === n || p.b === n).length;
    const strength = (n: string) => own.reduce((s, p) => s + (p.a === n || p.b === n ? Math.abs(p.r) : 0), 0);
    const drop = [...columns].sort(
      (x, y) =>
        degree(y) - degree(x) ||
        desc(vifRank(vifs?.get(x)), vifRank(vifs?.get(y))) ||
        strength(y) - strength(x) ||
        order.get(x)! - order.get(y)!,
    )[0];
    const groupVifs: FeatureVif[] = vifs
      ? columns.filter((c) => vifs.has(c)).map((c) => ({ column: c, vif: vifs.get(c)! })).sort((p, q) => desc(vifRank(p.vif), vifRank(q.vif)))
      : [];
    return { columns, pairs: own, vifs: groupVifs, drop };
  });
}
