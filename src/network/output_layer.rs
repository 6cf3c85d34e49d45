//! The three output layers, as one operation: "given the hidden vector h, make `target` more likely".
//!
//! This is the only place that knows how a prediction is scored, so CBOW and skip-gram (which
//! differ only in how they build h and where its gradient goes, see `train/stream.rs`) share it and no
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
//! ∂E/∂h = Σ e·v'_r. One SGD step with rate α is done in two phases:
//!
//! ```text
//! 1. u_d = v'_{r_d} · h for every decision d, then p_d (σ(u_d), or softmax(u)_d)
//! 2. g_d = α·(label_d − p_d);  grad_h += g_d · v'_{r_d};  v'_{r_d} += g_d · h
//! ```
//!
//! so every update uses the weights as they were before the step: the step is exactly −α times
//! the gradient of this prediction's loss (word2vec.c interleaves the two phases per decision,
//! which differs only when a noise word is drawn twice). Scoring every row first also lets the
//! memory loads of the k + 1 rows overlap, which is most of the time spent here.
//!
//! `grad_h` collects −α·∂E/∂h; the caller applies it to the input rows that made h. The return
//! value is the *likelihood* p(target | h) = exp(−E): the caller sums logarithms lazily (see
//! `train/loss.rs`), so no logarithm is taken per decision.

