/**
 * What an analyst may type into a run's title, tags and note. Titles and
 * tags are single lines shown in lists, tooltips, exports and terminals: a
 * control character there breaks the line, or drives a terminal (ESC), and a
 * bidirectional control reorders what follows it ("photo", U+202E, "gpj.exe"
 * shows as "photoexe.jpg"), so both are refused, as is a label that looks empty
 * because it holds only spaces and zero-width characters. A note has lines,
 * so line breaks and tabs are allowed there and nothing else of the kind.
 */

import type { z } from 'zod';

/** C0 controls, DEL and C1 controls. */
const isControl = (cp: number) => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);

/** U+2028 and U+2029 break a line as a newline does. */
const isLineSeparator = (cp: number) => cp === 0x2028 || cp === 0x2029;

/** Marks, embeddings, overrides and isolates: they change the order text is shown in. */
const isBidiControl = (cp: number) =>
  cp === 0x061c || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

type Rule = 'control' | 'bidi';

interface Found {
  rule: Rule;
  /** "U+001B". */
  char: string;
  /** 1-based, counted in characters as seen (code points). */
  position: number;
  line: number;
}

/** The first character `refused` names, with where it is. */
function firstRefused(text: string, refused: (cp: number) => Rule | null): Found | null {
  let position = 0;
  let line = 1;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    position++;
    const rule = refused(cp);
    if (rule) return { rule, char: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, position, line };
    if (cp === 0x0a) line++;
  }
  return null;
}

const inLabel = (cp: number): Rule | null => (isControl(cp) || isLineSeparator(cp) ? 'control' : isBidiControl(cp) ? 'bidi' : null);
// A note is typed text: line breaks (Windows' CR LF too, from an API caller) and tabs belong in it.
const inNote = (cp: number): Rule | null => (cp === 0x0a || cp === 0x0d || cp === 0x09 ? null : isControl(cp) ? 'control' : isBidiControl(cp) ? 'bidi' : null);

const RULE_TEXT: Record<Rule, string> = {
  control: 'control characters',
  bidi: 'bidirectional text controls',
};

/** True when nothing would show: only whitespace and zero-width characters. */
function isBlank(text: string): boolean {
  return text.replace(ZERO_WIDTH, '').trim() === '';
}

/** `where` says where the problem is: the character found, or null when the whole label is at fault. */
function labelProblem(what: 'title' | 'tag', text: string, where: (f: Found | null) => string): string | null {
  if (text.trim() === '') return `a ${what} cannot be empty${where(null)}`;
  const found = firstRefused(text, inLabel);
  if (found) return `a ${what} cannot contain ${RULE_TEXT[found.rule]}${where(found)}`;
  if (isBlank(text)) return `a ${what} cannot be only invisible characters${where(null)}`;
  return null;
}

/** Why a run title cannot be stored, or null. */
export function titleProblem(title: string): string | null {
  return labelProblem('title', title, (f) => (f ? ` (${f.char} at character ${f.position})` : ''));
}

/** Why a tag cannot be stored, or null; `n` is its 1-based place in the list given. */
export function tagProblem(tag: string, n: number): string | null {
  return labelProblem('tag', tag, (f) => (f ? ` (${f.char} in tag ${n})` : ` (tag ${n})`));
}

/** Why a run note cannot be stored, or null. */
export function noteProblem(note: string): string | null {
  const found = firstRefused(note, inNote);
  if (!found) return null;
  const rule = found.rule === 'control' ? 'control characters other than line breaks and tabs' : RULE_TEXT.bidi;
  return `a note cannot contain ${rule} (${found.char} on line ${found.line})`;
}

/** A zod refinement that refuses a string with the problem `problem` finds. */
export function refuse(problem: (text: string) => string | null): (text: string, ctx: z.RefinementCtx) => void {
  return (text, ctx) => {
    const message = problem(text);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  };
}
