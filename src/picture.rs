//! What the plot shows of a set of word vectors, kept from one picture to the next.
//!
//! The page redraws the vectors many times a second while they train. Two things are carried
//! from one picture to the next so that it moves smoothly instead of jumping:
//! - the 2-D PCA of the unit vectors ([`crate::pca`]), warm-started from the previous axes (an
//!   axis can otherwise flip sign between two nearly identical fits); for a large vocabulary the
//!   axes are fitted on the [`PCA_FIT_ROWS`] most frequent words, since the covariance costs
//!   rows × dim², and every word is then projected on them;
//! - the spherical k-means groups ([`crate::cluster`]) used for colouring, warm-started from
//!   the previous centres so that a group keeps its number (and its colour).
//!
//! Used by both browser bindings: for a model being trained and for imported vectors.
//!
//! The folder holds what the picture is made with: the projections ([`pca`], [`tsne`], custom
//! [`axes`]), the colour groups ([`cluster`]) and the fixed axes the training history is replayed
//! on ([`history`]).

pub mod axes;
pub mod cluster;
pub mod history;
pub mod pca;
pub mod tsne;

use crate::cluster::{spherical_kmeans, Clustering};
use crate::pca::{project, Projection};
use crate::query::KeyedVectors;

/// Rows the PCA is fitted on (the most frequent words).
pub const PCA_FIT_ROWS: usize = 2_000;

/// k-means iterations per picture (warm-started, so a few are enough once training settles).
const KMEANS_ITERATIONS: usize = 20;

/// The projection and the groups of the last picture.
#[derive(Debug, Default)]
pub struct Picture {
    projection: Option<Projection>,
    clustering: Option<Clustering>,
}

impl Picture {
    /// 2-D coordinates of every word's unit vector, row-major |V| × 2 (so distances on the plot
    /// follow cosine).
    pub fn project(&mut self, kv: &KeyedVectors) -> Vec<f32> {
        let dim = kv.dim();
        let unit = kv.unit_vectors();
        let fit_on = &unit[..unit.len().min(PCA_FIT_ROWS * dim)];
        let p = project(fit_on, dim, 2, self.projection.as_ref());
        let coords = if fit_on.len() == unit.len() {
            p.coords.clone()
        } else {
            p.transform(unit, dim)
        };
        self.projection = Some(p);
        coords
    }

    /// Fraction of the variance along each axis of the last projection.
    pub fn explained(&self) -> Vec<f64> {
        self.projection
            .as_ref()
            .map(|p| p.explained.clone())
            .unwrap_or_default()
    }

    /// The group (0..k) of every word, by spherical k-means seeded with `seed`.
    pub fn clusters(&mut self, kv: &KeyedVectors, k: usize, seed: u64) -> Vec<u32> {
        let c = spherical_kmeans(
            kv.unit_vectors(),
            kv.dim(),
            k,
            seed,
            KMEANS_ITERATIONS,
            self.clustering.as_ref(),
        );
        let labels = c.labels.clone();
        self.clustering = Some(c);
        labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vectors(rows: usize, dim: usize, seed: u32) -> KeyedVectors {
        let words = (0..rows).map(|i| format!("w{i}")).collect();
        let v = (0..rows * dim)
            .map(|i| ((i as u32).wrapping_mul(2_654_435_761) ^ seed) as f32 / u32::MAX as f32 - 0.5)
            .collect();
        KeyedVectors::new(words, dim, v)
    }

    #[test]
    fn a_warm_start_keeps_the_picture_and_the_groups_of_the_same_vectors() {
        let kv = vectors(300, 8, 7);
        let mut picture = Picture::default();
        let first = picture.project(&kv);
        let groups = picture.clusters(&kv, 4, 1);
        assert_eq!(first.len(), 600);
        assert_eq!(picture.explained().len(), 2);
        // The second fit starts from the first one's axes: the same picture, no axis flipped.
        let again = picture.project(&kv);
        let moved = first.iter().zip(&again).map(|(a, b)| (a - b).abs());
        assert!(moved.fold(0.0f32, f32::max) < 1e-3);
        assert_eq!(picture.clusters(&kv, 4, 1), groups);
        assert!(groups.iter().all(|&g| g < 4));
    }

    #[test]
    fn large_vocabularies_are_fitted_on_the_first_rows_and_all_projected() {
        let kv = vectors(PCA_FIT_ROWS + 50, 4, 3);
        let coords = Picture::default().project(&kv);
        assert_eq!(coords.len(), 2 * kv.len());
        assert!(coords.iter().all(|x| x.is_finite()));
    }
}
