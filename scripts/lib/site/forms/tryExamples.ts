/**
 * The worked examples a reader can edit on the site, keyed by the spec id whose entry shows the
 * form: its fields, their defaults (the inputs `npm run explain` uses) and how the reference
 * recomputes the example from them. The build renders the forms from it (tryForms.ts) and one page
 * bundle recomputes them (page/examples.ts, via tryRecompute.ts), so it imports nothing of node:.
 */
import { columnVector } from '../../../../reference/matrix.js';
import { DATA, HOUSING_THETA, HOUSING_X, THREE_LAYER, TWO_LAYER, X, Y } from '../../explain/networks.js';
import { lossExample, MINIBATCH, minibatchExample } from '../../explain/section1Examples.js';
import { housingExample, multiLayerForwardExample, twoLayerVectorizedExample } from '../../explain/section2Examples.js';
import { AFFINE, algorithm4Example, algorithm5Example, matrixChainRuleExample } from '../../explain/section3Examples.js';
import { multiLayerBatchExample, rowMajorFirstLayerExample } from '../../explain/section4Examples.js';
import type { WorkedExample } from '../../explain/worked.js';
import { type Field, field, type ValuesOf } from './tryFields.js';
import { columnsOf, dataJson, dataOf, listJson, matrixOf, paramsJson, paramsOf, rowsJson } from './tryInputs.js';

export type Values = Readonly<Record<string, unknown>>;

export interface TryExample {
  /** The equation the example computes: a result that overflows float64 is refused naming it. */
  readonly where: string;
  readonly fields: readonly Field[];
  /** Field name → value: the explain example's own inputs. */
  readonly defaults: Values;
  /** The example from the fields' values (parsed by tryFields.ts); bad inputs throw the reference's SpecError. */
  compute(values: Values): WorkedExample;
}

/** An entry whose defaults and compute are typed by its fields. */
const tryExample = <const F extends readonly Field[]>(entry: {
  where: string;
  fields: F;
  defaults: ValuesOf<F>;
  compute: (values: ValuesOf<F>) => WorkedExample;
}): TryExample => entry as unknown as TryExample;

const theta = field('theta', 'θ', 'json', { hint: 'W[k] as its rows, b[k] as a list' });
const data = field('data', 'data', 'json', { hint: 'a list of {"x": [...], "y": number}' });
const x = field('x', 'x', 'numbers');
const y = field('y', 'y', 'number');
const sigma = field('activation', 'σ', 'activation');
const [W1] = TWO_LAYER.W;
const [b1] = TWO_LAYER.b;

export const TRY_EXAMPLES: Readonly<Record<string, TryExample>> = {
  '1.1': tryExample({
    where: 'eq. 1.1',
    fields: [theta, data, sigma],
    defaults: { theta: paramsJson(TWO_LAYER), data: dataJson(DATA), activation: 'relu' },
    compute: (v) => lossExample(paramsOf(v.theta), dataOf(v.data), v.activation),
  }),
  '1.5': tryExample({
    where: 'eq. 1.5',
    fields: [
      theta,
      data,
      field('alpha', 'α', 'number'),
      field('B', 'B', 'number'),
      field('nIter', 'n_iter', 'number', { max: 100 }),
      field('seed', 'seed', 'number'),
      sigma,
    ],
    defaults: { theta: paramsJson(TWO_LAYER), data: dataJson(DATA), ...MINIBATCH },
    compute: (v) => minibatchExample(paramsOf(v.theta), dataOf(v.data), { alpha: v.alpha, B: v.B, nIter: v.nIter, seed: v.seed, activation: v.activation }),
  }),
  // An example group's form goes on its first entry on the page: 2/housing-a1 for eq. 2.3's group.
  '2/housing-a1': tryExample({
    where: 'eq. 2.3',
    fields: [field('theta', 'θ', 'numbers', { hint: 'θ_1, ..., θ_12' }), field('x', 'x', 'numbers', { hint: 'size, # bedrooms, zip code, wealth' })],
    defaults: { theta: HOUSING_THETA, x: listJson(HOUSING_X) },
    compute: (v) => housingExample([...v.theta], columnVector([...v.x])),
  }),
  '2.7': tryExample({
    where: 'eq. 2.11',
    fields: [theta, x],
    defaults: { theta: paramsJson(TWO_LAYER), x: listJson(X) },
    compute: (v) => twoLayerVectorizedExample(paramsOf(v.theta), columnVector([...v.x])),
  }),
  '2.12': tryExample({
    where: 'eq. 2.12',
    fields: [theta, x, sigma],
    defaults: { theta: paramsJson(THREE_LAYER), x: listJson(X), activation: 'relu' },
    compute: (v) => multiLayerForwardExample(paramsOf(v.theta), columnVector([...v.x]), v.activation),
  }),
  '3.10': tryExample({
    where: 'Algorithm 4',
    fields: [theta, x, y],
    defaults: { theta: paramsJson(TWO_LAYER), x: listJson(X), y: Y },
    compute: (v) => algorithm4Example(paramsOf(v.theta), columnVector([...v.x]), v.y),
  }),
  '3.13': tryExample({
    where: 'eq. 3.13',
    fields: [field('W', 'W', 'json', { hint: 'its rows' }), field('u', 'u', 'numbers'), field('b', 'b', 'numbers')],
    defaults: { W: rowsJson(AFFINE.W), u: listJson(AFFINE.u), b: listJson(AFFINE.b) },
    compute: (v) => matrixChainRuleExample(matrixOf('eq. 3.11', 'W', v.W), columnVector([...v.u]), columnVector([...v.b])),
  }),
  // Algorithm 5's entries share one example; 3.5/forward is the first of them on the page.
  '3.5/forward': tryExample({
    where: 'Algorithm 5',
    fields: [theta, x, y, sigma],
    defaults: { theta: paramsJson(THREE_LAYER), x: listJson(X), y: Y, activation: 'relu' },
    compute: (v) => algorithm5Example(paramsOf(v.theta), columnVector([...v.x]), v.y, v.activation),
  }),
  '4.4': tryExample({
    where: 'eq. 4.4',
    fields: [
      field('W1', 'W[1]', 'json', { hint: 'its rows, m x d as in eq. 2.7' }),
      field('b1', 'b[1]', 'numbers'),
      field('X', 'X_row', 'json', { hint: 'one example x^{(i)} per row' }),
    ],
    defaults: { W1: rowsJson(W1!), b1: listJson(b1!), X: DATA.map((e) => listJson(e.x)) },
    compute: (v) => rowMajorFirstLayerExample(matrixOf('eq. 4.4', 'W[1]', v.W1), columnVector([...v.b1]), columnsOf('eq. 4.4', 'X_row', v.X)),
  }),
  '4/multi-layer': tryExample({
    where: '4/multi-layer',
    fields: [theta, field('data', 'batch', 'json', { hint: 'a list of {"x": [...], "y": number}: x^{(t)} the columns of X, y^{(t)} of Y' }), sigma],
    defaults: { theta: paramsJson(THREE_LAYER), data: dataJson(DATA), activation: 'relu' },
    compute: (v) => multiLayerBatchExample(paramsOf(v.theta), dataOf(v.data), v.activation),
  }),
};
