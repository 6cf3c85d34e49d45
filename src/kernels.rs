//! The inner loops: dot product, axpy, and the logistic sigmoid.
//!
//! Every training path spends its time in `dot` (a score v'·h) and `axpy` (y += a·x), over rows of
//! length `dim`.
//!
//! `dot` is defined as one fixed computation so that every build gives the same bits: sixteen
//! lane sums are accumulated (lane l sums the products at positions l, l + 16, l + 32, …, in
//! order, with separate multiply and add, never an FMA), then the lanes are reduced pairwise,
//! 16 → 8 → 4 → 2 → 1. Floating-point addition is not associative, so the compiler cannot invent
//! this order itself; the lane sums over whole 16-float chunks are written with SIMD intrinsics
//! (two AVX registers natively, four simd128 registers in WebAssembly, sixteen scalars
//! elsewhere), with identical results (tested against the scalar reference below).
//! `axpy` is element-wise and vectorises as plain Rust.

use crate::detmath::exp_f32;

/// Number of lane sums in [`dot`].
pub const LANES: usize = 16;

/// Pairwise reduction of the lane sums: 16 → 8 → 4 → 2 → 1.
#[inline]
fn reduce(mut acc: [f32; LANES]) -> f32 {
    let mut width = LANES / 2;
    while width > 0 {
        for l in 0..width {
            acc[l] += acc[l + width];
        }
        width /= 2;
    }
    acc[0]
}

/// The scalar reference for [`dot`]: the definition every SIMD version must match bit for bit.
pub fn dot_reference(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; LANES];
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        acc[i % LANES] += x * y;
    }
    reduce(acc)
}

/// Σ a_i·b_i in the fixed order of [`dot_reference`].
#[inline]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    debug_assert_eq!(a.len(), b.len());
    let n = a.len().min(b.len());
    lanes::dot(&a[..n], &b[..n])
}

/// AVX: two 8-lane registers hold the sixteen lane sums; the tail chunk is loaded with a mask and
/// blended in so that lanes past the end stay exactly as they were; the reduction happens in
/// registers, in the reference order.
#[cfg(all(target_arch = "x86_64", target_feature = "avx"))]
mod lanes {
    use std::arch::x86_64::*;

    #[inline]
    pub fn dot(a: &[f32], b: &[f32]) -> f32 {
        let n = a.len();
        let full = n - n % 16;
        // SAFETY: AVX is enabled at compile time (cfg above). Unmasked loads read 8 floats inside
        // `a[..full]` / `b[..full]`; masked loads touch only lanes below `n - full`, i.e. inside
        // the slices (masked-off lanes are not accessed and cannot fault).
        unsafe {
            let (pa, pb) = (a.as_ptr(), b.as_ptr());
            let (mut lo, mut hi) = (_mm256_setzero_ps(), _mm256_setzero_ps());
            for c in (0..full).step_by(16) {
                lo = _mm256_add_ps(
                    lo,
                    _mm256_mul_ps(_mm256_loadu_ps(pa.add(c)), _mm256_loadu_ps(pb.add(c))),
                );
                hi = _mm256_add_ps(
                    hi,
                    _mm256_mul_ps(
                        _mm256_loadu_ps(pa.add(c + 8)),
                        _mm256_loadu_ps(pb.add(c + 8)),
                    ),
                );
            }
            let rem = (n - full) as i32;
            if rem > 0 {
                let index = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
                let mask_lo = _mm256_cmpgt_epi32(_mm256_set1_epi32(rem), index);
                let mask_hi = _mm256_cmpgt_epi32(_mm256_set1_epi32(rem - 8), index);
                let (ta, tb) = (pa.add(full), pb.add(full));
                let x_lo = _mm256_mul_ps(
                    _mm256_maskload_ps(ta, mask_lo),
                    _mm256_maskload_ps(tb, mask_lo),
                );
                lo = _mm256_blendv_ps(lo, _mm256_add_ps(lo, x_lo), _mm256_castsi256_ps(mask_lo));
                if rem > 8 {
                    let (ta, tb) = (ta.add(8), tb.add(8));
                    let x_hi = _mm256_mul_ps(
                        _mm256_maskload_ps(ta, mask_hi),
                        _mm256_maskload_ps(tb, mask_hi),
                    );
                    hi =
                        _mm256_blendv_ps(hi, _mm256_add_ps(hi, x_hi), _mm256_castsi256_ps(mask_hi));
                }
            }
            // 16 → 8: lane l += lane l + 8.
            let s8 = _mm256_add_ps(lo, hi);
            // 8 → 4: lane l += lane l + 4.
            let s4 = _mm_add_ps(_mm256_castps256_ps128(s8), _mm256_extractf128_ps(s8, 1));
            // 4 → 2: lanes 0, 1 += lanes 2, 3.
            let s2 = _mm_add_ps(s4, _mm_movehl_ps(s4, s4));
            // 2 → 1.
            _mm_cvtss_f32(_mm_add_ss(s2, _mm_shuffle_ps(s2, s2, 0b01)))
        }
    }
}

