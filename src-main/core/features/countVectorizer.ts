import { ApiError } from '../api/errors';
import { ENGLISH_STOP_WORDS } from './englishStopWords';

/**
 * scikit-learn 1.2's `CountVectorizer` with the word analyzer:
 *
 *   text → lower case → tokens (`token_pattern=r"(?u)\b\w\w+\b"`) → stop words
 *   removed → word n-grams (joined with one space) → counts per document.
 *
 * Fitting keeps the terms whose document frequency lies in [minDf, maxDf],
 * then, with `maxFeatures`, the terms with the highest total count over the
 * training texts, ties broken exactly as sklearn's
 * `(-tfs[mask]).argsort()[:limit]` breaks them (numpy's introsort over the
 * vocabulary in sorted order, see {@link numpyArgsortQuick}). Feature names are
 * the kept terms in code-point order, as `get_feature_names_out()` gives them.
 *
 * Missing text (`null`) counts as an empty document, in fitting and in
 * transforming: its row is all zeros. (sklearn raises "np.nan is an invalid
 * document"; a notebook drops those rows first, and a recipe that does the
 * same gets identical numbers.)
 */

/** A document-frequency bound given as a share of the documents, like sklearn's float `min_df` / `max_df`. */
export interface DocFraction {
  fraction: number;
}

export interface CountVectorizerOptions {
  /** Smallest and largest n-gram length in words, sklearn's `ngram_range`. */
  ngramRange: readonly [number, number];
  /** Keep at most this many terms, the most frequent over the training texts. */
  maxFeatures?: number | null;
  stopWords?: 'english' | null;
  /** Lower-case text before tokenizing (default true). */
  lowercase?: boolean;
  /**
   * Ignore terms found in fewer documents than this. A whole number counts
   * documents (sklearn's int); a number strictly between 0 and 1, or
   * `{ fraction }`, is a share of the documents (sklearn's float). Default 1.
   */
  minDf?: number | DocFraction;
  /** Ignore terms found in more documents than this; same conventions as `minDf`. Default: all documents. */
  maxDf?: number | DocFraction;
}

export interface CountMatrix {
  /** One column of counts per term (column-major), in the order of `names`. */
  columns: Float64Array[];
  names: string[];
}

/**
 * Python's `\w` with `re.UNICODE`: letters, numbers (every category with a
 * numeric value) and the underscore; combining marks are not word characters.
 * `\w\w+` between word boundaries is a maximal run of at least two of them,
 * which a greedy global match finds the same way (JS's own `\b` is ASCII-only).
 */
const TOKEN_PATTERN = /[\p{L}\p{N}_]{2,}/gu;

