//! The inner loops: dot product, axpy, and the logistic sigmoid.
//!
//! Every training path spends its time in `dot` (a score v'·h) and `axpy` (y += a·x), over rows of
//! length `dim`. They are written with eight independent accumulators: floating-point addition is
//! not associative, so the compiler will not split one running sum into vector lanes by itself,
//! but it does map eight explicit lanes onto SIMD registers (SSE/AVX natively, simd128 in wasm).
//! The summation order is fixed by this code, so results are bit-identical on every target.

use crate::detmath::exp_f32;

const LANES: usize = 8;

/// Σ a_i·b_i, summed in eight interleaved lanes and then pairwise.
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    debug_assert_eq!(a.len(), b.len());
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0.0f32; LANES];
    let mut ca = a.chunks_exact(LANES);
    let mut cb = b.chunks_exact(LANES);
    for (x, y) in (&mut ca).zip(&mut cb) {
        for l in 0..LANES {
            acc[l] += x[l] * y[l];
        }
    }
    for (l, (x, y)) in ca.remainder().iter().zip(cb.remainder()).enumerate() {
        acc[l] += x * y;
    }
    ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]))
}

/// y += a·x.
#[inline]
pub fn axpy(a: f32, x: &[f32], y: &mut [f32]) {
    debug_assert_eq!(x.len(), y.len());
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += a * xi;
    }
}

/// x *= a.
#[inline]
pub fn scale(a: f32, x: &mut [f32]) {
    for xi in x {
        *xi *= a;
    }
}

/// Scores are clamped to ±`SCORE_CLAMP` before the sigmoid: σ(16) = 1 − 1.1e-7, so nothing is
/// lost in f32, and σ stays strictly inside (0, 1), so losses stay finite.
pub const SCORE_CLAMP: f32 = 16.0;

/// The exact logistic function σ(x) = 1 / (1 + e^−x), on the clamped score.
/// (word2vec.c uses a 1000-entry table over [−6, 6] and skips updates outside it.)
#[inline]
pub fn sigmoid(x: f32) -> f32 {
    let x = x.clamp(-SCORE_CLAMP, SCORE_CLAMP);
    1.0 / (1.0 + exp_f32(-x))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_matches_a_plain_f64_sum() {
        for n in [0, 1, 3, 8, 13, 100, 301] {
            let a: Vec<f32> = (0..n).map(|i| ((i * 7 % 11) as f32 - 5.0) * 0.1).collect();
            let b: Vec<f32> = (0..n).map(|i| ((i * 3 % 13) as f32 - 6.0) * 0.05).collect();
            let exact: f64 = a.iter().zip(&b).map(|(x, y)| *x as f64 * *y as f64).sum();
            assert!((dot(&a, &b) as f64 - exact).abs() < 1e-4, "n = {n}");
        }
    }

    #[test]
    fn axpy_and_scale() {
        let mut y = vec![1.0, 2.0, 3.0];
        axpy(2.0, &[1.0, 0.5, -1.0], &mut y);
        assert_eq!(y, [3.0, 3.0, 1.0]);
        scale(0.5, &mut y);
        assert_eq!(y, [1.5, 1.5, 0.5]);
    }

    #[test]
    fn sigmoid_is_exact_and_saturates_without_overflow() {
        for x in [-100.0f32, -16.0, -3.0, -0.5, 0.0, 0.5, 3.0, 16.0, 100.0] {
            let s = sigmoid(x) as f64;
            let xc = x.clamp(-SCORE_CLAMP, SCORE_CLAMP) as f64;
            let reference = 1.0 / (1.0 + (-xc).exp());
            assert!((s - reference).abs() < 1e-7, "x = {x}");
            assert!(
                s > 0.0 && s < 1.0,
                "x = {x}: clamping keeps σ inside (0, 1)"
            );
        }
        assert_eq!(sigmoid(0.0), 0.5);
    }
}
