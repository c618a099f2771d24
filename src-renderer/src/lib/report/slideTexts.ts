import type { Report, Slide, SlideBody } from '../../../../src-main/core/report/schema';

/** The lengths and counts the report schema (src-main/core/report/schema.ts) accepts; the inputs hold to them. */
export const LIMITS = {
  name: 200,
  title: 300,
  caption: 2000,
  notes: 20_000,
  subtitle: 500,
  bullet: 1000,
  bullets: 20,
  heading: 200,
  sectionBullets: 12,
} as const;

/**
 * A text area's lines as bullets, one per line, kept exactly as typed
 * (blank lines too, so the line being started stays while typing); blank
 * bullets are left out only when the report is saved ({@link reportToSave}).
 */
export function linesToBullets(text: string, max: number): string[] {
  return text
    .split(/\r?\n/)
    .slice(0, max)
    .map((line) => line.slice(0, LIMITS.bullet));
}

export function bulletsToLines(bullets: readonly string[]): string {
  return bullets.join('\n');
}

/** A slide's accessible name: "Slide 3: ROC curve". */
export function slideName(slide: Pick<Slide, 'title'>, index: number): string {
  return `Slide ${index + 1}: ${slide.title.trim() || 'Untitled'}`;
}

/** What a slide shows, for its card's badge. */
export function bodyKind(body: SlideBody): string {
  switch (body.kind) {
    case 'title':
      return 'Title';
    case 'bullets':
      return 'Bullets';
    case 'sections':
      return 'Summary';
    case 'chart':
      return 'Chart';
    case 'table':
      return 'Table';
  }
}

/** The runs of a slide that are gone (or have no results): its export is a placeholder. */
export function missingRunsOf(slide: Pick<Slide, 'runIds'>, missingRuns: readonly number[]): number[] {
  return slide.runIds.filter((id) => missingRuns.includes(id));
}

/** What the card says in place of a slide whose runs are gone. */
export function placeholderText(missing: readonly number[]): string {
  const runs = missing.map((id) => `#${id}`);
  const named = runs.length === 1 ? `Run ${runs[0]} was` : `Runs ${runs.slice(0, -1).join(', ')} and ${runs.at(-1)} were`;
  return `${named} deleted; this slide will export as a placeholder.`;
}

/** Why a report cannot be saved as it is, or null when it can. */
export function reportProblem(report: Pick<Report, 'name'>): string | null {
  return report.name.trim() === '' ? 'A report needs a name; it is saved once it has one.' : null;
}

function cleanBody(body: SlideBody): SlideBody {
  if (body.kind === 'bullets') return { kind: 'bullets', bullets: body.bullets.filter((b) => b.trim() !== '') };
  if (body.kind === 'sections') return { kind: 'sections', sections: body.sections.map((s) => ({ heading: s.heading, bullets: s.bullets.filter((b) => b.trim() !== '') })) };
  return body;
}

/** The report as stored: the name trimmed, blank bullets left out. */
export function reportToSave(report: Report): Report {
  return { ...report, name: report.name.trim(), slides: report.slides.map((s) => ({ ...s, body: cleanBody(s.body) })) };
}

/** A name for a new report that none of `taken` has: "Report", "Report 2", … */
export function newReportName(taken: readonly string[]): string {
  let name = 'Report';
  for (let i = 2; taken.includes(name); i++) name = `Report ${i}`;
  return name;
}
