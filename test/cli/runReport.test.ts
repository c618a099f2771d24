import { describe, expect, it } from 'vitest';
import { cvResultsCsv } from '../../src-main/cli/runReport';
import { model } from '../core/evaluation/fixtures';

describe('cv_results CSV', () => {
  it('is the results table as the app copies it: parameters as Python writes them, numbers with every digit', () => {
    expect(cvResultsCsv(model())).toBe(
      'candidate,param_max_depth,param_n_estimators,mean_test_recall,std_test_recall,rank_test_recall,' +
        'mean_test_precision,std_test_precision,rank_test_precision,mean_test_accuracy,std_test_accuracy,rank_test_accuracy,mean_fit_time\n' +
        '0,5,100,0.99,0.01,1,1,0,1,0.995,0.004,1,1.5\n' +
        '1,None,100,0.98,0.02,2,1,0,1,0.99,0.01,2,2.5\n',
    );
  });

  it('writes text parameters spreadsheet-safe and quoted as RFC 4180, and negative numbers as numbers', () => {
    const m = model();
    m.cv.rows[0].params = { class_weight: '=HYPERLINK("http://example.com")', C: -0.25, flag: true };
    m.cv.rows[1].params = { class_weight: 'a,b', C: 1e-7, flag: false };
    const lines = cvResultsCsv(m).split('\n');
    expect(lines[0]).toMatch(/^candidate,param_C,param_class_weight,param_flag,mean_test_recall,/);
    expect(lines[1]).toMatch(/^0,-0.25,"'=HYPERLINK\(""http:\/\/example.com""\)",True,0.99,/);
    expect(lines[2]).toMatch(/^1,1e-7,"a,b",False,0.98,/);
  });
});
