import { describe, expect, it } from 'vitest';
import { SpecError } from './errors.js';
import { at, columnVector, coord, hadamard, matrixFromRows, scalarOf, toRows, vectorEntries } from './matrix.js';

describe('[3.4/hadamard] v ⊙ w', () => {
  it('multiplies entry by entry: (1, −2, 3) ⊙ (4, 5, 0.5) = (4, −10, 1.5)', () => {
    expect(toRows(hadamard(columnVector([1, -2, 3]), columnVector([4, 5, 0.5])))).toEqual([[4], [-10], [1.5]]);
  });
  it('refuses vectors of different dimensions', () => {
    expect(() => hadamard(columnVector([1, 2]), columnVector([1, 2, 3]))).toThrow();
  });
});

describe('[3.15, 3.4/hadamard] ⊙ needs two matrices of the same shape', () => {
  it('[3.15] hadamard refuses an m×1 ⊙ 1×m (which mathjs would broadcast into m×m) naming both shapes', () => {
    const column = columnVector([1, 2, 3]);
    const row = matrixFromRows([[1, 2, 3]]);
    expect(() => hadamard(column, row)).toThrow(SpecError);
    expect(() => hadamard(column, row)).toThrow('eq. 3.15: v ⊙ w needs two matrices of the same shape, got 3x1 ⊙ 1x3');
    expect(() => hadamard(row, column)).toThrow('got 1x3 ⊙ 3x1');
    expect(() => hadamard(column, columnVector([1, 2]))).toThrow('eq. 3.15: v ⊙ w needs two matrices of the same shape, got 3x1 ⊙ 2x1');
  });
  it('[3.15] hadamard refuses a factor that is not a matrix', () => {
    expect(() => hadamard(columnVector([1]), [[1]] as never)).toThrow('eq. 3.15: the right factor of ⊙ must be a matrix, got an array of length 1');
  });
  it('[3.15] hadamard still multiplies equal-shape matrices entry by entry', () => {
    expect(
      toRows(
        hadamard(
          matrixFromRows([
            [1, 2],
            [3, 4],
          ]),
          matrixFromRows([
            [2, 0.5],
            [-1, 0],
          ]),
        ),
      ),
    ).toEqual([
      [2, 1],
      [-3, 0],
    ]);
  });
});

describe('[2.9, 2.12] the column-vector convention', () => {
  it("makes a vector of R^d a d×1 matrix and reads coordinates with the notes' 1-based indices", () => {
    const x = columnVector([7, 8, 9]);
    expect(x.size()).toEqual([3, 1]);
    expect([coord(x, 1), coord(x, 3)]).toEqual([7, 9]);
    expect(vectorEntries(x)).toEqual([7, 8, 9]);
    const W = matrixFromRows([
      [1, 2],
      [3, 4],
    ]);
    expect(at(W, 2, 1)).toBe(3);
    expect(scalarOf(matrixFromRows([[5]]))).toBe(5);
  });
  it('refuses ragged rows, naming the row', () => {
    expect(() => matrixFromRows([[1, 2], [3]])).toThrow('matrix: row 2 has 1 entries, row 1 has 2');
  });
});
