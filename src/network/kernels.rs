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

/// WebAssembly SIMD: four 4-lane registers hold the sixteen lane sums. In the tail chunk, lanes
/// past the end multiply −0.0 by +0.0, and adding the resulting −0.0 leaves every sum exactly as
/// it was (signed zeros included); the reduction happens in registers, in the reference order.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod lanes {
    use std::arch::wasm32::*;

    /// Four floats from `s` at `i..i + 4`, with −0.0 (`pad`) past the end of `s`.
    #[inline]
    fn load4(s: &[f32], i: usize, pad: f32) -> v128 {
        if i + 4 <= s.len() {
            // SAFETY: simd128 is enabled at compile time; i + 4 ≤ len; v128_load allows
            // unaligned addresses.
            unsafe { v128_load(s.as_ptr().add(i) as *const v128) }
        } else {
            let at = |k: usize| s.get(i + k).copied().unwrap_or(pad);
            f32x4(at(0), at(1), at(2), at(3))
        }
    }

    #[inline]
    pub fn dot(a: &[f32], b: &[f32]) -> f32 {
        let n = a.len().min(b.len());
        let (a, b) = (&a[..n], &b[..n]);
        let full = n - n % 16;
        let zero = f32x4_splat(0.0);
        let (mut r0, mut r1, mut r2, mut r3) = (zero, zero, zero, zero);
        let (pa, pb) = (a.as_ptr(), b.as_ptr());
        let mut c = 0;
        while c < full {
            // SAFETY: simd128 is enabled at compile time; c + 16 ≤ full ≤ n, so the four loads
            // read inside both slices; v128_load allows unaligned addresses.
            let mul = |k: usize| unsafe {
                f32x4_mul(
                    v128_load(pa.add(c + k) as *const v128),
                    v128_load(pb.add(c + k) as *const v128),
                )
            };
            r0 = f32x4_add(r0, mul(0));
            r1 = f32x4_add(r1, mul(4));
            r2 = f32x4_add(r2, mul(8));
            r3 = f32x4_add(r3, mul(12));
            c += 16;
        }
        if full < n {
            let mul = |k: usize| f32x4_mul(load4(a, full + k, -0.0), load4(b, full + k, 0.0));
            r0 = f32x4_add(r0, mul(0));
            r1 = f32x4_add(r1, mul(4));
            r2 = f32x4_add(r2, mul(8));
            r3 = f32x4_add(r3, mul(12));
        }
        // 16 → 8 → 4 → 2 → 1, as `super::reduce`: lane l += lane l + width.
        let s4 = f32x4_add(f32x4_add(r0, r2), f32x4_add(r1, r3));
        let s2 = f32x4_add(s4, i32x4_shuffle::<2, 3, 2, 3>(s4, s4));
        f32x4_extract_lane::<0>(s2) + f32x4_extract_lane::<1>(s2)
    }
}

/// Elsewhere: sixteen scalar lane sums, then the tail and the reduction as in the reference.
#[cfg(not(any(
    all(target_arch = "x86_64", target_feature = "avx"),
    all(target_arch = "wasm32", target_feature = "simd128")
)))]
mod lanes {
    #[inline]
    pub fn dot(a: &[f32], b: &[f32]) -> f32 {
        let n = a.len();
        let full = n - n % 16;
        let mut acc = [0.0f32; 16];
        for (x, y) in a[..full].chunks_exact(16).zip(b[..full].chunks_exact(16)) {
            for l in 0..16 {
                acc[l] += x[l] * y[l];
            }
        }
        for (l, (x, y)) in a[full..].iter().zip(&b[full..]).enumerate() {
            acc[l] += x * y;
        }
        super::reduce(acc)
    }
}

/// y += a·x.
#[inline]
pub fn axpy(a: f32, x: &[f32], y: &mut [f32]) {
    assert_eq!(x.len(), y.len());
    let done = simd::axpy(a, x, y);
    for (yi, xi) in y[done..].iter_mut().zip(&x[done..]) {
        *yi += a * xi;
    }
}

/// The two updates of one output row in one pass: `grad_h += g·v` (with v as it was), then
/// `v += g·h`. Element by element this is exactly `axpy(g, v, grad_h); axpy(g, h, v)`, reading v
/// once instead of twice.
#[inline]
pub fn update_row(g: f32, h: &[f32], v: &mut [f32], grad_h: &mut [f32]) {
    assert!(h.len() == v.len() && v.len() == grad_h.len());
    let done = simd::update_row(g, h, v, grad_h);
    for ((vi, gi), hi) in v[done..]
        .iter_mut()
        .zip(&mut grad_h[done..])
        .zip(&h[done..])
    {
        let old = *vi;
        *gi += g * old;
        *vi = old + g * hi;
    }
}

/// Explicit WebAssembly SIMD for the element-wise kernels, four lanes at a time. Each lane does
/// the scalar code's operations in the same order (a multiply, then an add; no fused
/// multiply-add), so the results are bit-identical to the scalar loop. Natively the compiler
/// vectorises the scalar loops by itself; in WebAssembly it does not reliably. Each function
/// returns how many leading elements it handled; the caller does the rest.
mod simd {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    use std::arch::wasm32::*;

    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline]
    pub fn axpy(a: f32, x: &[f32], y: &mut [f32]) -> usize {
        let full = x.len().min(y.len()) / 4 * 4;
        let av = f32x4_splat(a);
        for i in (0..full).step_by(4) {
            // SAFETY: simd128 is enabled at compile time; i + 4 ≤ full ≤ both lengths; v128
            // loads and stores allow unaligned addresses.
            unsafe {
                let px = x.as_ptr().add(i) as *const v128;
                let py = y.as_mut_ptr().add(i) as *mut v128;
                v128_store(py, f32x4_add(v128_load(py), f32x4_mul(av, v128_load(px))));
            }
        }
        full
    }

    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline]
    pub fn update_row(g: f32, h: &[f32], v: &mut [f32], grad_h: &mut [f32]) -> usize {
        let full = h.len().min(v.len()).min(grad_h.len()) / 4 * 4;
        let gv = f32x4_splat(g);
        for i in (0..full).step_by(4) {
            // SAFETY: as in `axpy`: i + 4 ≤ full ≤ every length.
            unsafe {
                let pv = v.as_mut_ptr().add(i) as *mut v128;
                let pg = grad_h.as_mut_ptr().add(i) as *mut v128;
                let old = v128_load(pv);
                v128_store(pg, f32x4_add(v128_load(pg), f32x4_mul(gv, old)));
                let ph = h.as_ptr().add(i) as *const v128;
                v128_store(pv, f32x4_add(old, f32x4_mul(gv, v128_load(ph))));
            }
        }
        full
    }

    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    #[inline]
    pub fn axpy(_: f32, _: &[f32], _: &mut [f32]) -> usize {
        0
    }

    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    #[inline]
    pub fn update_row(_: f32, _: &[f32], _: &mut [f32], _: &mut [f32]) -> usize {
        0
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
    // Comparisons rather than `clamp`, which WebAssembly compiles to calls of fminf / fmaxf (its
    // own min and max treat NaN differently from Rust's). NaN stays NaN either way.
    #[allow(clippy::manual_clamp)]
    let x = if x < -SCORE_CLAMP {
        -SCORE_CLAMP
    } else if x > SCORE_CLAMP {
        SCORE_CLAMP
    } else {
        x
    };
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
