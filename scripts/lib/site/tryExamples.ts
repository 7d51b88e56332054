/**
 * The worked examples a reader can edit on the site, keyed by the spec id whose entry shows the
 * form: its fields, their defaults (the inputs `npm run explain` uses) and how the reference
 * recomputes the example from them. The build renders the forms from it (tryForms.ts) and one page
 * bundle recomputes them (page/examples.ts, via tryRecompute.ts), so it imports nothing of node:.
 */
import { columnVector } from '../../../reference/matrix.js';
import { DATA, THREE_LAYER, TWO_LAYER, X, Y } from '../explain/networks.js';
import { lossExample, MINIBATCH, minibatchExample } from '../explain/section1Examples.js';
import { multiLayerForwardExample } from '../explain/section2Examples.js';
import { AFFINE, algorithm5Example, matrixChainRuleExample } from '../explain/section3Examples.js';
import type { WorkedExample } from '../explain/worked.js';
import { type Field, field, type ValuesOf } from './tryFields.js';
import { dataJson, dataOf, listJson, matrixOf, paramsJson, paramsOf, rowsJson } from './tryInputs.js';

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
const sigma = field('activation', 'σ', 'activation');

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
  '2.12': tryExample({
    where: 'eq. 2.12',
    fields: [theta, x, sigma],
    defaults: { theta: paramsJson(THREE_LAYER), x: listJson(X), activation: 'relu' },
    compute: (v) => multiLayerForwardExample(paramsOf(v.theta), columnVector([...v.x]), v.activation),
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
    fields: [theta, x, field('y', 'y', 'number'), sigma],
    defaults: { theta: paramsJson(THREE_LAYER), x: listJson(X), y: Y, activation: 'relu' },
    compute: (v) => algorithm5Example(paramsOf(v.theta), columnVector([...v.x]), v.y, v.activation),
  }),
};
