//! Principal component analysis: the 2-D (or 3-D) picture of the vectors.
//!
//! The plot shows each word at its coordinates along the top principal components: the
//! directions of largest variance of the (mean-centred) vectors. With X the n × d centred matrix,
//! the components are the top eigenvectors of the covariance C = XᵀX / n, found here by subspace
//! iteration (repeated multiplication by C and Gram–Schmidt), which only needs C (d × d) and is
//! cheap to warm-start.
//!
//! A live plot recomputes the projection many times a second while the vectors move. Eigenvectors
//! are defined only up to sign (and, when eigenvalues are close, up to order), so a naive PCA makes
//! the picture flip. Passing the previous projection starts the iteration from its components and
//! flips each new component to point the same way as the old one, so the picture moves smoothly.
//! A warm start also runs at most [`WARM_ITERATIONS`] steps: when the top eigenvalues are close
//! (random early vectors) convergence is slow, and a live plot simply goes on iterating from one
//! snapshot to the next instead of paying for hundreds of steps each time.

use crate::kernels::axpy;
use crate::rng::Rng;

/// A fitted projection and the projected points.
#[derive(Debug, Clone, PartialEq)]
pub struct Projection {
    /// Number of components (2 or 3).
    pub components: usize,
    /// Points, row-major n × components.
    pub coords: Vec<f32>,
    /// Unit component directions, row-major components × d.
    pub axes: Vec<f64>,
    /// Fraction of the total variance along each component.
    pub explained: Vec<f64>,
    /// Mean of the input rows (length d).
    pub mean: Vec<f64>,
}

const MAX_ITERATIONS: usize = 500;
/// Iterations of a warm-started projection (see the module documentation).
pub const WARM_ITERATIONS: usize = 20;
const TOLERANCE: f64 = 1e-12;

/// Project the n × d row-major `data` onto its top `k` principal components. With `previous`
/// (same d and k), start from its axes and keep their orientation.
pub fn project(data: &[f32], d: usize, k: usize, previous: Option<&Projection>) -> Projection {
    let n = data.len().checked_div(d).unwrap_or(0);
    let k = k.min(d);
    let mut mean = vec![0.0f64; d];
    for row in data.chunks_exact(d.max(1)) {
        for (m, &x) in mean.iter_mut().zip(row) {
            *m += x as f64;
        }
    }
    mean.iter_mut().for_each(|m| *m /= n.max(1) as f64);

    // Covariance, upper triangle then mirrored. Row by row, each line of the triangle is an axpy
    // of the centred row (f32 SIMD, `kernels.rs`: ample precision for a picture, and four times
    // the speed of scalar f64, which matters at 30 projections a second).
    let mut upper = vec![0.0f32; d * d];
    let mut centred = vec![0.0f32; d];
    for row in data.chunks_exact(d.max(1)) {
        for (c, (&x, m)) in centred.iter_mut().zip(row.iter().zip(&mean)) {
            *c = (x as f64 - m) as f32;
        }
        for i in 0..d {
            axpy(
                centred[i],
                &centred[i..],
                &mut upper[i * d + i..(i + 1) * d],
            );
        }
    }
    let mut cov = vec![0.0f64; d * d];
    for i in 0..d {
        for j in i..d {
            let v = upper[i * d + j] as f64 / n.max(1) as f64;
            cov[i * d + j] = v;
            cov[j * d + i] = v;
        }
    }
    let total_variance: f64 = (0..d).map(|i| cov[i * d + i]).sum();

    let warm = previous.filter(|p| p.components == k && p.axes.len() == k * d);
    let mut axes = match warm {
        Some(p) => p.axes.clone(),
        None => {
            let mut rng = Rng::new(0x9ca);
            (0..k * d).map(|_| rng.unit_f32() as f64 - 0.5).collect()
        }
    };
    orthonormalise(&mut axes, d);
    let mut next = vec![0.0f64; k * d];
    let iterations = if warm.is_some() {
        WARM_ITERATIONS
    } else {
        MAX_ITERATIONS
    };
    for _ in 0..iterations {
        for c in 0..k {
            let q = &axes[c * d..(c + 1) * d];
            for i in 0..d {
                next[c * d + i] = cov[i * d..(i + 1) * d]
                    .iter()
                    .zip(q)
                    .map(|(a, b)| a * b)
                    .sum();
            }
        }
        orthonormalise(&mut next, d);
        let change: f64 = (0..k)
            .map(|c| {
                let dotp: f64 = (0..d).map(|i| next[c * d + i] * axes[c * d + i]).sum();
                1.0 - dotp.abs()
            })
            .fold(0.0, f64::max);
        std::mem::swap(&mut axes, &mut next);
        if change < TOLERANCE {
            break;
        }
    }

    // Orientation: agree with the previous axes, or make the largest entry positive.
    for c in 0..k {
        let axis = &mut axes[c * d..(c + 1) * d];
        let flip = match warm {
            Some(p) => {
                let old = &p.axes[c * d..(c + 1) * d];
                axis.iter().zip(old).map(|(a, b)| a * b).sum::<f64>() < 0.0
            }
            None => {
                let big = axis
                    .iter()
                    .cloned()
                    .fold(0.0f64, |m, x| if x.abs() > m.abs() { x } else { m });
                big < 0.0
            }
        };
        if flip {
            axis.iter_mut().for_each(|x| *x = -*x);
        }
    }

    let explained = (0..k)
        .map(|c| {
            let q = &axes[c * d..(c + 1) * d];
            let lambda: f64 = (0..d)
                .map(|i| {
                    q[i] * cov[i * d..(i + 1) * d]
                        .iter()
                        .zip(q)
                        .map(|(a, b)| a * b)
                        .sum::<f64>()
                })
                .sum();
            if total_variance > 0.0 {
                lambda / total_variance
            } else {
                0.0
            }
        })
        .collect();

    let mut p = Projection {
        components: k,
        coords: Vec::new(),
        axes,
        explained,
        mean,
    };
    p.coords = p.transform(data, d);
    p
}

