/**
 * fd-step.svg: why the gradient check uses h = ε^{1/3}. The error of the central difference
 * (J(t+h) − J(t−h))/2h against the true ∂J/∂t for one parameter t = W^{[1]}_{11} of a small
 * sigmoid network (eq. 2.12-2.14, loss eq. 1.1), for h from 1e-16 to 1e-1, in float64 (the
 * reference) and in float32 (every operation rounded by Math.fround). The classic V: truncation
 * h²|J'''|/6 on the right, rounding ~ε|J|/h on the left (reference/testing/finiteDifference.ts),
 * with the minimum near h = ε^{1/3}. Sigmoid rather than ReLU: along one parameter a ReLU network's
 * J is piecewise quadratic, J''' = 0, and the right arm of the V would vanish.
 */
import { toleranceProfile } from '../../../conformance/oracles/tolerances.js';
import { squaredLoss } from '../../../reference/loss.js';
import { columnVector, matrixFromRows, toRows } from '../../../reference/matrix.js';
import { forward, initializeParams, type Params } from '../../../reference/network.js';
import { math, type Scalar, toBig, withPrecision } from '../../../reference/numeric.js';
import { createRng } from '../../../reference/sampler.js';
import { EPS64, FD_STEP } from '../../../reference/testing/finiteDifference.js';
import { HIGH_PRECISION_DIGITS, highPrecisionGradient } from '../../../reference/testing/highPrecision.js';
import { CHART_SIZE, type Figure, plotted, type TopLevelSpec } from './render.js';

export const FD_STEP_TITLE = 'Finite-difference error of ∂J/∂W[1]₁₁ against the step h';

/** The network (layer sizes, seed of θ) and the example (x, y); problem() rounds every number to float32. */
export const FD_SETUP = { sizes: [3, 4, 1], seed: 7, x: [0.75, -1.25, 0.5], y: 0.3 } as const;

/** ε = 2^-52 and 2^-23: the spacing of floating-point numbers at 1 (ε/2 is the unit roundoff). */
export const EPSILON = { float64: EPS64, float32: 2 ** -23 } as const;

/** h = 10^(−16 + k/8), k = 0..120: eight steps per decade from 1e-16 to 1e-1. */
export const STEPS = Array.from({ length: 121 }, (_, k) => 10 ** (-16 + k / 8));

type Rows = number[][][];
interface Problem {
  readonly W: Rows;
  readonly b: Rows;
  readonly x: number[];
  readonly y: number;
}

/** θ from initializeParams, x and y, every number rounded to float32, so the float32 and float64 runs share one point. */
function problem(): Problem {
  const theta = initializeParams(FD_SETUP.sizes, createRng(FD_SETUP.seed));
  const rows = (list: Params['W']): Rows => list.map((M) => toRows(M).map((row) => row.map((v) => Math.fround(Number(v)))));
  return { W: rows(theta.W), b: rows(theta.b), x: FD_SETUP.x.map(Math.fround), y: Math.fround(FD_SETUP.y) };
}

/** θ with W^{[1]}_{11} = t, as reference Params. */
function paramsAt(p: Problem, t: Scalar): Params {
  const W = p.W.map((M) => matrixFromRows(M));
  W[0]!.set([0, 0], t);
  return { W, b: p.b.map((M) => matrixFromRows(M)) };
}

/** J(t) = ½(h_θ(x) − y)² (eq. 1.1) by the reference in float64. */
function loss64(p: Problem, t: number): number {
  return Number(squaredLoss(forward(paramsAt(p, t), columnVector(p.x), 'sigmoid').o, p.y));
}

const f32 = Math.fround;
/** Eq. 2.14 as the reference writes it (reference/activations.ts#sigmoid), each operation rounded to float32. */
const sigmoid32 = (z: number): number => (z >= 0 ? f32(1 / f32(1 + f32(Math.exp(-z)))) : f32(f32(Math.exp(z)) / f32(1 + f32(Math.exp(z)))));

/** The same J in float32: eq. 2.12-2.13 and eq. 1.1 with every product and sum rounded (left-to-right sums). */
function loss32(p: Problem, t: number): number {
  let a = p.x;
  p.W.forEach((W, k) => {
    const weight = (i: number, j: number): number => (k === 0 && i === 0 && j === 0 ? t : W[i]![j]!);
    const z = W.map((row, i) => f32(row.reduce((s, _, j) => f32(s + f32(weight(i, j) * a[j]!)), 0) + p.b[k]![i]![0]!));
    a = k < p.W.length - 1 ? z.map(sigmoid32) : z;
  });
  const r = f32(a[0]! - p.y);
  return f32(0.5 * f32(r * r));
}

/** J'''(t) along W^{[1]}_{11} in 64-digit arithmetic: (J(t+2s) − 2J(t+s) + 2J(t−s) − J(t−2s)) / 2s³, s = 1e-12. */
function thirdDerivative(p: Problem, t: number): number {
  return withPrecision(HIGH_PRECISION_DIGITS, () => {
    const s = math.bignumber('1e-12');
    const x = toBig(columnVector(p.x));
    const y = toBig(p.y);
    const J = (c: number): Scalar => squaredLoss(forward(toBig(paramsAt(p, math.add(toBig(t), math.multiply(s, c)) as Scalar)), x, 'sigmoid').o, y);
    const num = math.subtract(math.add(math.subtract(J(2), math.multiply(2, J(1))), math.multiply(2, J(-1))), J(-2));
    return Number(math.divide(num, math.multiply(2, math.pow(s, 3))).toString());
  });
}

