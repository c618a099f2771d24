/**
 * How scored rows compare with their labels, when the data has the target
 * column: the confusion matrix (rows = true class, columns = predicted, in
 * the model's class order) and the metrics read from it as scikit-learn
 * computes them (a 0/0 ratio is 0, its `zero_division` default): for two
 * classes, precision, recall and F1 of the positive class; for more, their
 * macro averages over the classes that occur as a label or a prediction
 * (`average='macro'`). Kept chunk by chunk, so a file of any size is
 * tallied in constant memory.
 */
export interface LabelEvaluation {
  /** Scored rows with a label of one of the model's classes. */
  rows: number;
  confusion: number[][];
  metrics: { accuracy: number; precision: number; recall: number; f1: number };
  /** 'macro' when precision, recall and F1 are macro averages (more than two classes); absent for two classes. */
  average?: 'macro';
  /** Rows whose label is missing or not one of the model's classes. */
  unlabelled: number;
  /** Labelled rows that could not be scored (they have a note). */
  notScored: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export class LabelTally {
  private readonly index: Map<string, number>;
  private readonly cm: number[][];
  private unlabelled = 0;
  private notScored = 0;

  constructor(classes: readonly string[]) {
    this.index = new Map(classes.map((c, i) => [c, i]));
    this.cm = classes.map(() => classes.map(() => 0));
  }

  /** Adds a chunk: each row's label text (null = missing) and predicted class (-1 = not scored). */
  add(labels: readonly (string | null)[], predicted: Int32Array): void {
    for (let i = 0; i < labels.length; i++) {
      const l = labels[i];
      const t = l === null ? undefined : this.index.get(l);
      if (t === undefined) this.unlabelled++;
      else if (predicted[i] < 0) this.notScored++;
      else this.cm[t][predicted[i]]++;
    }
  }

  result(): LabelEvaluation {
    if (this.cm.length > 2) return this.multiclass();
    const [[tn, fp], [fn, tp]] = this.cm;
    const rows = tn + fp + fn + tp;
    const precision = ratio(tp, tp + fp);
    const recall = ratio(tp, tp + fn);
    return {
      rows,
      confusion: this.cm.map((r) => [...r]),
      metrics: { accuracy: ratio(tp + tn, rows), precision, recall, f1: ratio(2 * tp, 2 * tp + fp + fn) },
      unlabelled: this.unlabelled,
      notScored: this.notScored,
    };
  }

  private multiclass(): LabelEvaluation {
    const k = this.cm.length;
    const truth = this.cm.map((row) => row.reduce((a, b) => a + b, 0));
    const predicted = this.cm[0].map((_, j) => this.cm.reduce((s, row) => s + row[j], 0));
    const rows = truth.reduce((a, b) => a + b, 0);
    let correct = 0;
    const used: number[] = [];
    for (let c = 0; c < k; c++) {
      correct += this.cm[c][c];
      if (truth[c] > 0 || predicted[c] > 0) used.push(c);
    }
    const macro = (f: (c: number) => number) => (used.length === 0 ? 0 : used.reduce((s, c) => s + f(c), 0) / used.length);
    return {
      rows,
      confusion: this.cm.map((r) => [...r]),
      metrics: {
        accuracy: ratio(correct, rows),
        precision: macro((c) => ratio(this.cm[c][c], predicted[c])),
        recall: macro((c) => ratio(this.cm[c][c], truth[c])),
        f1: macro((c) => ratio(2 * this.cm[c][c], truth[c] + predicted[c])),
      },
      average: 'macro',
      unlabelled: this.unlabelled,
      notScored: this.notScored,
    };
  }
}
