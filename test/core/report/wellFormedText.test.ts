import { describe, expect, it } from 'vitest';
import { reportSchema, slideSchema } from '../../../src-main/core/report/schema';
import { wellFormed } from '../../../src-main/core/report/wellFormedText';

describe('wellFormed', () => {
  it('replaces each lone surrogate with U+FFFD and keeps pairs', () => {
    expect(wellFormed('plain')).toBe('plain');
    expect(wellFormed('a 😀 pair')).toBe('a 😀 pair');
    expect(wellFormed('\ud83d')).toBe('\ufffd');
    expect(wellFormed('x\ude00y')).toBe('x\ufffdy');
    // A pair the wrong way round is two lone halves.
    expect(wellFormed('\ude00\ud83d')).toBe('\ufffd\ufffd');
    expect(wellFormed('\ud83d\ud83d\ude00')).toBe('\ufffd😀');
  });

  it('agrees with String.prototype.toWellFormed where the runtime has it', () => {
    const samples = ['\ud800', '\udfff', 'a\ud800\udc00b', '\udc00\ud800', '\ud800\ud800\udc00\udc00', ''];
    const native = (s: string) => (s as unknown as { toWellFormed?: () => string }).toWellFormed?.() ?? null;
    for (const s of samples) if (native(s) !== null) expect(wellFormed(s)).toBe(native(s));
  });
});

describe('the report schema', () => {
  it('normalises every text: the name, titles, captions, notes, bullets, table cells', () => {
    const lone = 'x\ud800';
    const slide = slideSchema.parse({
      id: `s${lone}`,
      title: lone,
      caption: lone,
      notes: lone,
      body: { kind: 'table', table: { header: [lone], rows: [[lone], [null]], numeric: [false] } },
      runIds: [],
    });
    expect(JSON.stringify(slide)).not.toMatch(/\\ud800/);
    expect(slide.title).toBe('x\ufffd');
    expect(slide.body).toEqual({ kind: 'table', table: { header: ['x\ufffd'], rows: [['x\ufffd'], [null]], numeric: [false] } });
    const report = reportSchema.parse({ version: 1, name: ` ${lone} `, slides: [{ ...slide, body: { kind: 'sections', sections: [{ heading: lone, bullets: [lone] }] } }] });
    expect(report.name).toBe('x\ufffd');
    expect(report.slides[0].body).toEqual({ kind: 'sections', sections: [{ heading: 'x\ufffd', bullets: ['x\ufffd'] }] });
  });
});
