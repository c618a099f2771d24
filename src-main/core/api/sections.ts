/**
 * The workbench's sections, in the order the side bar and the desktop View
 * menu list them. One list for both: the renderer's navigation and the
 * Electron main process (which may not import the renderer) read it here.
 */
export const SECTIONS = [
  { id: 'data', label: 'Data' },
  { id: 'explore', label: 'Explore' },
  { id: 'prepare', label: 'Prepare' },
  { id: 'train', label: 'Train' },
  { id: 'runs', label: 'Runs' },
  { id: 'score', label: 'Score' },
  { id: 'report', label: 'Report' },
] as const satisfies readonly { id: string; label: string }[];

export type Section = (typeof SECTIONS)[number]['id'];

export function isSection(value: unknown): value is Section {
  return SECTIONS.some((s) => s.id === value);
}
