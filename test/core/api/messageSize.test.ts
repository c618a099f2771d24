import { describe, expect, it } from 'vitest';
import { MAX_RECIPE_BYTES, methods, type Method } from '../../../src-main/core/api/contract';
import { describeBytes, MAX_MESSAGE_BYTES, utf8ByteLength } from '../../../src-main/core/api/protocol';
import { MAX_FILTER_TEXT, MAX_FILTERS, MAX_IN_VALUES } from '../../../src-main/core/data/query';

/**
 * The API's own largest valid inputs must fit one WebSocket message. Each is
 * built at its schema's limits from the character that costs most as JSON:
 * U+0001 is written `\u0001`, six bytes for one character.
 */
const WORST = '\u0001';
const worst = (n: number) => WORST.repeat(n);

function messageBytes(method: Method, input: unknown): number {
  return utf8ByteLength(JSON.stringify({ type: 'request', id: 0xffffffff, method, input }));
}

function expectValidAndFits(method: Method, input: unknown): number {
  const parsed = methods[method].input.safeParse(input);
  expect(parsed.success, `${method}: ${parsed.error?.message}`).toBe(true);
  const bytes = messageBytes(method, input);
  expect(bytes, `${method} is ${describeBytes(bytes)}`).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  return bytes;
}

describe('message size limits', () => {
  it('fits the largest valid grid query: one full "in" filter and every other filter at its text limit', () => {
    const filters: unknown[] = [{ column: 0, op: 'in', values: Array.from({ length: MAX_IN_VALUES }, () => worst(MAX_FILTER_TEXT)), includeMissing: true }];
    for (let i = 1; i < MAX_FILTERS; i++) filters.push({ column: i, op: 'contains', text: worst(MAX_FILTER_TEXT), caseSensitive: true });
    const query = { sort: { column: 0, descending: true }, filters };
    const bytes = expectValidAndFits('dataset.queryPage', { id: 1, query, offset: 0, limit: 10_000 });
    // Well over the old 1 MiB limit, and still with room to spare under the new one.
    expect(bytes).toBeGreaterThan(25 * 2 ** 20);
    expect(bytes).toBeLessThan(MAX_MESSAGE_BYTES * 0.6);
    expectValidAndFits('dataset.queryCount', { id: 1, query });
    expectValidAndFits('dataset.queryPosition', { id: 1, query, row: 1 });
  });

  it('refuses "in" filters that together list more values than one message can carry, saying so', () => {
    const half = Array.from({ length: MAX_IN_VALUES / 2 + 1 }, (_, i) => String(i));
    const r = methods['dataset.queryCount'].input.safeParse({
      id: 1,
      query: { filters: [{ column: 0, op: 'in', values: half }, { column: 1, op: 'in', values: half }] },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe(`the "in" filters of one query can list at most ${MAX_IN_VALUES} values together; these list ${MAX_IN_VALUES + 2}`);
  });

  it('fits the largest valid table picture', () => {
    const table = {
      title: worst(200),
      header: Array.from({ length: 40 }, () => worst(120)),
      rows: Array.from({ length: 500 }, () => Array.from({ length: 40 }, () => worst(200))),
      numeric: Array.from({ length: 40 }, () => true),
    };
    expectValidAndFits('table.render', { table, format: 'png', scale: 3 });
  });

  it('fits the largest valid recipe and refuses a larger one with its size', () => {
    // A recipe that is exactly MAX_RECIPE_BYTES as JSON.
    const overhead = utf8ByteLength(JSON.stringify({ description: '' }));
    const recipe = { description: 'x'.repeat(MAX_RECIPE_BYTES - overhead) };
    expect(utf8ByteLength(JSON.stringify(recipe))).toBe(MAX_RECIPE_BYTES);
    for (const method of ['recipe.save', 'recipe.preview', 'run.estimate'] as const) {
      const input = method === 'recipe.save' ? { id: null, recipe } : method === 'recipe.preview' ? { datasetId: 1, recipe } : { recipe };
      expectValidAndFits(method, input);
    }
    const r = methods['recipe.save'].input.safeParse({ id: null, recipe: { description: 'x'.repeat(MAX_RECIPE_BYTES) } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/^a recipe can be at most 16 MiB as JSON; this one is 16\.0 MiB$/);
  });

  it('fits the largest valid chart requests and paths', () => {
    const texts = { title: worst(300), xLabel: worst(200), yLabel: worst(200) };
    const size = { format: 'png', width: 4000, height: 3000, scale: 3 };
    expectValidAndFits('chart.render', { id: 1, chart: { kind: 'heatmap', columns: Array.from({ length: 60 }, () => worst(500)), ...texts }, ...size });
    expectValidAndFits('run.chart', { id: 1, modelId: worst(60), chart: { kind: 'roc', set: 'test', threshold: 0.5, title: worst(200), subtitle: worst(200) }, ...size });
    expectValidAndFits('dataset.import', { path: worst(4096), name: worst(200), displayName: worst(500), delimiter: ',' });
  });
});

describe('utf8ByteLength', () => {
  it('counts as TextEncoder does', () => {
    for (const s of ['', 'abc', 'é', '€', '𝄞', 'a\ud800b', '\udc00', 'x'.repeat(1000) + '€𝄞é']) {
      expect(utf8ByteLength(s), JSON.stringify(s)).toBe(new TextEncoder().encode(s).byteLength);
    }
  });
});
