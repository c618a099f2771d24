/**
 * A recipe program as a Jupyter notebook (nbformat 4.5): a first markdown
 * cell with the recipe's name and how to run it, then for each section a
 * markdown cell explaining it and the code cell that does it.
 */
import { ASSAY_VERSION } from '../version';
import { markdownText, proseMarkdown } from './prose';
import type { RecipeProgram } from './recipeProgram';

export const NBFORMAT = 4;
export const NBFORMAT_MINOR = 5;

interface Cell {
  cell_type: 'markdown' | 'code';
  id: string;
  metadata: Record<string, never>;
  source: string[];
  execution_count?: null;
  outputs?: [];
}

/** nbformat's multiline string: the lines, each but the last keeping its newline. */
function sourceLines(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
}

export interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

export function notebook(program: RecipeProgram): Notebook {
  let n = 0;
  const markdown = (text: string): Cell => ({ cell_type: 'markdown', id: `cell-${++n}`, metadata: {}, source: sourceLines(text) });
  const codeCell = (lines: string[]): Cell => ({
    cell_type: 'code',
    id: `cell-${++n}`,
    metadata: {},
    execution_count: null,
    outputs: [],
    source: sourceLines(lines.join('\n')),
  });
  const cells: Cell[] = [markdown([`# ${markdownText(program.name)}`, ...program.intro.map(proseMarkdown)].join('\n\n'))];
  for (const section of program.sections) {
    cells.push(markdown([`## ${proseMarkdown(section.title)}`, ...section.explain.map(proseMarkdown)].join('\n\n')));
    cells.push(codeCell(section.code));
  }
  return {
    cells,
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python' },
      assay: { version: ASSAY_VERSION },
    },
    nbformat: NBFORMAT,
    nbformat_minor: NBFORMAT_MINOR,
  };
}

/** The notebook file's text: one-space JSON, as Jupyter writes it, with a final newline. */
export function notebookJson(program: RecipeProgram): string {
  return `${JSON.stringify(notebook(program), null, 1)}\n`;
}
