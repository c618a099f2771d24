/**
 * What the seed notebooks did with correlated features, so a warning can cite
 * them — only where the notebook really did that to a feature the warning
 * covers:
 *
 * - Course 5 (logistic regression on `verified_status`) leaves
 *   `video_like_count` out of its features: r = 0.86 with `video_view_count`,
 *   and "logistic regression has a no multicollinearity model assumption".
 *   It keeps the view, share, download and comment counts.
 * - Course 6 (random forest and XGBoost on `claim_status`) drops only `#` and
 *   `video_id`: it keeps `video_like_count` with the other counts.
 */
export const COURSE5_LEFT_OUT = 'video_like_count';

export function collinearityPrecedent(columns: readonly string[]): string | null {
  if (!columns.includes(COURSE5_LEFT_OUT)) return null;
  return (
    `The Course 5 notebook leaves ${COURSE5_LEFT_OUT} out of its logistic regression for this reason ` +
    '(r = 0.86 with video_view_count; the model assumes no severe multicollinearity); ' +
    'the Course 6 notebook keeps it in its random forest and XGBoost models.'
  );
}
