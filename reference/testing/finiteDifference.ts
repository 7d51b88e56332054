/**
 * Central finite differences for tests, with the error bound that makes tolerances derived
 * rather than tuned. For f with |f| <= F and |f'''| <= F3 near t, the central difference
 * (f(t+h) − f(t−h)) / 2h differs from f'(t) by at most
 *     truncation h²·F3/6  +  rounding ε·F/h   (ε = 2^-52, each f evaluated to within ~ε·F),
 * minimised near h = ε^{1/3} where both terms are ~ ε^{2/3} ≈ 3.7e-11 times (F3/6 + F).
 */
import type { Matrix } from '../numeric.js';

export const EPS64 = 2 ** -52;

/** The step that balances truncation and rounding error for float64. */
export const FD_STEP = Math.cbrt(EPS64);

/** (f(t+h) − f(t−h)) / 2h. */
export function centralDifference(f: (t: number) => number, t: number, h: number = FD_STEP): number {
  return (f(t + h) - f(t - h)) / (2 * h);
}

/** The bound above: h²·F3/6 + ε·F/h. */
export function centralDifferenceBound(F: number, F3: number, h: number = FD_STEP): number {
  return (h * h * F3) / 6 + (EPS64 * F) / h;
}

/** ∂f/∂M_{ij} for every entry of M by central differences; M is float64 and left unchanged. */
export function numericMatrixGradient(f: (M: Matrix) => number, M: Matrix, h: number = FD_STEP): number[][] {
  const [rows, cols] = M.size() as [number, number];
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      const at = (t: number): number => {
        const P = M.clone();
        P.set([i, j], t);
        return f(P);
      };
      return centralDifference(at, M.get([i, j]) as number, h);
    }),
  );
}
