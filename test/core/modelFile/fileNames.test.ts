import { describe, expect, it } from 'vitest';
import { modelFileName } from '../../../src-main/core/modelFile/buildModelFile';
import { modelFileStems, safeFileStem } from '../../../src-main/core/modelFile/fileNames';
import { exportFileName } from '../../../src-main/core/modelExport/exportModel';

describe('file names from model ids', () => {
  it('replaces what a file system refuses, and keeps the rest', () => {
    expect(safeFileStem('rf')).toBe('rf');
    expect(safeFileStem('a/b#c')).toBe('a_b#c');
    expect(safeFileStem('x*y')).toBe('x_y');
    expect(safeFileStem('..')).toBe('__');
    expect(safeFileStem('.hidden')).toBe('_hidden');
    expect(safeFileStem('rf.')).toBe('rf_');
    expect(safeFileStem('nul')).toBe('nul_');
    expect(safeFileStem('tab\there')).toBe('tab_here');
    expect([...safeFileStem('é'.repeat(300))]).toHaveLength(120);
    expect(modelFileName('a/b')).toBe('a_b.assaymodel');
    expect(exportFileName('x:y', '.onnx')).toBe('x_y.onnx');
  });

  it('gives every model of a run its own stem, saying why one is not its id', () => {
    expect(modelFileStems(['x*y', 'x:y', 'x_y', 'rf', 'RF', 'a/b'])).toEqual([
      { modelId: 'x*y', stem: 'x_y-2', changed: 'its id has characters a file name cannot hold, and another model\'s files are named "x_y"' },
      { modelId: 'x:y', stem: 'x_y-3', changed: 'its id has characters a file name cannot hold, and another model\'s files are named "x_y"' },
      { modelId: 'x_y', stem: 'x_y', changed: null },
      { modelId: 'rf', stem: 'rf', changed: null },
      { modelId: 'RF', stem: 'RF-2', changed: 'another model\'s files are named "rf" (names that differ only in case are one file on some disks)' },
      { modelId: 'a/b', stem: 'a_b', changed: 'its id has characters a file name cannot hold' },
    ]);
    // A generated name never takes another model's own.
    expect(modelFileStems(['a*b', 'a_b-2', 'a:b']).map((s) => s.stem)).toEqual(['a_b', 'a_b-2', 'a_b-3']);
  });
});
