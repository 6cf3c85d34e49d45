//! Word vectors from shifted positive PMI and a truncated SVD (Levy & Goldberg 2014; Levy,
//! Goldberg & Dagan 2015).
//!
//! From the co-occurrence counts #(w, c) ([`crate::counts::cooccurrence`]), with D = Σ #(w, c):
//!
//!   PMI(w, c) = ln [ P(w, c) / (P(w) · P_α(c)) ] = ln [ #(w, c) · Σ_c' #(c')^α / (#(w) · #(c)^α) ]
//!
//! where P_α(c) = #(c)^α / Σ_c' #(c')^α is the context distribution smoothed by α = 0.75, the
//! power word2vec's noise distribution uses (tutorial §4): rare contexts get less inflated PMI.
//! Skip-gram with k negative samples implicitly factorises PMI − ln k (Levy & Goldberg 2014), so
//! the matrix kept is SPPMI(w, c) = max(PMI(w, c) − ln k, 0), sparse since pairs that never occur
//! have PMI = −∞. Its truncated SVD U Σ Vᵀ ([`crate::counts::svd`]) gives each word the vector
//! U_w Σ^p: p = 1 is the plain factorisation, p = 0.5 (the default) or 0 weigh the top
//! directions less, which Levy et al. found better on similarity tasks.

use crate::corpus::Corpus;
use crate::counts::cooccurrence::{Cooccurrence, Weighting};
use crate::counts::svd::truncated_svd;
use crate::error::{Error, Result};
use crate::query::KeyedVectors;

/// The settings of PPMI + SVD vectors.
#[derive(Debug, Clone, PartialEq)]
pub struct PpmiConfig {
    /// Dimensions kept from the SVD.
    pub dim: usize,
    /// Context words on each side.
    pub window: usize,
    pub weighting: Weighting,
    /// k: PMI is shifted by ln k (k = 1: no shift).
    pub shift: f64,
    /// α of the context distribution smoothing (1: none).
    pub smoothing: f64,
    /// p in U Σ^p.
    pub power: f64,
    /// Passes of subspace iteration.
    pub iterations: usize,
    pub seed: u64,
    /// The most distinct pairs the counts may keep.
    pub max_pairs: usize,
}

impl Default for PpmiConfig {
    fn default() -> Self {
        PpmiConfig {
            dim: 100,
            window: 5,
            weighting: Weighting::Linear,
            shift: 1.0,
            smoothing: 0.75,
            power: 0.5,
            iterations: 5,
            seed: 1,
            max_pairs: 50_000_000,
        }
    }
}

/// The SPPMI matrix of `counts` as sparse (word, context, value) entries, only the positive ones.
pub fn sppmi(counts: &Cooccurrence, shift: f64, smoothing: f64) -> Vec<(u32, u32, f64)> {
    let sums = counts.row_sums();
    let smoothed: Vec<f64> = sums.iter().map(|&s| s.powf(smoothing)).collect();
    let total_smoothed: f64 = smoothed.iter().sum();
    let ln_k = shift.ln();
    counts
        .entries
        .iter()
        .filter_map(|&(w, c, x)| {
            let pmi = (x * total_smoothed / (sums[w as usize] * smoothed[c as usize])).ln() - ln_k;
            (pmi > 0.0).then_some((w, c, pmi))
        })
        .collect()
}

/// PPMI + SVD vectors for every word of `corpus`.
pub fn ppmi_vectors(corpus: &Corpus, config: &PpmiConfig) -> Result<KeyedVectors> {
    if config.dim == 0 {
        return Err(Error::config("dim", "must be at least 1"));
    }
    if config.shift < 1.0 || !config.shift.is_finite() {
        return Err(Error::config(
            "shift",
            format!("must be at least 1 (k of ln k), not {}", config.shift),
        ));
    }
    let counts = Cooccurrence::count(corpus, config.window, config.weighting, config.max_pairs)?;
    let m = sppmi(&counts, config.shift, config.smoothing);
    let n = counts.n;
    let (sigma, u) = truncated_svd(&m, n, config.dim.min(n), config.iterations, config.seed);
    let d = sigma.len();
    let mut vectors = vec![0.0f32; n * config.dim];
    for w in 0..n {
        for k in 0..d {
            vectors[w * config.dim + k] = (u[w * d + k] * sigma[k].powf(config.power)) as f32;
        }
    }
    Ok(KeyedVectors::new(
        corpus.vocab.words().to_vec(),
        config.dim,
        vectors,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TokenizerOptions;

    /// One value by hand: a b, window 1, uniform weights, no smoothing, no shift. #(a, b) =
    /// #(b, a) = 1, #(a) = #(b) = 1, D = 2: PMI = ln(1 · 2 / (1 · 1)) = ln 2.
    #[test]
    fn pmi_by_hand() {
        let c = Corpus::from_text("a b\n", TokenizerOptions::default(), 1).unwrap();
        let counts = Cooccurrence::count(&c, 1, Weighting::Uniform, 10).unwrap();
        let m = sppmi(&counts, 1.0, 1.0);
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|&(_, _, v)| (v - 2f64.ln()).abs() < 1e-12));
        // Shifted by ln 2: nothing stays positive.
        assert!(sppmi(&counts, 2.0, 1.0).is_empty());
    }

    /// Words that share their contexts get close vectors; words that do not, less so.
    #[test]
    fn words_with_the_same_company_come_out_close() {
        let c = crate::counts::drinks_and_foods();
        let config = PpmiConfig {
            dim: 4,
            window: 2,
            ..PpmiConfig::default()
        };
        let kv = ppmi_vectors(&c, &config).unwrap();
        let same = kv.similarity("tea", "coffee").unwrap();
        let other = kv.similarity("tea", "bread").unwrap();
        assert!(
            same > 0.9 && same > other + 0.3,
            "tea~coffee {same}, tea~bread {other}"
        );
        let again = ppmi_vectors(&c, &config).unwrap();
        assert_eq!(
            kv.vectors(),
            again.vectors(),
            "the same seed gives the same vectors"
        );
        let e = ppmi_vectors(
            &c,
            &PpmiConfig {
                shift: 0.5,
                ..PpmiConfig::default()
            },
        )
        .unwrap_err();
        assert!(e.to_string().contains("shift"), "{e}");
    }
}
