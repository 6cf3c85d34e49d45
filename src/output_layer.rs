//! The three output layers, as one operation: "given the hidden vector h, make `target` more likely".
//!
//! This is the only place that knows how a prediction is scored, so CBOW and skip-gram (which
//! differ only in how they build h and where its gradient goes, see `train.rs`) share it and no
//! combination of architecture × output layer has code of its own.
//!
//! Each layer reduces to a list of *decisions* on rows of the output matrix W':
//!
//! - **Full softmax** (tutorial §2): u_j = v'_j·h for every word j, p = softmax(u),
//!   E = −log p_target = −u_target + log Σ_k exp(u_k). ∂E/∂u_j = p_j − t_j (t one-hot).
//! - **Negative sampling** (§4, word2vec.c's `negative` branch): the target with label 1 and k words
//!   drawn from P_n with label 0; E = −log σ(u_target) − Σ_i log σ(−u_i).
//!   ∂E/∂u = σ(u) − label.
//! - **Hierarchical softmax** (§5, word2vec.c's `hs` branch): one decision per inner node on the
//!   target's Huffman path, label 1 − code_d; E = −Σ_d log σ((1 − 2·code_d)·u_d), again
//!   ∂E/∂u_d = σ(u_d) − label_d.
//!
//! With the error signal e = ∂E/∂u for a decision on row r, the gradients are ∂E/∂v'_r = e·h and
//! ∂E/∂h = Σ e·v'_r. An SGD step with rate α therefore does, as word2vec.c does:
//!
//! ```text
//! g = α·(label − σ(u))          (α·(t_j − p_j) for softmax)
//! grad_h += g · v'_r            (with v'_r before its own update)
//! v'_r   += g · h
//! ```
//!
//! `grad_h` collects −α·∂E/∂h; the caller applies it to the input rows that made h.

use crate::huffman::HuffmanTree;
use crate::kernels::{axpy, dot, neg_log_sigmoid, sigmoid};
use crate::noise::NoiseSampler;
use crate::rng::Rng;

/// One scored row of W' in a prediction: what the teaching views draw and what the gradient check
/// replays.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decision {
    /// Row of the output matrix (a word id, or an inner node for hierarchical softmax).
    pub row: u32,
    /// 1 for the target (or the Huffman branch that leads to it), 0 for noise.
    pub label: f32,
    /// u = v'_row · h, before the update.
    pub score: f32,
    /// σ(u) for the binary layers; the softmax probability p_row for full softmax.
    pub probability: f32,
}

/// The output layer with whatever it needs to know about the vocabulary.
#[derive(Debug, Clone)]
pub enum OutputModel {
    Softmax { vocab_size: usize },
    Negative { sampler: NoiseSampler, k: usize },
    Hierarchical { tree: HuffmanTree },
}

impl OutputModel {
    /// Rows the output matrix needs.
    pub fn rows(&self) -> usize {
        match self {
            OutputModel::Softmax { vocab_size } => *vocab_size,
            OutputModel::Negative { sampler, .. } => sampler.probabilities().len(),
            OutputModel::Hierarchical { tree } => tree.num_inner(),
        }
    }

