/**
 * The reference as a library (`import … from 'cs229-dl-conformance/reference'`): the notes'
 * network in mathjs, float64 or BigNumber (README.md, "The core path"). Everything else is internal.
 */
export { columnVector, matrixFromRows, toRows, vectorEntries, hadamard, at } from './matrix.js';
export { ACTIVATIONS, activationByName, relu, reluPrime, sigmoid, sigmoidPrime, tanh, tanhPrime, identity, identityPrime, type Activation, type ActivationName } from './activations.js';
export { forward, predict, initializeParams, layerSizes, weight, bias, parameterCount, type Params, type ForwardPass } from './network.js';
export { squaredLoss, datasetLoss } from './loss.js';
export { backprop, type Backprop, type Gradient } from './backprop.js';
export { networkModel, datasetCost, meanGradient, gdStep, sgdStep, minibatchStep, gd, sgd, minibatchSgd, trainOnBatches, type Example, type Model, type TrainingOptions, type TrainingRun } from './optimizers.js';
export { createRng, sampleIndex, sampleWithoutReplacement, type Rng } from './sampler.js';
export { math, withPrecision, toBig, toFloat64, type Scalar } from './numeric.js';
export { SpecError, NonFiniteError } from './errors.js';
