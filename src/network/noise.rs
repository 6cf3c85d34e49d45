//! The noise distribution for negative sampling, sampled in O(1) by the alias method.
//!
//! Tutorial §4: P_n(w) = f(w)^¾ / Σ_u f(u)^¾. The exponent (`noise_power`) flattens the unigram
//! distribution: a word 100× more frequent than another is drawn only 100^0.75 ≈ 31.6× more often.
//!
//! word2vec.c (`InitUnigramTable`) fills a table of 10^8 ints with word ids in proportion to
//! P_n and draws a random slot. Walker's alias method (Vose's construction) gives exact
//! probabilities with two vocabulary-sized arrays instead: pick a column i uniformly, keep it with
//! probability `keep[i]`, otherwise take `alias[i]`.

use crate::detmath::powf;
use crate::rng::Rng;

/// Vose alias table over word ids.
#[derive(Debug, Clone)]
pub struct NoiseSampler {
    /// Probability of keeping column i, as a 32-bit threshold.
    keep: Vec<u32>,
    alias: Vec<u32>,
    /// P_n(w) for each word (for display and tests).
    probabilities: Vec<f64>,
}

impl NoiseSampler {
    /// Build P_n ∝ count^power. `counts` must not be empty.
    pub fn new(counts: &[u64], power: f64) -> Self {
        let n = counts.len();
        assert!(n > 0, "noise distribution over an empty vocabulary");
        let weights: Vec<f64> = counts.iter().map(|&c| powf(c as f64, power)).collect();
        let total: f64 = weights.iter().sum();
        let probabilities: Vec<f64> = weights.iter().map(|w| w / total).collect();

        // Vose: scale so the mean column height is 1, pair each short column with a tall one.
        let mut height: Vec<f64> = probabilities.iter().map(|p| p * n as f64).collect();
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let mut small: Vec<usize> = Vec::new();
        let mut large: Vec<usize> = Vec::new();
        for (i, &h) in height.iter().enumerate() {
            if h < 1.0 {
                small.push(i)
            } else {
                large.push(i)
            }
        }
        while let (Some(&s), Some(&l)) = (small.last(), large.last()) {
            small.pop();
            alias[s] = l as u32;
            height[l] -= 1.0 - height[s];
            if height[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        // Whatever is left is 1 up to rounding.
        for i in small.into_iter().chain(large) {
            height[i] = 1.0;
        }
        let keep = height
            .iter()
            .map(|&h| {
                if h >= 1.0 {
                    u32::MAX
                } else {
                    (h * 4_294_967_296.0) as u32
                }
            })
            .collect();
        NoiseSampler {
            keep,
            alias,
            probabilities,
        }
    }

    /// Draw one word id. One 32-bit draw: its high part (x·n >> 32) picks the column, its low part
    /// (x·n mod 2^32, uniform given the column) decides between the column and its alias.
    #[inline]
    pub fn sample(&self, rng: &mut Rng) -> u32 {
        let x = rng.next_u32() as u64 * self.keep.len() as u64;
        let column = (x >> 32) as usize;
        if (x as u32) < self.keep[column] || self.keep[column] == u32::MAX {
            column as u32
        } else {
            self.alias[column]
        }
    }

    /// P_n(w) for every word id.
    pub fn probabilities(&self) -> &[f64] {
        &self.probabilities
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tutorial_ratio_100_becomes_31_6() {
        // f(的) = 1%, f(Transformer) = 0.01%: counts 100 : 1.
        let s = NoiseSampler::new(&[100, 1], 0.75);
        let p = s.probabilities();
        assert!((p[0] / p[1] - 31.6227766).abs() < 1e-6);
        // Power 0 is uniform, power 1 is the unigram distribution.
        let u = NoiseSampler::new(&[100, 1], 0.0);
        assert_eq!(u.probabilities(), [0.5, 0.5]);
        let f = NoiseSampler::new(&[100, 1], 1.0);
        assert!((f.probabilities()[0] - 100.0 / 101.0).abs() < 1e-12);
    }

    #[test]
    fn empirical_frequencies_match_count_to_the_power() {
        // Seeded statistical test: a chi-square statistic over 1e6 draws. With 7 degrees of freedom
        // the 99.9% quantile is 24.3; a wrong distribution gives thousands.
        let counts = [5000u64, 1200, 800, 300, 100, 40, 7, 1];
        let sampler = NoiseSampler::new(&counts, 0.75);
        let mut rng = Rng::new(2024);
        let draws = 1_000_000;
        let mut seen = vec![0u64; counts.len()];
        for _ in 0..draws {
            seen[sampler.sample(&mut rng) as usize] += 1;
        }
        let total: f64 = counts.iter().map(|&c| (c as f64).powf(0.75)).sum();
        let chi2: f64 = counts
            .iter()
            .zip(&seen)
            .map(|(&c, &o)| {
                let e = draws as f64 * (c as f64).powf(0.75) / total;
                (o as f64 - e).powi(2) / e
            })
            .sum();
        assert!(chi2 < 24.3, "chi2 = {chi2}, seen = {seen:?}");
    }

    #[test]
    fn one_word_vocabulary() {
        let s = NoiseSampler::new(&[3], 0.75);
        let mut rng = Rng::new(1);
        assert!((0..100).all(|_| s.sample(&mut rng) == 0));
    }
}