    /// One SGD step towards predicting `target` from `h`; see the module documentation.
    /// Updates `output` (rows × dim), adds −α·∂E/∂h to `grad_h`, returns the loss E before the step.
    /// `scratch` is reused between calls (softmax scores). When `trace` is given, every decision
    /// is recorded in it.
    #[allow(clippy::too_many_arguments)]
    pub fn learn(
        &self,
        output: &mut [f32],
        h: &[f32],
        target: u32,
        alpha: f32,
        grad_h: &mut [f32],
        rng: &mut Rng,
        scratch: &mut Vec<f32>,
        mut trace: Option<&mut Vec<Decision>>,
    ) -> f32 {
        let dim = h.len();
        match self {
            OutputModel::Softmax { vocab_size } => {
                softmax_probabilities(output, h, *vocab_size, scratch);
                let loss = -scratch[target as usize].max(f32::MIN_POSITIVE).ln();
                for (j, row) in output.chunks_exact_mut(dim).enumerate() {
                    let label = if j == target as usize { 1.0 } else { 0.0 };
                    let p = scratch[j];
                    if let Some(t) = trace.as_deref_mut() {
                        t.push(Decision {
                            row: j as u32,
                            label,
                            score: dot(row, h),
                            probability: p,
                        });
                    }
                    let g = alpha * (label - p);
                    axpy(g, row, grad_h);
                    axpy(g, h, row);
                }
                loss
            }
            OutputModel::Negative { sampler, k } => {
                let mut loss = binary_decision(output, h, target, 1.0, alpha, grad_h, &mut trace);
                for _ in 0..*k {
                    let noise = sampler.sample(rng);
                    if noise == target {
                        continue; // as word2vec.c: the target is never its own negative
                    }
                    loss += binary_decision(output, h, noise, 0.0, alpha, grad_h, &mut trace);
                }
                loss
            }
            OutputModel::Hierarchical { tree } => tree
                .code(target)
                .iter()
                .zip(tree.path(target))
                .map(|(&code, &node)| {
                    let label = 1.0 - code as f32;
                    binary_decision(output, h, node, label, alpha, grad_h, &mut trace)
                })
                .sum(),
        }
    }

    /// The loss of a recorded prediction, recomputed from the weights (no update, no randomness).
    /// For full softmax every row takes part whatever `decisions` holds; for the binary layers the
    /// recorded rows and labels are replayed. Used by gradient checks and the "after" view.
    pub fn replay_loss(
        &self,
        output: &[f32],
        h: &[f32],
        target: u32,
        decisions: &[Decision],
    ) -> f64 {
        let dim = h.len();
        let score = |row: u32| -> f64 {
            let r = &output[row as usize * dim..(row as usize + 1) * dim];
            r.iter().zip(h).map(|(a, b)| *a as f64 * *b as f64).sum()
        };
        match self {
            OutputModel::Softmax { vocab_size } => {
                let scores: Vec<f64> = (0..*vocab_size as u32).map(score).collect();
                let max = scores.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                let lse = max + scores.iter().map(|u| (u - max).exp()).sum::<f64>().ln();
                lse - scores[target as usize]
            }
            _ => decisions
                .iter()
                .map(|d| {
                    let u = score(d.row);
                    let signed = if d.label > 0.5 { u } else { -u };
                    (1.0 + (-signed).exp()).ln()
                })
                .sum(),
        }
    }
}

/// Softmax over all `vocab_size` scores v'_j·h, into `probs` (stable: the maximum is subtracted).
pub fn softmax_probabilities(output: &[f32], h: &[f32], vocab_size: usize, probs: &mut Vec<f32>) {
    let dim = h.len();
    probs.clear();
    probs.extend(
        output
            .chunks_exact(dim)
            .take(vocab_size)
            .map(|row| dot(row, h)),
    );
    let max = probs.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0f32;
    for p in probs.iter_mut() {
        *p = (*p - max).exp();
        sum += *p;
    }
    let inv = 1.0 / sum;
    for p in probs.iter_mut() {
        *p *= inv;
    }
}

/// One logistic decision on output row `row` with the given label; see the module documentation.
#[inline]
fn binary_decision(
    output: &mut [f32],
    h: &[f32],
    row: u32,
    label: f32,
    alpha: f32,
    grad_h: &mut [f32],
    trace: &mut Option<&mut Vec<Decision>>,
) -> f32 {
    let dim = h.len();
    let v = &mut output[row as usize * dim..(row as usize + 1) * dim];
    let u = dot(v, h);
    let f = sigmoid(u);
    if let Some(t) = trace.as_deref_mut() {
        t.push(Decision {
            row,
            label,
            score: u,
            probability: f,
        });
    }
    let g = alpha * (label - f);
    axpy(g, v, grad_h);
    axpy(g, h, v);
    neg_log_sigmoid(if label > 0.5 { u } else { -u })
}
