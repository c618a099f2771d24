import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, parseClientMessage } from '../../src-main/web/clientMessages';

const envelope = (input: string) => `{"type":"request","id":3,"method":"recipe.preview","input":${input}}`;
/** `depth` levels in all, the envelope's object included. */
const nested = (depth: number) => envelope(`${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}`);

describe('the nesting bound on client messages', () => {
  it('is far above the deepest input the API takes, and refused with a message beyond it', () => {
    expect(MAX_NESTING).toBe(512);
    expect(parseClientMessage(nested(MAX_NESTING))).toMatchObject({ type: 'request', id: 3 });
    expect(parseClientMessage(nested(MAX_NESTING + 1))).toEqual({
      error: `A message cannot be nested deeper than ${MAX_NESTING} levels of brackets.`,
    });
    expect(parseClientMessage(envelope(`${'{"a":'.repeat(MAX_NESTING)}1${'}'.repeat(MAX_NESTING)}`))).toHaveProperty('error');
  });

  it('counts only brackets outside strings, escaped quotes included', () => {
    const brackets = '['.repeat(10 * MAX_NESTING);
    expect(parseClientMessage(envelope(JSON.stringify({ name: brackets, quoted: `\\"${brackets}"` })))).toMatchObject({ type: 'request' });
    // A string that ends in a backslash must not hide the quote that closes it.
    expect(parseClientMessage(envelope(`{"a":"\\\\","b":${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}}`))).toHaveProperty('error');
  });

  it('takes every bundled recipe as it is saved', () => {
    const dir = join('resources', 'recipes');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const recipe = JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown;
      const text = JSON.stringify({ type: 'request', id: 9, method: 'recipe.save', input: { id: null, recipe } });
      expect(parseClientMessage(text), f).toEqual({ type: 'request', id: 9, method: 'recipe.save', input: { id: null, recipe } });
    }
  });

  it('still refuses text that is not JSON, whatever its brackets', () => {
    expect(parseClientMessage('[[[')).toEqual({ error: 'Messages must be JSON.' });
    expect(parseClientMessage(']]]{')).toEqual({ error: 'Messages must be JSON.' });
  });
});