use crate::detmath::exp_f32;
use crate::huffman::HuffmanTree;
use crate::kernels::{dot, sigmoid, update_row};
use crate::noise::NoiseSampler;
use crate::rng::Rng;
use crate::rows::RowAccess;

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

    /// The `n` rows of W′ that predictions use most (all of them for full softmax): the most
    /// frequent words (lowest ids), or the heaviest inner nodes of the Huffman tree (the highest
    /// node numbers, the root last).
    pub fn hot_rows(&self, n: usize) -> std::ops::Range<usize> {
        let rows = self.rows();
        match self {
            OutputModel::Softmax { .. } => 0..rows,
            OutputModel::Negative { .. } => 0..n.min(rows),
            OutputModel::Hierarchical { .. } => rows - n.min(rows)..rows,
        }
    }

    /// One SGD step towards predicting `target` from `h`; see the module documentation.
    /// Updates rows of `output` (W′), adds −α·∂E/∂h to `grad_h`, and returns the likelihood
    /// exp(−E) before the step. When `trace` is given, every decision is recorded in it.
    #[allow(clippy::too_many_arguments)]
    pub fn learn<R: RowAccess>(
        &self,
        output: &mut R,
        h: &[f32],
        target: u32,
        alpha: f32,
        grad_h: &mut [f32],
        rng: &mut Rng,
        scratch: &mut Scratch,
        trace: Option<&mut Vec<Decision>>,
    ) -> f64 {
        let Scratch {
            rows,
            labels,
            probs,
        } = scratch;
        rows.clear();
        labels.clear();
        // Which rows this prediction scores, with their labels.
        match self {
            OutputModel::Softmax { vocab_size } => {
                rows.extend(0..*vocab_size as u32);
                labels.extend((0..*vocab_size as u32).map(|j| (j == target) as u8 as f32));
            }
            OutputModel::Negative { sampler, k } => {
                rows.push(target);
                labels.push(1.0);
                for _ in 0..*k {
                    let noise = sampler.sample(rng);
                    if noise != target {
                        // As word2vec.c: the target is never its own negative.
                        rows.push(noise);
                        labels.push(0.0);
                    }
                }
            }
            OutputModel::Hierarchical { tree } => {
                rows.extend_from_slice(tree.path(target));
                labels.extend(tree.code(target).iter().map(|&c| 1.0 - c as f32));
            }
        }
        // Phase 1: scores and probabilities, before any update.
        probs.clear();
        probs.extend(rows.iter().map(|&r| dot(output.row(r), h)));
        if let Some(t) = trace {
            let scores = probs.clone();
            self.probabilities(probs);
            t.extend(
                rows.iter()
                    .zip(labels.iter())
                    .zip(scores.iter().zip(probs.iter()))
                    .map(|((&row, &label), (&score, &probability))| Decision {
                        row,
                        label,
                        score,
                        probability,
                    }),
            );
        } else {
            self.probabilities(probs);
        }
        let likelihood = match self {
            OutputModel::Softmax { .. } => probs[target as usize] as f64,
            _ => labels
                .iter()
                .zip(probs.iter())
                .map(|(&l, &p)| if l > 0.5 { p as f64 } else { 1.0 - p as f64 })
                .product(),
        }
        // A probability that underflowed to 0 would make the loss infinite: cap the loss near 85.
        .max(1e-37);
        // Phase 2: the gradient step.
        for ((&r, &label), &p) in rows.iter().zip(labels.iter()).zip(probs.iter()) {
            let g = alpha * (label - p);
            update_row(g, h, output.row_mut(r), grad_h);
        }
        likelihood
    }

    /// Turn scores into probabilities in place: softmax over all of them, or σ of each.
    fn probabilities(&self, scores: &mut [f32]) {
        match self {
            OutputModel::Softmax { .. } => softmax_in_place(scores),
            _ => scores.iter_mut().for_each(|u| *u = sigmoid(*u)),
        }
    }

    /// p(w | h) for every word w, from the current weights (no update): what the model predicts
    /// for a blank whose context made h (the "fill in the blank" view).
    /// - full softmax: softmax(W′h);
    /// - hierarchical softmax: the product of the branch probabilities along each word's path,
    ///   exactly the p(w | h) the tree defines (it sums to 1 over the leaves);
    /// - negative sampling defines no distribution (each σ(u_w) is a separate yes/no); the
    ///   softmax of its scores u_w = v′_w·h is used, which ranks words the same way.
    pub fn distribution(&self, output: &[f32], h: &[f32]) -> Vec<f32> {
        let dim = h.len();
        let score = |row: u32| dot(&output[row as usize * dim..(row as usize + 1) * dim], h);
        match self {
            OutputModel::Softmax { .. } | OutputModel::Negative { .. } => {
                let mut p: Vec<f32> = (0..self.words() as u32).map(score).collect();
                softmax_in_place(&mut p);
                p
            }
            OutputModel::Hierarchical { tree } => (0..tree.num_words() as u32)
                .map(|w| {
                    tree.path(w)
                        .iter()
                        .zip(tree.code(w))
                        .map(|(&node, &bit)| {
                            let u = score(node);
                            sigmoid(if bit == 0 { u } else { -u })
                        })
                        .product()
                })
                .collect(),
        }
    }

    /// Words in the vocabulary.
    fn words(&self) -> usize {
        match self {
            OutputModel::Softmax { vocab_size } => *vocab_size,
            OutputModel::Negative { sampler, .. } => sampler.probabilities().len(),
            OutputModel::Hierarchical { tree } => tree.num_words(),
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

    /// A recorded prediction's decisions scored again from other weights and another h (the
    /// "after the step" column of the training-step view): the same rows and labels, u = v′_row·h
    /// and p as a prediction computes them (`probabilities`): softmax over the rows for full
    /// softmax (a softmax prediction's decisions hold every row), σ(u) for the binary layers.
    pub fn rescore(&self, output: &[f32], h: &[f32], decisions: &[Decision]) -> Vec<Decision> {
        let dim = h.len();
        let mut p: Vec<f32> = decisions
            .iter()
            .map(|d| dot(&output[d.row as usize * dim..(d.row as usize + 1) * dim], h))
            .collect();
        let scores = p.clone();
        self.probabilities(&mut p);
        decisions
            .iter()
            .zip(scores.iter().zip(&p))
            .map(|(d, (&score, &probability))| Decision {
                score,
                probability,
                ..*d
            })
            .collect()
    }
}

/// Buffers reused between predictions: the rows scored, their labels, their probabilities.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    rows: Vec<u32>,
    labels: Vec<f32>,
    probs: Vec<f32>,
}

/// Softmax in place, stable (the maximum is subtracted before exponentiating).
pub fn softmax_in_place(scores: &mut [f32]) {
    let max = scores.iter().cloned().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0f32;
    for p in scores.iter_mut() {
        *p = exp_f32(*p - max);
        sum += *p;
    }
    let inv = 1.0 / sum;
    scores.iter_mut().for_each(|p| *p *= inv);
}
