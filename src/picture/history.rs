//! The training history's picture: every snapshot of the vectors on one pair of axes.
//!
//! The live plot refits its PCA for every picture (warm-started, so it moves smoothly), which is
//! right for watching the present but makes two moments of training incomparable: the axes
//! themselves move. To replay training and to draw a word's trail, the page fits the PCA once,
//! on the unit vectors of the latest snapshot (the [`crate::picture::PCA_FIT_ROWS`] most frequent
//! words, as the live plot does), and places every snapshot's unit vectors on those same axes.
//! A word's trail is then its path through one fixed plane. The last snapshot is placed by a PCA
//! of it run to convergence, which the live plot's warm-started PCA of the same vectors approaches,
//! up to the sign of each axis (the page turns the signs to match).

use crate::pca::{project, Projection};
use crate::picture::PCA_FIT_ROWS;
use crate::query::unit_rows;

/// Fixed 2-D axes for the snapshots of one training.
#[derive(Debug, Clone)]
pub struct HistoryAxes {
    projection: Projection,
    dim: usize,
}

impl HistoryAxes {
    /// Fit on the row-major rows × `dim` matrix of the latest snapshot (cold start, run to
    /// convergence: this fit happens once per snapshot recorded, not once per frame).
    pub fn fit(latest: &[f32], dim: usize) -> Self {
        let unit = unit_rows(latest, dim);
        let fit_on = &unit[..unit.len().min(PCA_FIT_ROWS * dim)];
        HistoryAxes {
            projection: project(fit_on, dim, 2, None),
            dim,
        }
    }

    /// Coordinates (row-major rows × 2) of any snapshot's rows (unit-normalised first, as the
    /// live plot places unit vectors so that distances follow cosine).
    pub fn place(&self, rows: &[f32]) -> Vec<f32> {
        self.projection
            .transform(&unit_rows(rows, self.dim), self.dim)
    }

    /// Fraction of the latest snapshot's variance along each axis.
    pub fn explained(&self) -> &[f64] {
        &self.projection.explained
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    fn random(rows: usize, dim: usize, seed: u64) -> Vec<f32> {
        let mut rng = Rng::new(seed);
        (0..rows * dim).map(|_| rng.unit_f32() - 0.5).collect()
    }

    /// The latest snapshot is placed as a cold PCA of it places it; an earlier one on the same
    /// axes, so a word whose vector did not move stays where it was.
    #[test]
    fn every_snapshot_is_placed_on_the_latest_ones_axes() {
        let (rows, dim) = (40, 8);
        let latest = random(rows, dim, 1);
        let axes = HistoryAxes::fit(&latest, dim);
        let cold = project(&unit_rows(&latest, dim), dim, 2, None);
        assert_eq!(axes.place(&latest), cold.coords);
        let mut earlier = random(rows, dim, 2);
        earlier[..dim].copy_from_slice(&latest[..dim]);
        let (then, now) = (axes.place(&earlier), axes.place(&latest));
        assert_eq!(then[..2], now[..2], "an unmoved word keeps its place");
        assert_ne!(then[2..4], now[2..4], "a moved word does not");
        // Scale does not matter: the rows are placed as unit vectors.
        let doubled: Vec<f32> = latest.iter().map(|x| x * 2.0).collect();
        for (a, b) in axes.place(&doubled).iter().zip(&now) {
            assert!((a - b).abs() < 1e-6);
        }
        assert!((axes.explained().iter().sum::<f64>()) <= 1.0 + 1e-9);
    }
}
