/**
 * The reference as a library (`import … from 'cs229-dl-conformance/reference'`): the notes'
 * network in mathjs, float64 or BigNumber (README.md, "The core path"). Everything else is internal.
 */

export {
  ACTIVATIONS,
  type Activation,
  type ActivationName,
  activationByName,
  identity,
  identityPrime,
  relu,
  reluPrime,
  sigmoid,
  sigmoidPrime,
  tanh,
  tanhPrime,
} from './activations.js';
export { type Backprop, backprop, type Gradient } from './backprop.js';
export { NonFiniteError, SpecError } from './errors.js';
export { datasetLoss, squaredLoss } from './loss.js';
export { at, columnVector, hadamard, matrixFromRows, toRows, vectorEntries } from './matrix.js';
export { bias, type ForwardPass, forward, initializeParams, layerSizes, type Params, parameterCount, predict, weight } from './network.js';
export { math, type Scalar, toBig, toFloat64, withPrecision } from './numeric.js';
export {
  datasetCost,
  type Example,
  gd,
  gdStep,
  type Model,
  meanGradient,
  minibatchSgd,
  minibatchStep,
  networkModel,
  sgd,
  sgdStep,
  type TrainingOptions,
  type TrainingRun,
  trainOnBatches,
} from './optimizers.js';
export { createRng, type Rng, sampleIndex, sampleWithoutReplacement } from './sampler.js';
