import { describe, expect, it } from 'vitest';
import { jsonErrorLocation } from '../../../src-main/core/data/jsonSyntax';
import { parseRecipeText, recipeFileName, recipeText } from '../../../src-main/core/recipe/recipeJson';

describe('recipe JSON text', () => {
  it('a syntax error says the file, line and column', () => {
    const text = '{\n  "version": 1,\n  "name": "x",\n}\n';
    const r = parseRecipeText(text, 'broken.json');
    expect(r).toMatchObject({ ok: false, line: 4, column: 1 });
    if (!r.ok) expect(r.message).toMatch(/^broken\.json, line 4, column 1: not valid JSON \(.+\)\.$/);
  });

  it('a truncated file is placed at its end', () => {
    const text = '{\n  "version": 1,';
    let err: Error | null = null;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e as Error;
    }
    expect(jsonErrorLocation(text, err!)).toEqual({ line: 2, column: 16 });
  });

  it('reads a file saved with a byte-order mark, and places an error V8 gives no position for', () => {
    expect(parseRecipeText('\uFEFF{"a": 1}', 'r.json')).toEqual({ ok: true, data: { a: 1 } });
    const r = parseRecipeText('\uFEFF{"models": [1,\n ]\n}', 'r.json');
    expect(r).toMatchObject({ ok: false, line: 2, column: 2 });
    expect(r.ok ? '' : r.message).toMatch(/^r\.json, line 2, column 2: not valid JSON \(/);
    expect(r.ok ? '' : r.message).not.toContain('"models"');
  });

  it('round trips and names files safely', () => {
    const r = parseRecipeText(recipeText({ a: [1, 2] }), 'x.json');
    expect(r).toEqual({ ok: true, data: { a: [1, 2] } });
    expect(recipeText({ a: 1 })).toBe('{\n  "a": 1\n}\n');
    expect(recipeFileName('Claims: course 6 / v2?')).toBe('Claims_ course 6 _ v2_.json');
    expect(recipeFileName('  ')).toBe('recipe.json');
  });
});
