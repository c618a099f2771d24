import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildChart, correlationMatrix, type ChartSpec } from '../../../src-main/core/charts';
import { textLength } from '../../../src-main/core/features/textLength';
import { numberColumn, stringColumn } from '../../../src-main/core/recipe/frame';
import { chartFile, chartFontFiles, renderPng, renderSvg, slug } from '../../../src-main/node/charts/renderChart';
import { sampleFrame } from '../../core/recipe/sampleFrame';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which must come first. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const counts = buildChart({ kind: 'barCounts', x: { name: 'claim_status', values: ['claim', 'opinion', 'claim'] } }).option;

describe('renderChart', () => {
  it('runs in plain Node, without any window or document', () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    expect(renderSvg(counts, { width: 320, height: 200 })).toContain('<svg');
  });

  it('exports valid SVG with the title text inside, in the bundled font', () => {
    const svg = renderSvg(counts, { width: 640, height: 400 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(/width="640" height="400"/);
    expect(svg).toContain('>Count of claim status</text>');
    expect(svg).toContain('font-family:Lato,');
    // No animation in a server-side frame.
    expect(svg).not.toContain('<animate');
  });

  it('ships the font it names', () => {
    expect(chartFontFiles().map((p) => p.split('/').pop())).toEqual(['Lato-Regular.ttf', 'Lato-Bold.ttf']);
  });

  for (const scale of [1, 2, 3] as const) {
    it(`exports a PNG of width×${scale} by height×${scale} pixels`, () => {
      const png = renderPng(counts, { width: 400, height: 250, scale });
      expect(pngSize(png)).toEqual({ width: 400 * scale, height: 250 * scale });
    });
  }

  it('draws the text (the title area is not blank)', () => {
    // Two renders that differ only in their title must differ in pixels.
    const a = renderPng(buildChart({ kind: 'box', x: { name: 'v', values: [1, 2, 3] }, title: 'AAAA' }).option, { width: 300, height: 200, scale: 1 });
    const b = renderPng(buildChart({ kind: 'box', x: { name: 'v', values: [1, 2, 3] }, title: 'WWWW' }).option, { width: 300, height: 200, scale: 1 });
    expect(a.equals(b)).toBe(false);
  });

  it('refuses bad sizes and scales', () => {
    expect(() => renderSvg(counts, { width: 0, height: 100 })).toThrow(/width/);
    expect(() => renderPng(counts, { width: 100, height: 100, scale: 4 as 1 })).toThrow(/scale/);
  });

  it('names export files', () => {
    expect(slug('Video view count by claim status')).toBe('video-view-count-by-claim-status');
    expect(slug('Crème brûlée: 50% / "ok"?')).toBe('creme-brulee-50-ok');
    expect(slug('***')).toBe('chart');
    expect(chartFile('png', 'Claim balance')).toBe('claim-balance@2x.png');
    expect(chartFile('png', 'Claim balance', 3)).toBe('claim-balance@3x.png');
    expect(chartFile('png', 'Claim balance', 1)).toBe('claim-balance.png');
    expect(chartFile('svg', 'Claim balance')).toBe('claim-balance.svg');
  });

  it('renders every chart kind from the sample to PNG at 2x', () => {
    const f = sampleFrame();
    const num = (n: string) => ({ name: n, values: numberColumn(f, n, 'chart') });
    const cat = (n: string) => ({ name: n, values: stringColumn(f, n, 'chart') });
    const numeric = ['video_duration_sec', 'video_view_count', 'video_like_count', 'video_share_count', 'video_download_count', 'video_comment_count'];
    const textLen = { name: 'transcription_text_length', values: textLength(stringColumn(f, 'video_transcription_text', 'chart')) };
    const specs: ChartSpec[] = [
      { kind: 'box', x: num('video_view_count') },
      { kind: 'histogram', x: textLen, hue: cat('claim_status'), multiple: 'dodge' },
      { kind: 'heatmap', matrix: correlationMatrix(numeric.map(num)), labels: numeric },
      { kind: 'barCounts', x: cat('claim_status') },
      { kind: 'scatter', x: num('video_view_count'), y: num('video_like_count'), hue: cat('claim_status') },
      { kind: 'groupedMean', by: cat('claim_status'), y: num('video_view_count') },
    ];
    mkdirSync('/tmp/charts', { recursive: true });
    for (const spec of specs) {
      const { option } = buildChart(spec);
      const png = renderPng(option, { width: 800, height: 500, scale: 2 });
      expect(pngSize(png)).toEqual({ width: 1600, height: 1000 });
      writeFileSync(`/tmp/charts/${spec.kind}-${chartFile('png', (option.title as { text: string }).text)}`, png);
    }
  });
});
