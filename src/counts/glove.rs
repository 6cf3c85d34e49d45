//! GloVe: word vectors fitted to the logarithm of the global co-occurrence counts (Pennington,
//! Socher & Manning 2014).
//!
//! Each word i has a vector w_i and a bias b_i, and as a context a second vector w̃_i and bias
//! b̃_i. Over every pair that occurs (X_ij > 0, [`crate::counts::cooccurrence`] with 1/distance
//! weights), GloVe minimises the weighted least squares
//!
//!   J = Σ_ij f(X_ij) · (w_iᵀ w̃_j + b_i + b̃_j − ln X_ij)²,   f(x) = min(1, (x / x_max)^α)
//!
//! so that a dot product predicts how often two words meet; f keeps rare pairs (noisy) from
//! counting much and caps frequent ones (x_max = 100, α = 0.75 as in the paper). With
//! e = f(X_ij) · (w_iᵀ w̃_j + b_i + b̃_j − ln X_ij), the gradients of ½ J's term are
//!
//!   ∂/∂w_i = e · w̃_j,   ∂/∂w̃_j = e · w_i,   ∂/∂b_i = ∂/∂b̃_j = e,
//!
//! (checked against finite differences in the tests), applied by AdaGrad as GloVe's own code
//! (glove.c) applies it: with g′ = η · g, each parameter's step is g′ / √(1 + Σ g′²) over the
//! steps it has had, so frequent words' parameters slow down. The learning rate is inside the sum
//! too, so a parameter that has had many steps moves by about g / √Σg², whatever η: on 2.1 million
//! English tokens (`benches/glove_reference.py`) this fitted the counts as well in 100 epochs as
//! mittens' full-batch AdaGrad in 300 steps, where η · g / √(1 + Σ g²) was still far behind.
//! The pairs are visited in a new random order every epoch; the vectors are W + W̃, as GloVe's
//! own code writes by default.

use crate::corpus::Corpus;
use crate::counts::cooccurrence::{Cooccurrence, Weighting};
use crate::error::{Error, Result};
use crate::query::KeyedVectors;
use crate::rng::Rng;

/// GloVe's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct GloveConfig {
    pub dim: usize,
    pub window: usize,
    /// Counts at or above x_max weigh 1.
    pub x_max: f64,
    /// α in f(x) = (x / x_max)^α.
    pub alpha: f64,
    /// η, AdaGrad's learning rate.
    pub eta: f64,
    pub epochs: usize,
    pub seed: u64,
    /// The most distinct pairs the counts may keep.
    pub max_pairs: usize,
}

impl Default for GloveConfig {
    fn default() -> Self {
        GloveConfig {
            dim: 100,
            window: 10,
            x_max: 100.0,
            alpha: 0.75,
            eta: 0.05,
            epochs: 25,
            seed: 1,
            max_pairs: 50_000_000,
        }
    }
}

/// The weighting f(x) of a count x.
pub fn weight(x: f64, x_max: f64, alpha: f64) -> f64 {
    if x < x_max {
        (x / x_max).powf(alpha)
    } else {
        1.0
    }
}

/// The parameters being fitted: W and W̃ (n × dim each), the biases, and AdaGrad's sums of
/// squared steps (g′ = η · g) for each.
#[derive(Debug, Clone)]
pub struct Glove {
    pub dim: usize,
    pub w: Vec<f64>,
    pub context: Vec<f64>,
    pub bias: Vec<f64>,
    pub context_bias: Vec<f64>,
    squares: [Vec<f64>; 4],
}

impl Glove {
    /// Small random vectors (uniform in ±0.5/dim, as GloVe starts) and zero biases.
    pub fn new(n: usize, dim: usize, seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let mut random = |len: usize| {
            (0..len)
                .map(|_| (rng.unit_f32() as f64 - 0.5) / dim as f64)
                .collect::<Vec<_>>()
        };
        Glove {
            dim,
            w: random(n * dim),
            context: random(n * dim),
            bias: vec![0.0; n],
            context_bias: vec![0.0; n],
            squares: [
                vec![1.0; n * dim],
                vec![1.0; n * dim],
                vec![1.0; n],
                vec![1.0; n],
            ],
        }
    }

    /// e = f(X_ij) · (w_iᵀ w̃_j + b_i + b̃_j − ln X_ij) for one pair, and its term ½ f · diff² of J/2.
    pub fn error(&self, i: usize, j: usize, x: f64, x_max: f64, alpha: f64) -> (f64, f64) {
        let d = self.dim;
        let dot: f64 = (0..d)
            .map(|k| self.w[i * d + k] * self.context[j * d + k])
            .sum();
        let diff = dot + self.bias[i] + self.context_bias[j] - x.ln();
        let f = weight(x, x_max, alpha);
        (f * diff, 0.5 * f * diff * diff)
    }

    /// ½ J over `pairs`.
    pub fn loss(&self, pairs: &[(u32, u32, f64)], x_max: f64, alpha: f64) -> f64 {
        pairs
            .iter()
            .map(|&(i, j, x)| self.error(i as usize, j as usize, x, x_max, alpha).1)
            .sum()
    }

