/**
 * How the worked examples name a network: σ as the notes write it ('ReLU') or by its spec/ name,
 * and the layer sizes [d, m_1, ..., m_r] of eq. 2.12 read from θ ('2-3-2-1'); and an example (x, y).
 */
import type { ActivationName } from '../../../reference/activations.js';
import { vectorEntries } from '../../../reference/matrix.js';
import { layerSizes, type Params } from '../../../reference/network.js';
import type { Matrix } from '../../../reference/numeric.js';
import { formatNumber, formatValue, list } from './worked.js';

export const SIGMA_NAME: Readonly<Record<ActivationName, string>> = { relu: 'ReLU', sigmoid: 'sigmoid', tanh: 'tanh', identity: 'identity' };

/** '2-2-1': the layer sizes of θ (checked by layerSizes, eq. 2.12). */
export const sizesName = (theta: Params): string => layerSizes(theta).join('-');

/** '2-2-1 ReLU', as in 'the 2-2-1 ReLU network'. */
export const networkName = (theta: Params, activation: ActivationName): string => `${sizesName(theta)} ${SIGMA_NAME[activation]}`;

/** 'x = (1, 2), y = 2', as in a title. */
export const exampleName = (x: Matrix, y: number): string => `x = ${formatValue(list(vectorEntries(x)))}, y = ${formatNumber(y)}`;
