import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../src-main/core/data/columns';
import { createHandlers } from '../../../src-main/node/api/handlers';
import { Router } from '../../../src-main/node/api/router';
import { tempWorkbench, type TempWorkbench } from '../helpers';

let t: TempWorkbench;
let router: Router;
let sample: DatasetInfo;
const ctx = { signal: new AbortController().signal, progress: () => {} };

beforeAll(async () => {
  t = await tempWorkbench();
  sample = await t.wb.importFile({ path: 'resources/sample/tiktok_claims_sample.csv' });
  router = new Router(createHandlers(t.wb, { host: 'web', version: 'test' }));
});
afterAll(() => t.dispose());

type Rendered = { fileName: string; mime: string; data: string; note: string | null };

describe('chart.render through the API', () => {
  it('a box plot of video_view_count as PNG at 2x has the asked size', async () => {
    const r = (await router.dispatch(
      'chart.render',
      { id: sample.id, chart: { kind: 'box', x: 'video_view_count' }, format: 'png', width: 800, height: 500, scale: 2 },
      ctx,
    )) as Rendered;
    const png = Buffer.from(r.data, 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1600, 1000]);
    expect(r.fileName).toBe('box-plot-of-video-view-count@2x.png');
    expect(r.note).toMatch(/298 rows with missing values skipped/);
  });

  it('a histogram of text length by claim status and a correlation heatmap as SVG', async () => {
    const hist = (await router.dispatch(
      'chart.render',
      { id: sample.id, chart: { kind: 'histogram', x: 'video_duration_sec', hue: 'claim_status', multiple: 'dodge', title: 'Duration by class' }, format: 'svg', width: 900, height: 500 },
      ctx,
    )) as Rendered;
    expect(hist.mime).toBe('image/svg+xml');
    expect(hist.data).toContain('Duration by class');
    const heat = (await router.dispatch(
      'chart.render',
      { id: sample.id, chart: { kind: 'heatmap', columns: ['video_view_count', 'video_like_count', 'video_share_count'] }, format: 'svg', width: 700, height: 600 },
      ctx,
    )) as Rendered;
    expect(heat.data).toContain('1.00');
  });

  it('an SVG embeds the bundled Lato (regular and bold) as @font-face, so the window and the file show the font the PNG draws with', async () => {
    const r = (await router.dispatch(
      'chart.render',
      { id: sample.id, chart: { kind: 'barCounts', x: 'claim_status' }, format: 'svg', width: 640, height: 400 },
      ctx,
    )) as Rendered;
    const faces = [...r.data.matchAll(/@font-face\{font-family:'Lato';font-style:normal;font-weight:(\d+);src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\) format\('truetype'\)\}/g)];
    expect(faces.map((m) => m[1])).toEqual(['400', '700']);
    expect(Buffer.from(faces[0][2], 'base64').equals(readFileSync('resources/fonts/Lato-Regular.ttf'))).toBe(true);
    expect(Buffer.from(faces[1][2], 'base64').equals(readFileSync('resources/fonts/Lato-Bold.ttf'))).toBe(true);
    // Inside the root element, before anything is drawn, and the text still names Lato.
    expect(r.data).toMatch(/^<svg\b[^>]*><defs><style>@font-face/);
    expect(r.data).toContain('font-family:Lato,');
    expect(r.data.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('a text column on a numeric axis is refused with the reason', async () => {
    await expect(
      router.dispatch('chart.render', { id: sample.id, chart: { kind: 'box', x: 'claim_status' }, format: 'svg', width: 800, height: 500 }, ctx),
    ).rejects.toThrow(/"claim_status" is not numeric/);
  });
});
