import type { EChartsOption } from '../charts/spec';
import type { ReportTable } from './schema';

/**
 * A report with everything its slides refer to looked up: each chart source
 * built into the ECharts option the app draws, and each slide whose run or
 * dataset is gone turned into a placeholder. The writers (PPTX, PDF, images)
 * read only this, never the project.
 */
export interface ResolvedChart {
  option: EChartsOption;
  /** Missing values skipped, points thinned…: shown under the chart. */
  note: string | null;
  /** What the chart is, for file names when the option has no title ("roc", "importance"). */
  kind: string;
}

export type ResolvedBody =
  | { kind: 'title'; subtitle: string }
  | { kind: 'bullets'; bullets: string[] }
  | { kind: 'sections'; sections: { heading: string; bullets: string[] }[] }
  | { kind: 'chart'; chart: ResolvedChart }
  | { kind: 'table'; table: ReportTable }
  /** What the slide showed and why it cannot any more: "Run #7 was deleted — this slide showed …". */
  | { kind: 'placeholder'; message: string };

export interface ResolvedSlide {
  /** 1-based position in the deck. */
  number: number;
  id: string;
  title: string;
  caption: string;
  notes: string;
  body: ResolvedBody;
}

export interface ResolvedDeck {
  name: string;
  slides: ResolvedSlide[];
}
