import { describe, expect, it } from 'vitest';
import { transpose } from './plain.js';

describe('plain matrices', () => {
  it('transposes a matrix given as its rows, exactly', () => {
    expect(
      transpose([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(
      transpose(
        transpose([
          [0.1, -2],
          [3e-300, 4],
        ]),
      ),
    ).toEqual([
      [0.1, -2],
      [3e-300, 4],
    ]);
  });

  it('takes the number of columns of a matrix without rows from the caller', () => {
    expect(transpose([])).toEqual([]);
    expect(transpose([], 2)).toEqual([[], []]);
  });
});
