/**
 * How scored rows compare with their labels, when the data has the target
 * column: the confusion matrix (rows = true class, columns = predicted, in
 * the model's [negative, positive] order) and the binary metrics read from
 * it, for the positive class, as scikit-learn computes them (a 0/0 ratio is
 * 0, its `zero_division` default). Kept chunk by chunk, so a file of any
 * size is tallied in constant memory.
 */
export interface LabelEvaluation {
  /** Scored rows with a label of one of the model's classes. */
  rows: number;
  confusion: number[][];
  metrics: { accuracy: number; precision: number; recall: number; f1: number };
  /** Rows whose label is missing or not one of the model's classes. */
  unlabelled: number;
  /** Labelled rows that could not be scored (they have a note). */
  notScored: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export class LabelTally {
  private readonly index: Map<string, number>;
  private readonly cm = [
    [0, 0],
    [0, 0],
  ];
  private unlabelled = 0;
  private notScored = 0;

  constructor(classes: readonly string[]) {
    this.index = new Map(classes.map((c, i) => [c, i]));
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
}