/// Elsewhere: the lane sums over whole chunks (SIMD in WebAssembly, scalars otherwise), then the
/// tail and the reduction exactly as in the reference.
#[cfg(not(all(target_arch = "x86_64", target_feature = "avx")))]
mod lanes {
    #[inline]
    pub fn dot(a: &[f32], b: &[f32]) -> f32 {
        let n = a.len();
        let full = n - n % 16;
        let mut acc = sums(&a[..full], &b[..full]);
        for (l, (x, y)) in a[full..].iter().zip(&b[full..]).enumerate() {
            acc[l] += x * y;
        }
        super::reduce(acc)
    }

    /// WebAssembly SIMD: four 4-lane registers.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline]
    fn sums(a: &[f32], b: &[f32]) -> [f32; 16] {
        use std::arch::wasm32::*;
        let mut acc = [f32x4_splat(0.0); 4];
        for (x, y) in a.chunks_exact(16).zip(b.chunks_exact(16)) {
            for (r, reg) in acc.iter_mut().enumerate() {
                // SAFETY: simd128 is enabled at compile time; each load reads 4 floats inside a
                // 16-float chunk; v128_load allows unaligned addresses.
                let (vx, vy) = unsafe {
                    (
                        v128_load(x[4 * r..].as_ptr() as *const v128),
                        v128_load(y[4 * r..].as_ptr() as *const v128),
                    )
                };
                *reg = f32x4_add(*reg, f32x4_mul(vx, vy));
            }
        }
        let mut out = [0.0f32; 16];
        for (r, reg) in acc.iter().enumerate() {
            out[4 * r] = f32x4_extract_lane::<0>(*reg);
            out[4 * r + 1] = f32x4_extract_lane::<1>(*reg);
            out[4 * r + 2] = f32x4_extract_lane::<2>(*reg);
            out[4 * r + 3] = f32x4_extract_lane::<3>(*reg);
        }
        out
    }

    /// Scalar fallback.
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    #[inline]
    fn sums(a: &[f32], b: &[f32]) -> [f32; 16] {
        let mut acc = [0.0f32; 16];
        for (x, y) in a.chunks_exact(16).zip(b.chunks_exact(16)) {
            for l in 0..16 {
                acc[l] += x[l] * y[l];
            }
        }
        acc
    }
}

/// y += a·x.
#[inline]
pub fn axpy(a: f32, x: &[f32], y: &mut [f32]) {
    debug_assert_eq!(x.len(), y.len());
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += a * xi;
    }
}

/// The two updates of one output row in one pass: `grad_h += g·v` (with v as it was), then
/// `v += g·h`. Element by element this is exactly `axpy(g, v, grad_h); axpy(g, h, v)`, reading v
/// once instead of twice.
#[inline]
pub fn update_row(g: f32, h: &[f32], v: &mut [f32], grad_h: &mut [f32]) {
    debug_assert!(h.len() == v.len() && v.len() == grad_h.len());
    for ((vi, gi), hi) in v.iter_mut().zip(grad_h.iter_mut()).zip(h) {
        let old = *vi;
        *gi += g * old;
        *vi = old + g * hi;
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
    fn dot_is_bit_identical_to_the_reference() {
        let mut rng = crate::rng::Rng::new(8);
        for n in 0..70 {
            let a: Vec<f32> = (0..n).map(|_| (rng.unit_f32() - 0.5) * 3.0).collect();
            let b: Vec<f32> = (0..n).map(|_| (rng.unit_f32() - 0.5) * 1e-3).collect();
            assert_eq!(
                dot(&a, &b).to_bits(),
                dot_reference(&a, &b).to_bits(),
                "n = {n}"
            );
        }
    }

    #[test]
    fn update_row_equals_two_axpys() {
        let h = [0.5, -1.0, 2.0];
        let (mut v1, mut g1) = ([1.0, 2.0, 3.0], [0.1, 0.2, 0.3]);
        let (mut v2, mut g2) = (v1, g1);
        update_row(0.25, &h, &mut v1, &mut g1);
        axpy(0.25, &v2.clone(), &mut g2);
        axpy(0.25, &h, &mut v2);
        assert_eq!((v1, g1), (v2, g2));
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