/** The tokens sklearn's default `token_pattern` finds in `text` (no lower-casing here). */
export function wordTokens(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

/**
 * Orders strings by Unicode code point, as Python's `sorted` does. JS's
 * default order compares UTF-16 units, which puts astral characters (emoji)
 * before U+E000–U+FFFF; shifting the units fixes that.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/**
 * `np.argsort(values)` with numpy's default `kind='quicksort'` (numpy ≤ 1.25
 * without AVX-512 dispatch: introsort, median of three, insertion sort on
 * partitions of at most 16, heapsort past depth 2·log2(n)). Not stable: equal
 * values come out in the order this exact algorithm leaves them, which is what
 * decides sklearn's `max_features` cut among tied terms.
 */
export function numpyArgsortQuick(values: ArrayLike<number>): Int32Array {
  const num = values.length;
  const v = values;
  const tosort = new Int32Array(num);
  for (let i = 0; i < num; i++) tosort[i] = i;
  if (num < 2) return tosort;
  const SMALL_QUICKSORT = 15;
  const stack: number[] = [];
  const depthStack: number[] = [];
  let pl = 0;
  let pr = num - 1;
  let cdepth = 0;
  for (let u = num; (u >>= 1) > 0; ) cdepth++;
  cdepth *= 2;
  const swap = (i: number, j: number): void => {
    const t = tosort[i];
    tosort[i] = tosort[j];
    tosort[j] = t;
  };
  for (;;) {
    if (cdepth < 0) {
      aheapsort(v, tosort, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (v[tosort[pm]] < v[tosort[pl]]) swap(pm, pl);
        if (v[tosort[pr]] < v[tosort[pm]]) swap(pr, pm);
        if (v[tosort[pm]] < v[tosort[pl]]) swap(pm, pl);
        const vp = v[tosort[pm]];
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (v[tosort[pi]] < vp);
          do --pj;
          while (vp < v[tosort[pj]]);
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // Push the larger partition, go on with the smaller one.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depthStack.push(--cdepth);
      }
      for (let pi = pl + 1; pi <= pr; pi++) {
        const vi = tosort[pi];
        const vp = v[vi];
        let pj = pi;
        while (pj > pl && vp < v[tosort[pj - 1]]) {
          tosort[pj] = tosort[pj - 1];
          pj--;
        }
        tosort[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    cdepth = depthStack.pop()!;
  }
  return tosort;
}

/** `np.argsort(values, kind='heapsort')`; the fallback {@link numpyArgsortQuick} uses on deep partitions. */
export function numpyArgsortHeap(values: ArrayLike<number>): Int32Array {
  const tosort = new Int32Array(values.length);
  for (let i = 0; i < tosort.length; i++) tosort[i] = i;
  aheapsort(values, tosort, 0, tosort.length);
  return tosort;
}

/** numpy's `aheapsort_` on `tosort[start .. start+n)` (1-based heap indexing, as in the C code). */
function aheapsort(v: ArrayLike<number>, tosort: Int32Array, start: number, n: number): void {
  const a = (k: number): number => tosort[start + k - 1];
  const set = (k: number, x: number): void => {
    tosort[start + k - 1] = x;
  };
  for (let l = n >> 1; l > 0; --l) {
    const tmp = a(l);
    let i = l;
    let j = l << 1;
    while (j <= n) {
      if (j < n && v[a(j)] < v[a(j + 1)]) j += 1;
      if (v[tmp] < v[a(j)]) {
        set(i, a(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  }
  for (; n > 1; ) {
    const tmp = a(n);
    set(n, a(1));
    n -= 1;
    let i = 1;
    let j = 2;
    while (j <= n) {
      if (j < n && v[a(j)] < v[a(j + 1)]) j++;
      if (v[tmp] < v[a(j)]) {
        set(i, a(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  }
}

function checkDf(value: number | DocFraction, what: string): { count: number } | { fraction: number } {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0) return { count: value };
    if (value > 0 && value < 1) return { fraction: value };
  } else if (value.fraction >= 0 && value.fraction <= 1) {
    return { fraction: value.fraction };
  }
  throw new ApiError(
    'bad-input',
    `${what} must be a whole number of documents or a share of documents between 0 and 1, not ${JSON.stringify(value)}.`,
  );
}

/** Learns a vocabulary of word n-grams from training texts and counts them in any texts. */
export class CountVectorizer {
  private readonly minN: number;
  private readonly maxN: number;
  private readonly maxFeatures: number | null;
  private readonly stopWords: ReadonlySet<string> | null;
  private readonly lowercase: boolean;
  private readonly minDf: { count: number } | { fraction: number };
  private readonly maxDf: { count: number } | { fraction: number };
  private vocab: Map<string, number> | null = null;
  private featureNames: string[] = [];

  constructor(options: CountVectorizerOptions) {
    const [minN, maxN] = options.ngramRange;
    if (!Number.isInteger(minN) || !Number.isInteger(maxN) || minN < 1 || minN > maxN) {
      throw new ApiError('bad-input', `The n-gram range must be two whole numbers 1 ≤ min ≤ max, not [${minN}, ${maxN}].`);
    }
    const maxFeatures = options.maxFeatures ?? null;
    if (maxFeatures !== null && (!Number.isInteger(maxFeatures) || maxFeatures < 1)) {
      throw new ApiError('bad-input', `The largest number of terms to keep must be a whole number of at least 1, not ${maxFeatures}.`);
    }
    this.minN = minN;
    this.maxN = maxN;
    this.maxFeatures = maxFeatures;
    this.stopWords = options.stopWords === 'english' ? ENGLISH_STOP_WORDS : null;
    this.lowercase = options.lowercase ?? true;
    this.minDf = checkDf(options.minDf ?? 1, 'The smallest document frequency');
    this.maxDf = checkDf(options.maxDf ?? { fraction: 1 }, 'The largest document frequency');
  }

  /** The terms of one text, in order, each n-gram as its words joined by one space (sklearn's `build_analyzer()`). */
  analyze(text: string | null): string[] {
    if (text === null) return [];
    let tokens = wordTokens(this.lowercase ? text.toLowerCase() : text);
    const stop = this.stopWords;
    if (stop) tokens = tokens.filter((t) => !stop.has(t));
    const { minN, maxN } = this;
    if (maxN === 1) return tokens;
    const out: string[] = minN === 1 ? tokens.slice() : [];
    const n0 = tokens.length;
    for (let n = Math.max(minN, 2); n <= Math.min(maxN, n0); n++) {
      for (let i = 0; i + n <= n0; i++) {
        let term = tokens[i];
        for (let k = 1; k < n; k++) term += ' ' + tokens[i + k];
        out.push(term);
      }
    }
    return out;
  }

  fit(texts: readonly (string | null)[]): this {
    this.learn(texts, null);
    return this;
  }

  /**
   * Counts every term of the texts, then keeps the vocabulary as sklearn's
   * `_limit_features` does. When `docTerms` is given it receives each text's
   * term ids (into the returned `terms`), so `fitTransform` analyzes once.
   */
  private learn(texts: readonly (string | null)[], docTerms: Int32Array[] | null): { terms: string[]; keptIds: number[] } {
    const index = new Map<string, number>();
    const terms: string[] = [];
    const totals: number[] = [];
    const dfs: number[] = [];
    const lastDoc: number[] = [];
    for (let d = 0; d < texts.length; d++) {
      const analyzed = this.analyze(texts[d]);
      const ids = docTerms ? new Int32Array(analyzed.length) : null;
      for (let t = 0; t < analyzed.length; t++) {
        const term = analyzed[t];
        let j = index.get(term);
        if (j === undefined) {
          j = terms.length;
          index.set(term, j);
          terms.push(term);
          totals.push(0);
          dfs.push(0);
          lastDoc.push(-1);
        }
        totals[j]++;
        if (lastDoc[j] !== d) {
          lastDoc[j] = d;
          dfs[j]++;
        }
        if (ids) ids[t] = j;
      }
      if (docTerms && ids) docTerms.push(ids);
    }
    if (terms.length === 0) {
      throw new ApiError('bad-input', 'The texts have no terms to count (empty vocabulary); perhaps they contain only stop words, single letters or punctuation.');
    }

    // sklearn sorts the vocabulary before pruning, so the argsort below sees terms in sorted order.
    const order = terms.map((_, j) => j).sort((a, b) => compareCodePoints(terms[a], terms[b]));
    const nDoc = texts.length;
    const high = 'count' in this.maxDf ? this.maxDf.count : this.maxDf.fraction * nDoc;
    const low = 'count' in this.minDf ? this.minDf.count : this.minDf.fraction * nDoc;
    if (high < low) {
      throw new ApiError('bad-input', `The largest document frequency (${high} documents) is below the smallest (${low}).`);
    }
    let kept = order.filter((j) => dfs[j] <= high && dfs[j] >= low);
    if (this.maxFeatures !== null && kept.length > this.maxFeatures) {
      const negTotals = new Float64Array(kept.length);
      for (let i = 0; i < kept.length; i++) negTotals[i] = -totals[kept[i]];
      const best = numpyArgsortQuick(negTotals).subarray(0, this.maxFeatures);
      const take = new Uint8Array(kept.length);
      for (const i of best) take[i] = 1;
      kept = kept.filter((_, i) => take[i] === 1);
    }
    if (kept.length === 0) {
      throw new ApiError('bad-input', 'After pruning by document frequency no terms remain; lower the smallest or raise the largest document frequency.');
    }
    this.featureNames = kept.map((j) => terms[j]);
    this.vocab = new Map(this.featureNames.map((t, i) => [t, i]));
    return { terms, keptIds: kept };
  }

  /** The learned terms in output order (sklearn's `get_feature_names_out()`). */
  getFeatureNamesOut(): string[] {
    this.fitted();
    return this.featureNames.slice();
  }

  /** Term → column index, sklearn's `vocabulary_`. */
  get vocabulary(): ReadonlyMap<string, number> {
    return this.fitted();
  }

  transform(texts: readonly (string | null)[]): CountMatrix {
    const vocab = this.fitted();
    const n = texts.length;
    const columns = this.featureNames.map(() => new Float64Array(n));
    for (let d = 0; d < n; d++) {
      for (const term of this.analyze(texts[d])) {
        const j = vocab.get(term);
        if (j !== undefined) columns[j][d]++;
      }
    }
    return { columns, names: this.featureNames.slice() };
  }

  fitTransform(texts: readonly (string | null)[]): CountMatrix {
    const docTerms: Int32Array[] = [];
    const { terms, keptIds } = this.learn(texts, docTerms);
    const column = new Int32Array(terms.length).fill(-1);
    keptIds.forEach((j, col) => (column[j] = col));
    const n = texts.length;
    const columns = keptIds.map(() => new Float64Array(n));
    for (let d = 0; d < n; d++) {
      for (const j of docTerms[d]) if (column[j] >= 0) columns[column[j]][d]++;
    }
    return { columns, names: this.featureNames.slice() };
  }

  private fitted(): Map<string, number> {
    if (!this.vocab) throw new ApiError('bad-request', 'The count vectorizer must be fitted before it is used.');
    return this.vocab;
  }
}
