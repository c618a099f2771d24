import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART_FONT_NAME, chartFontFiles } from '../../src-main/node/charts/renderChart';

/**
 * The page is set in the font the host draws its charts with: app.css loads
 * the bundled TTFs (which Vite emits next to the stylesheet) and names that
 * family first.
 */
const CSS_FILE = 'src-renderer/src/app.css';
const css = readFileSync(CSS_FILE, 'utf8');

describe('the page font', () => {
  const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map(([, body]) => ({
    family: /font-family:\s*'([^']+)'/.exec(body)?.[1],
    weight: /font-weight:\s*(\d+)/.exec(body)?.[1],
    url: /src:\s*url\('([^']+)'\)/.exec(body)?.[1],
  }));

  it('loads the very font files the charts are drawn with, regular and bold', () => {
    expect(faces.map((f) => [f.family, f.weight])).toEqual([
      [CHART_FONT_NAME, '400'],
      [CHART_FONT_NAME, '700'],
    ]);
    const chartFonts = chartFontFiles().map((p) => readFileSync(p));
    faces.forEach((f, i) => {
      const file = resolve(dirname(CSS_FILE), f.url!);
      expect(readFileSync(file).equals(chartFonts[i]), file).toBe(true);
    });
  });

  it('names that family first in the body font', () => {
    expect(/--font:\s*([^,;]+)/.exec(css)?.[1].trim()).toBe(CHART_FONT_NAME);
    expect(css).toMatch(/body\s*\{[^}]*font-family:\s*var\(--font\)/);
  });
});
