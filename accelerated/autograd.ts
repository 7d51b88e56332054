/**
 * The same mean gradient as model.ts#backpropRows, computed by tfjs's reverse-mode autodiff
 * (tf.grads) on J_B(θ) = (1/B) Σ_i ½(h_θ(x^{(i)}) − y^{(i)})²: an independent cross-check of the
 * hand-written Algorithm 5. Differences: tfjs differentiates ReLU with ReLU'(0) = 0 (the notes
 * use 1{z >= 0}), so the two agree off the kinks only.
 */
import * as tf from '@tensorflow/tfjs';
import { type ActivationName, forwardRows, lossRows, type RowParams } from './model.js';

/**
 * 4/multi-layer by autodiff: ∇_θ J_B for X (B×d), Y (B×1), in the row-major shape of θ
 * (W[k − 1] m_{k−1}×m_k, b[k − 1] 1×m_k). Returns new tensors (call inside tf.tidy).
 */
export function autogradRows(theta: RowParams, X: tf.Tensor2D, Y: tf.Tensor2D, activation: ActivationName): RowParams {
  const r = theta.W.length;
  const cost = (...flat: tf.Tensor[]): tf.Scalar => {
    const W = flat.slice(0, r) as tf.Tensor2D[];
    const b = flat.slice(r) as tf.Tensor2D[];
    return lossRows(forwardRows({ W, b }, X, activation).O, Y).mean;
  };
  const grads = tf.grads(cost)([...theta.W, ...theta.b]) as tf.Tensor2D[];
  return { W: grads.slice(0, r), b: grads.slice(r) };
}