    /// One AdaGrad step on one pair; returns its term of ½ J before the step.
    pub fn step(&mut self, i: usize, j: usize, x: f64, config: &GloveConfig) -> f64 {
        let (e, cost) = self.error(i, j, x, config.x_max, config.alpha);
        let d = self.dim;
        let [sq_w, sq_c, sq_b, sq_cb] = &mut self.squares;
        // g′ = η · g for every parameter: e carries η from here on.
        let e = config.eta * e;
        for k in 0..d {
            let (wi, cj) = (self.w[i * d + k], self.context[j * d + k]);
            let (gw, gc) = (e * cj, e * wi);
            self.w[i * d + k] -= gw / sq_w[i * d + k].sqrt();
            self.context[j * d + k] -= gc / sq_c[j * d + k].sqrt();
            sq_w[i * d + k] += gw * gw;
            sq_c[j * d + k] += gc * gc;
        }
        self.bias[i] -= e / sq_b[i].sqrt();
        self.context_bias[j] -= e / sq_cb[j].sqrt();
        sq_b[i] += e * e;
        sq_cb[j] += e * e;
        cost
    }

    /// One epoch over `pairs` in a random order; the mean of ½ f · diff² over the pairs.
    pub fn epoch(
        &mut self,
        pairs: &mut [(u32, u32, f64)],
        config: &GloveConfig,
        rng: &mut Rng,
    ) -> f64 {
        for i in (1..pairs.len()).rev() {
            pairs.swap(i, rng.below(i as u32 + 1) as usize);
        }
        let total: f64 = pairs
            .iter()
            .map(|&(i, j, x)| self.step(i as usize, j as usize, x, config))
            .sum();
        total / pairs.len().max(1) as f64
    }
}

/// GloVe vectors (W + W̃) for every word of `corpus`; `on_epoch` hears each epoch's mean cost.
pub fn glove_vectors(
    corpus: &Corpus,
    config: &GloveConfig,
    mut on_epoch: impl FnMut(usize, f64),
) -> Result<KeyedVectors> {
    if config.dim == 0 {
        return Err(Error::config("dim", "must be at least 1"));
    }
    if config.x_max.is_nan() || config.x_max <= 0.0 {
        return Err(Error::config(
            "x_max",
            format!("must be above 0, not {}", config.x_max),
        ));
    }
    let counts = Cooccurrence::count(corpus, config.window, Weighting::Harmonic, config.max_pairs)?;
    let mut pairs = counts.entries;
    let n = counts.n;
    let mut model = Glove::new(n, config.dim, config.seed);
    let mut rng = Rng::stream(config.seed, 1);
    for e in 0..config.epochs {
        let cost = model.epoch(&mut pairs, config, &mut rng);
        on_epoch(e, cost);
    }
    let vectors = model
        .w
        .iter()
        .zip(&model.context)
        .map(|(a, b)| (a + b) as f32)
        .collect();
    Ok(KeyedVectors::new(
        corpus.vocab.words().to_vec(),
        config.dim,
        vectors,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weighting_caps_at_x_max() {
        assert_eq!(weight(100.0, 100.0, 0.75), 1.0);
        assert_eq!(weight(1000.0, 100.0, 0.75), 1.0);
        assert!((weight(10.0, 100.0, 0.75) - 0.1f64.powf(0.75)).abs() < 1e-15);
    }

    /// The gradients the step applies, against central differences of ½ J.
    #[test]
    fn the_gradient_matches_finite_differences() {
        let pairs = [(0u32, 1u32, 3.0), (1, 0, 3.0), (0, 2, 150.0), (2, 1, 0.5)];
        let model = Glove::new(3, 4, 9);
        let (x_max, alpha, h) = (100.0, 0.75, 1e-6);
        // ∂(½ J)/∂θ analytically: Σ over the pairs that use θ.
        let mut grad_w = [0.0; 12];
        let mut grad_bias = [0.0; 3];
        for &(i, j, x) in &pairs {
            let (e, _) = model.error(i as usize, j as usize, x, x_max, alpha);
            for k in 0..4 {
                grad_w[i as usize * 4 + k] += e * model.context[j as usize * 4 + k];
            }
            grad_bias[i as usize] += e;
        }
        for (p, &analytic) in grad_w.iter().enumerate() {
            let (mut up, mut down) = (model.clone(), model.clone());
            up.w[p] += h;
            down.w[p] -= h;
            let numeric =
                (up.loss(&pairs, x_max, alpha) - down.loss(&pairs, x_max, alpha)) / (2.0 * h);
            assert!(
                (numeric - analytic).abs() < 1e-6,
                "w[{p}]: {numeric} vs {analytic}"
            );
        }
        for (b, &analytic) in grad_bias.iter().enumerate() {
            let (mut up, mut down) = (model.clone(), model.clone());
            up.bias[b] += h;
            down.bias[b] -= h;
            let numeric =
                (up.loss(&pairs, x_max, alpha) - down.loss(&pairs, x_max, alpha)) / (2.0 * h);
            assert!(
                (numeric - analytic).abs() < 1e-6,
                "b[{b}]: {numeric} vs {analytic}"
            );
        }
    }

    #[test]
    fn the_cost_falls_and_words_with_the_same_company_come_out_close() {
        let c = crate::counts::drinks_and_foods();
        let mut costs = vec![];
        let config = GloveConfig {
            dim: 10,
            window: 3,
            epochs: 50,
            ..GloveConfig::default()
        };
        let kv = glove_vectors(&c, &config, |_, cost| costs.push(cost)).unwrap();
        assert!(
            costs[49] < costs[0] / 10.0,
            "cost {} → {}",
            costs[0],
            costs[49]
        );
        let same = kv.similarity("tea", "coffee").unwrap();
        let other = kv.similarity("tea", "bread").unwrap();
        assert!(same > other + 0.2, "tea~coffee {same}, tea~bread {other}");
        let again = glove_vectors(&c, &config, |_, _| {}).unwrap();
        assert_eq!(
            kv.vectors(),
            again.vectors(),
            "the same seed gives the same vectors"
        );
    }
}