impl Projection {
    /// Coordinates of the n × d row-major `data` along these axes (after subtracting the fitted
    /// mean). Fitting on a sample of the rows and transforming all of them is how the plot keeps
    /// snapshots cheap for large vocabularies.
    pub fn transform(&self, data: &[f32], d: usize) -> Vec<f32> {
        let k = self.components;
        let mut coords = Vec::with_capacity(data.len() / d.max(1) * k);
        for row in data.chunks_exact(d.max(1)) {
            for c in 0..k {
                let q = &self.axes[c * d..(c + 1) * d];
                let v: f64 = row
                    .iter()
                    .zip(&self.mean)
                    .zip(q)
                    .map(|((&x, m), a)| (x as f64 - m) * a)
                    .sum();
                coords.push(v as f32);
            }
        }
        coords
    }
}

/// Gram–Schmidt on the rows of a row-major k × d matrix.
fn orthonormalise(rows: &mut [f64], d: usize) {
    let k = rows.len() / d.max(1);
    for c in 0..k {
        for prev in 0..c {
            let dotp: f64 = (0..d).map(|i| rows[c * d + i] * rows[prev * d + i]).sum();
            for i in 0..d {
                rows[c * d + i] -= dotp * rows[prev * d + i];
            }
        }
        let norm: f64 = rows[c * d..(c + 1) * d]
            .iter()
            .map(|x| x * x)
            .sum::<f64>()
            .sqrt();
        if norm > 1e-300 {
            rows[c * d..(c + 1) * d].iter_mut().for_each(|x| *x /= norm);
        } else {
            // Degenerate (rank-deficient data): any unit vector orthogonal to the others will do.
            rows[c * d..(c + 1) * d].iter_mut().for_each(|x| *x = 0.0);
            rows[c * d + c % d] = 1.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Points stretched along known directions in 4-D.
    fn stretched(rng: &mut Rng, n: usize) -> Vec<f32> {
        let mut data = Vec::new();
        for _ in 0..n {
            let (a, b, c) = (
                rng.unit_f32() - 0.5,
                rng.unit_f32() - 0.5,
                rng.unit_f32() - 0.5,
            );
            // Variances: 10² along (1,1,0,0)/√2, 3² along (0,0,1,0), 0.5² along (1,−1,0,0)/√2.
            let s = std::f32::consts::FRAC_1_SQRT_2;
            data.extend([
                (10.0 * a + 0.5 * c) * s + 5.0,
                (10.0 * a - 0.5 * c) * s - 2.0,
                3.0 * b,
                0.0,
            ]);
        }
        data
    }

    #[test]
    fn finds_the_directions_of_largest_variance() {
        let mut rng = Rng::new(5);
        let data = stretched(&mut rng, 4000);
        let p = project(&data, 4, 2, None);
        let s = std::f64::consts::FRAC_1_SQRT_2;
        let first = &p.axes[0..4];
        assert!((first[0].abs() - s).abs() < 0.01 && (first[1].abs() - s).abs() < 0.01);
        assert!((p.axes[4 + 2].abs() - 1.0).abs() < 0.01);
        // Explained variance: 100 : 9 : 0.25 of the total.
        let total = 100.0 + 9.0 + 0.25;
        assert!(
            (p.explained[0] - 100.0 / total).abs() < 0.02,
            "{:?}",
            p.explained
        );
        assert!((p.explained[1] - 9.0 / total).abs() < 0.02);
        // Coordinates are centred.
        let mean_x: f32 = p.coords.iter().step_by(2).sum::<f32>() / 4000.0;
        assert!(mean_x.abs() < 1e-3);
    }

    #[test]
    fn orientation_follows_the_previous_projection() {
        let mut rng = Rng::new(6);
        let data = stretched(&mut rng, 500);
        let first = project(&data, 4, 3, None);
        // Mirror the data: an unanchored PCA may flip, an anchored one must not.
        let mirrored: Vec<f32> = data.iter().map(|x| -x).collect();
        let again = project(&mirrored, 4, 3, Some(&first));
        for c in 0..3 {
            let dotp: f64 = (0..4)
                .map(|i| first.axes[c * 4 + i] * again.axes[c * 4 + i])
                .sum();
            assert!(dotp > 0.99, "component {c} flipped");
        }
        // So the mirrored points land at mirrored coordinates.
        assert!((again.coords[0] + first.coords[0]).abs() < 1e-3);
    }

    #[test]
    fn degenerate_inputs() {
        // All points equal: no variance, no NaN.
        let p = project(&[1.0; 12], 3, 2, None);
        assert!(p.coords.iter().all(|x| *x == 0.0));
        assert!(p.explained.iter().all(|x| *x == 0.0));
        // One point, and dimension 1 asked for 2 components.
        let p = project(&[2.0], 1, 2, None);
        assert_eq!(p.components, 1);
        assert_eq!(p.coords, [0.0]);
    }

    #[test]
    fn axes_fitted_on_a_sample_project_every_row() {
        // Points near a plane in 5-D: a sample of the rows finds (nearly) the same plane.
        let mut rng = Rng::new(4);
        let mut data = Vec::new();
        for _ in 0..3000 {
            let (a, b) = (rng.unit_f32() - 0.5, 0.3 * (rng.unit_f32() - 0.5));
            let noise = |rng: &mut Rng| 0.01 * (rng.unit_f32() - 0.5);
            data.extend([a, b, a + b + noise(&mut rng), a - b, noise(&mut rng)]);
        }
        let full = project(&data, 5, 2, None);
        let sample = project(&data[..500 * 5], 5, 2, None);
        let coords = sample.transform(&data, 5);
        assert_eq!(coords.len(), 3000 * 2);
        assert_eq!(sample.transform(&data[..500 * 5], 5), sample.coords);
        // Same axes up to sign: |cos| close to 1.
        for c in 0..2 {
            let cos: f64 = (0..5)
                .map(|i| full.axes[c * 5 + i] * sample.axes[c * 5 + i])
                .sum();
            assert!(cos.abs() > 0.99, "axis {c}: {cos}");
        }
    }
}
