/**
 * A recipe program as one Python script: the intro as the header comment,
 * then each section under a `# %%` line (the cell marker VS Code, Spyder and
 * Jupytext read), its explanation as comments above its code.
 */
import { proseComment } from './prose';
import { pyComment } from './pythonLiteral';
import type { RecipeProgram } from './recipeProgram';

export function sklearnScript(program: RecipeProgram): string {
  const lines = ['#!/usr/bin/env python3', ...pyComment(program.name)];
  for (const p of program.intro) lines.push('#', ...proseComment(p));
  for (const section of program.sections) {
    lines.push('', '', ...proseComment(section.title).map((l) => `# %%${l.slice(1)}`));
    for (const p of section.explain) lines.push(...proseComment(p));
    lines.push(...section.code);
  }
  return `${lines.join('\n')}\n`;
}