export interface FdPoint {
  readonly h: number;
  readonly float64: number;
  readonly float32: number;
}

export interface FdStepData {
  /** t = W^{[1]}_{11}, J(t) and the true ∂J/∂t (64-digit central difference, reference/testing/highPrecision.ts). */
  readonly t: number;
  readonly J: number;
  readonly derivative: number;
  readonly thirdDerivative: number;
  /** |central difference − true derivative| at each h (0 where the difference is exact: not drawn on a log axis). */
  readonly points: FdPoint[];
}

export function fdStepData(): FdStepData {
  const p = problem();
  const t = p.W[0]![0]![0]!;
  const derivative = highPrecisionGradient(paramsAt(p, t), columnVector(p.x), p.y, 'sigmoid').W[0]![0]![0]!;
  const points = STEPS.map((h) => {
    const d64 = (loss64(p, t + h) - loss64(p, t - h)) / (2 * h);
    const h32 = f32(h);
    const d32 = f32(f32(loss32(p, f32(t + h32)) - loss32(p, f32(t - h32))) / f32(2 * h32));
    return { h, float64: Math.abs(d64 - derivative), float32: Math.abs(d32 - derivative) };
  });
  return { t, J: loss64(p, t), derivative, thirdDerivative: thirdDerivative(p, t), points };
}

type Dtype = keyof typeof EPSILON;
const DTYPES: readonly Dtype[] = ['float64', 'float32'];

/** The error model of reference/testing/finiteDifference.ts: h²|J'''|/6 + ε|J|/h. */
export function errorModel(data: FdStepData, dtype: Dtype, h: number): number {
  return (h * h * Math.abs(data.thirdDerivative)) / 6 + (EPSILON[dtype] * Math.abs(data.J)) / h;
}

/** The steps the project uses: FD_STEP of the reference's tests and the conformance suite's fdStep per dtype. */
export function projectSteps(): { label: string; name: string; h: number }[] {
  const float32Step = toleranceProfile({ dtype: 'float32' }).fdStep;
  return [
    { label: 'FD_STEP', name: `FD_STEP = ε^(1/3) = ${FD_STEP.toExponential(2)} (float64, reference tests)`, h: FD_STEP },
    { label: 'fdStep', name: `fdStep = ${float32Step.toExponential(2)} (float32, conformance/oracles/tolerances.ts)`, h: float32Step },
  ];
}

export function fdStepSpec(data: FdStepData): TopLevelSpec {
  const measured = DTYPES.flatMap((dtype) =>
    data.points.filter((pt) => pt[dtype] > 0).map((pt) => ({ h: plotted(pt.h), error: plotted(pt[dtype]), series: `${dtype}: |central difference − ∂J/∂t|` })),
  );
  const model = DTYPES.flatMap((dtype) =>
    STEPS.map((h) => ({ h: plotted(h), error: plotted(errorModel(data, dtype, h)), series: `${dtype} model h²|J'''|/6 + ε|J|/h` })),
  );
  const series = DTYPES.flatMap((d) => [`${d}: |central difference − ∂J/∂t|`, `${d} model h²|J'''|/6 + ε|J|/h`]);
  const x = { field: 'h', type: 'quantitative', title: 'step h', scale: { type: 'log', domain: [1e-16, 1e-1] as number[] }, axis: { format: '.0e' } } as const;
  // the float32 model reaches 1e8 at h = 1e-16; past |∂J/∂t| itself nothing is learned, so the axis stops at 1
  const y = {
    field: 'error',
    type: 'quantitative',
    title: 'absolute error',
    scale: { type: 'log', domain: [1e-16, 1] as number[] },
    axis: { format: '.0e' },
  } as const;
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain: series, range: ['#4c78a8', '#9ecae9', '#e45756', '#ff9d98'] as string[] },
    legend: { orient: 'bottom', columns: 2, labelLimit: 400 },
  } as const;
  return {
    ...CHART_SIZE,
    background: 'white',
    title: {
      text: FD_STEP_TITLE,
      anchor: 'start',
      subtitle: [
        `${FD_SETUP.sizes.join('-')} sigmoid network (eq. 2.12-2.14), J = ½(h(x) − y)² (eq. 1.1)`,
        `t = W[1]₁₁ = ${plotted(data.t)}, true ∂J/∂t = ${plotted(data.derivative)} (64 digits)`,
        ...projectSteps().map((s) => `dotted: ${s.name}`),
      ],
    },
    layer: [
      { data: { values: model }, mark: { type: 'line', strokeDash: [4, 3], strokeWidth: 1, clip: true }, encoding: { x, y, color } },
      { data: { values: measured }, mark: { type: 'line', strokeWidth: 1.5, clip: true }, encoding: { x, y, color } },
      {
        data: { values: projectSteps().map((s) => ({ h: plotted(s.h), label: s.label })) },
        layer: [
          { mark: { type: 'rule', color: '#555', strokeDash: [2, 2] }, encoding: { x } },
          {
            mark: { type: 'text', align: 'left', angle: 270, dy: 3, baseline: 'top', color: '#555', fontSize: 10, y: 'height', yOffset: -4 },
            encoding: { x, text: { field: 'label' } },
          },
        ],
      },
    ],
  };
}

export const FD_STEP_FIGURE: Figure = { file: 'fd-step.svg', title: FD_STEP_TITLE, spec: async () => fdStepSpec(fdStepData()) };
