import type { ChartRequest, NumericRef } from '../../../../src-main/core/charts/request';
import type { ColumnInfo } from '../../../../src-main/core/data/columns';
import type { ProfileView } from '../../../../src-main/core/profile/profileView';

/**
 * The Explore view's chart builder as data: which columns can play which
 * role, the form the analyst edits, and the chart request it makes (or the
 * reason it cannot make one yet).
 */
export type ChartKind = ChartRequest['kind'];

export const CHART_KINDS: { id: ChartKind; label: string }[] = [
  { id: 'histogram', label: 'Histogram' },
  { id: 'box', label: 'Box plot' },
  { id: 'barCounts', label: 'Bar counts' },
  { id: 'heatmap', label: 'Correlation heatmap' },
  { id: 'scatter', label: 'Scatter' },
  { id: 'groupedMean', label: 'Grouped means' },
];

/** Suggested bin counts; any whole number in range may be typed instead. */
export const BIN_SUGGESTIONS = ['auto', '10', '20', '30', '50', '100'] as const;
export const MAX_BINS = 500;

/** A numeric axis choice as the form holds it: a column name, or `len:` + a text column. */
export type AxisValue = string;
const LENGTH_PREFIX = 'len:';

export interface AxisOption {
  value: AxisValue;
  label: string;
}

export interface ChartForm {
  kind: ChartKind;
  /** Numeric axis (histogram, box, scatter x). */
  x: AxisValue;
  /** Second numeric axis (scatter y, grouped-mean value). */
  y: AxisValue;
  /** A categorical column, or '' for none. */
  hue: string;
  /** The categorical column of bar counts and grouped means, and a box plot's grouping ('' for none). */
  category: string;
  /** As typed: "auto" (or empty) for numpy's rule, else a whole number of bins. */
  bins: string;
  multiple: 'stack' | 'dodge' | 'layer';
  normalize: boolean;
  /** Log axes of a scatter plot (heavy-tailed counts); a column with zeros is drawn as 1 + x. */
  logX: boolean;
  logY: boolean;
  /** Heatmap columns. */
  columns: string[];
  title: string;
  xLabel: string;
  yLabel: string;
}

export interface ColumnRoles {
  numeric: AxisOption[];
  /** Columns with few enough values to colour, group or count by. */
  categorical: string[];
  /** Numeric columns for the heatmap: identifiers left out. */
  heatmap: string[];
}

/** Categories past this many make unreadable legends and bars. */
export const MAX_CATEGORIES = 40;

/**
 * Roles from the dataset's column kinds and profile: identifiers are never
 * charted as quantities; text columns offer their length as a number.
 */
export function columnRoles(columns: readonly ColumnInfo[], profile: ProfileView | null): ColumnRoles {
  const numeric: AxisOption[] = [];
  const categorical: string[] = [];
  const heatmap: string[] = [];
  for (const c of columns) {
    const p = profile?.columns.find((x) => x.name === c.name);
    const distinct = p ? (p.type === 'number' ? null : p.describe.unique) : null;
    if (c.kind === 'integer' || c.kind === 'float') {
      numeric.push({ value: c.name, label: c.name });
      heatmap.push(c.name);
    }
    if (c.kind === 'text') numeric.push({ value: LENGTH_PREFIX + c.name, label: `Length of ${c.name}` });
    if (c.kind === 'categorical' || c.kind === 'boolean') {
      if (distinct === null || distinct <= MAX_CATEGORIES) categorical.push(c.name);
    }
  }
  return { numeric, categorical, heatmap };
}

export function axisRef(value: AxisValue): NumericRef {
  return value.startsWith(LENGTH_PREFIX) ? { lengthOf: value.slice(LENGTH_PREFIX.length) } : value;
}

export function lengthAxis(column: string): AxisValue {
  return LENGTH_PREFIX + column;
}

/** A sensible first chart: the first numeric column's histogram. */
export function defaultForm(roles: ColumnRoles): ChartForm {
  return {
    kind: 'histogram',
    x: roles.numeric[0]?.value ?? '',
    y: roles.numeric[1]?.value ?? roles.numeric[0]?.value ?? '',
    hue: '',
    category: roles.categorical[0] ?? '',
    bins: 'auto',
    multiple: 'layer',
    normalize: false,
    logX: false,
    logY: false,
    columns: [...roles.heatmap],
    title: '',
    xLabel: '',
    yLabel: '',
  };
}

/** Which fields the form shows for a kind. */
export function fieldsOf(kind: ChartKind): { x: boolean; y: boolean; hue: boolean; category: 'required' | 'optional' | null; bins: boolean; multiple: boolean; normalize: boolean; log: boolean; columns: boolean } {
  return {
    x: kind === 'histogram' || kind === 'box' || kind === 'scatter',
    y: kind === 'scatter' || kind === 'groupedMean',
    hue: kind === 'histogram' || kind === 'scatter' || kind === 'barCounts',
    category: kind === 'barCounts' || kind === 'groupedMean' ? 'required' : kind === 'box' ? 'optional' : null,
    bins: kind === 'histogram',
    multiple: kind === 'histogram',
    normalize: kind === 'barCounts',
    log: kind === 'scatter',
    columns: kind === 'heatmap',
  };
}

/** "auto" or a blank field → 'auto'; a whole number in range → that number; anything else → null. */
export function parseBins(text: string): number | 'auto' | null {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'auto') return 'auto';
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= MAX_BINS ? n : null;
}

