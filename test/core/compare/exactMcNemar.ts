/**
 * McNemar's exact two-sided p written out for tests, independently of the
 * product's binomial: min(1, 2·P(X ≤ min(b, c))) for X ~ Binomial(b + c, ½),
 * summed term by term (exact enough for the few hundred discordant rows tests see).
 */
export function exactMcNemarP(b: number, c: number): number {
  const n = b + c;
  let term = 0.5 ** n;
  let cdf = 0;
  for (let k = 0; k <= Math.min(b, c); k++) {
    cdf += term;
    term *= (n - k) / (k + 1);
  }
  return Math.min(1, 2 * cdf);
}
