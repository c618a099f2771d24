import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src-main/core/api/errors';
import { buildChart } from '../../../src-main/core/charts/index';
import { clipText, isXmlText, xmlText } from '../../../src-main/core/charts/xmlText';
import { pngFromSvg, renderPng, renderSvg } from '../../../src-main/node/charts/renderChart';
import { xmlProblems } from '../report/pptxParts';

const R = '\ufffd';

describe('xmlText', () => {
  it('replaces each character XML cannot carry, or that is no text, with U+FFFD, one for one', () => {
    for (const c of ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009f', '\ufffe', '\uffff']) {
      expect(xmlText(`a${c}b`), `U+${c.charCodeAt(0).toString(16)}`).toBe(`a${R}b`);
    }
    expect(xmlText('\u0001\u0002\u0003')).toBe(R.repeat(3));
  });

  it('never joins what a character separated: digits stay apart', () => {
    expect(xmlText('1\u00002')).toBe(`1${R}2`);
    expect(xmlText('claim\u0001')).not.toBe(xmlText('claim'));
  });

  it('replaces unpaired surrogates and keeps the pairs (emoji, mathematical letters)', () => {
    expect(xmlText('a\ud800b')).toBe(`a${R}b`);
    expect(xmlText('a\udfffb')).toBe(`a${R}b`);
    expect(xmlText('end\ud83d')).toBe(`end${R}`);
    expect(xmlText('\udc00start')).toBe(`${R}start`);
    expect(xmlText('🙂 👩‍👩‍👧 𝔘')).toBe('🙂 👩‍👩‍👧 𝔘');
    expect(xmlText('\ude42\ud83d')).toBe(R + R);
  });

  it('keeps tabs, newlines, markup and every other character; turns CR LF and CR into LF', () => {
    const kept = 'tab\there\nnext & <b>"q"</b> ]]> é ü ✓ \u202e \u200b \u2028';
    expect(xmlText(kept)).toBe(kept);
    expect(isXmlText(kept)).toBe(true);
    expect(xmlText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(isXmlText('a\u0001')).toBe(false);
  });
});

describe('clipText', () => {
  it('shortens to the length given, ending in "…", never between the halves of a pair', () => {
    expect(clipText('short', 10)).toBe('short');
    expect(clipText('abcdefghij', 5)).toBe('abcd…');
    const emoji = 'abc🙂def';
    // "abc" and the emoji's high half would be the first 4 units: the half goes too.
    const cut = clipText(emoji, 5);
    expect(cut).toBe('abc…');
    expect(isXmlText(cut)).toBe(true);
    expect(clipText('ab🙂def', 5)).toBe('ab🙂…');
  });
});

describe('charts with text XML cannot carry', () => {
  const evil = 'T\u0001\u0008 & <b> \ud800 "q" \u007f \ufffe 1\u00002';
  const option = buildChart({ kind: 'barCounts', title: evil, xLabel: evil, yLabel: evil, x: { name: evil, values: [`a${evil}`, 'b\u001b', `a${evil}`, 'c🙂'] } }).option;

  it('draw as well-formed SVG, the text kept and the characters replaced', () => {
    const svg = renderSvg(option, { width: 480, height: 320 });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain(`T${R}${R} &amp; &lt;b&gt; ${R} `);
    expect(svg).toContain(`1${R}2`);
    expect(svg).toContain(`b${R}`);
    expect(svg).toContain('c🙂');
  });

  it('draw as PNG (resvg refused them before)', () => {
    const png = renderPng(option, { width: 480, height: 320, scale: 1 });
    expect(png.readUInt32BE(16)).toBe(480);
  });

  it('a picture resvg cannot read fails with a message that says so', () => {
    let error: unknown;
    try {
      pngFromSvg('<svg xmlns="http://www.w3.org/2000/svg"><text>unclosed', { width: 100, height: 100, scale: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/^The chart's picture could not be drawn as a PNG: resvg refused its SVG \(.+\)\.$/);
  });
});