export type FormResult = { ok: true; request: ChartRequest } | { ok: false; reason: string };

/** The request a form makes, or why it cannot make one yet. Empty texts fall back to the chart's own. */
export function toRequest(form: ChartForm): FormResult {
  const texts = {
    ...(form.title.trim() ? { title: form.title.trim() } : {}),
    ...(form.xLabel.trim() ? { xLabel: form.xLabel.trim() } : {}),
    ...(form.yLabel.trim() ? { yLabel: form.yLabel.trim() } : {}),
  };
  const hue = form.hue ? { hue: form.hue } : {};
  const needX = () => (form.x ? null : 'Choose a numeric column for the x axis.');
  switch (form.kind) {
    case 'histogram': {
      const why = needX();
      if (why) return { ok: false, reason: why };
      const bins = parseBins(form.bins);
      if (bins === null) return { ok: false, reason: `Bins must be "auto" or a whole number from 1 to ${MAX_BINS}, not "${form.bins.trim()}".` };
      return { ok: true, request: { kind: 'histogram', x: axisRef(form.x), ...hue, bins, ...(form.hue ? { multiple: form.multiple } : {}), ...texts } };
    }
    case 'box': {
      const why = needX();
      if (why) return { ok: false, reason: why };
      return { ok: true, request: { kind: 'box', x: axisRef(form.x), ...(form.category ? { by: form.category } : {}), ...texts } };
    }
    case 'barCounts':
      if (!form.category) return { ok: false, reason: 'Choose a categorical column to count.' };
      if (form.hue === form.category) return { ok: false, reason: 'Colour by a different column than the one counted.' };
      return { ok: true, request: { kind: 'barCounts', x: form.category, ...hue, normalize: form.normalize, ...texts } };
    case 'heatmap':
      if (form.columns.length < 2) return { ok: false, reason: 'Choose at least two numeric columns to correlate.' };
      return { ok: true, request: { kind: 'heatmap', columns: [...form.columns], ...texts } };
    case 'scatter': {
      const why = needX() ?? (form.y ? null : 'Choose a numeric column for the y axis.');
      if (why) return { ok: false, reason: why };
      const log = { ...(form.logX ? { logX: true } : {}), ...(form.logY ? { logY: true } : {}) };
      return { ok: true, request: { kind: 'scatter', x: axisRef(form.x), y: axisRef(form.y), ...hue, ...log, ...texts } };
    }
    case 'groupedMean':
      if (!form.category) return { ok: false, reason: 'Choose a categorical column to group by.' };
      if (!form.y) return { ok: false, reason: 'Choose a numeric column to average.' };
      return { ok: true, request: { kind: 'groupedMean', by: form.category, y: axisRef(form.y), ...texts } };
  }
}

export interface Preset {
  id: string;
  label: string;
  form: ChartForm;
}

/**
 * One-click versions of the seed notebooks' charts, offered when the
 * dataset has their columns: the box plot of views, text length by class,
 * the correlation heatmap, and the class balance.
 */
export function presets(roles: ColumnRoles, base: ChartForm): Preset[] {
  const out: Preset[] = [];
  const has = (v: string) => roles.numeric.some((o) => o.value === v);
  const blank = { ...base, title: '', xLabel: '', yLabel: '', hue: '' };
  if (has('video_view_count')) out.push({ id: 'box-views', label: 'Box plot of video_view_count', form: { ...blank, kind: 'box', x: 'video_view_count', category: '' } });
  const length = lengthAxis('video_transcription_text');
  if (has(length) && roles.categorical.includes('claim_status')) {
    out.push({ id: 'length-by-claim', label: 'Text length by claim_status', form: { ...blank, kind: 'histogram', x: length, hue: 'claim_status', multiple: 'layer', bins: 'auto' } });
  }
  if (roles.heatmap.length >= 2) out.push({ id: 'heatmap', label: 'Correlation heatmap', form: { ...blank, kind: 'heatmap', columns: [...roles.heatmap] } });
  if (roles.categorical.includes('claim_status')) out.push({ id: 'balance', label: 'Class balance of claim_status', form: { ...blank, kind: 'barCounts', category: 'claim_status', normalize: true } });
  return out;
}

function axisName(value: AxisValue): string {
  return value.startsWith(LENGTH_PREFIX) ? `length of ${value.slice(LENGTH_PREFIX.length)}` : value;
}

/** What the chart shows, in words: its title when one is set, else a description (the image's accessible name). */
export function describeChart(form: ChartForm): string {
  if (form.title.trim()) return form.title.trim();
  const by = (c: string) => (c ? ` by ${c}` : '');
  switch (form.kind) {
    case 'histogram':
      return `Histogram of ${axisName(form.x)}${by(form.hue)}`;
    case 'box':
      return `Box plot of ${axisName(form.x)}${by(form.category)}`;
    case 'barCounts':
      return `${form.normalize ? 'Shares' : 'Counts'} of ${form.category}${by(form.hue)}`;
    case 'heatmap':
      return `Correlation heatmap of ${form.columns.length} columns`;
    case 'scatter':
      return `Scatter of ${axisName(form.y)} against ${axisName(form.x)}${by(form.hue)}`;
    case 'groupedMean':
      return `Mean of ${axisName(form.y)} by ${form.category}`;
  }
}
