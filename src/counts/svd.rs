//! Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson & Tropp
//! 2011, algorithms 4.4 and 5.1), in plain Rust: no BLAS, no dense n × n matrix.
//!
//! For an n × n matrix M and a rank d, with l = d + OVERSAMPLE columns:
//! 1. Q = orth(M Ω) for a random n × l matrix Ω: Q's columns span roughly M's top d directions;
//! 2. `iterations` times, Q = orth(M orth(Mᵀ Q)): each pass multiplies the share of the top
//!    singular directions by (σ_i / σ_l)², so the span converges to them;
//! 3. B = Qᵀ M (l × n) is small: the eigendecomposition of B Bᵀ = V Λ Vᵀ (l × l, by Jacobi
//!    rotations, [`symmetric_eigen`]) gives B's singular values σ_i = √λ_i and left singular
//!    vectors V, so M ≈ (Q V) Σ (…)ᵀ and U = Q V.
//!
//! The slow reference is [`symmetric_eigen`] on the dense MᵀM (its eigenvalues are σ²): the tests
//! check the fast path against it.

use crate::rng::Rng;

/// Extra columns beyond the rank asked for, which make the top d converge faster.
pub const OVERSAMPLE: usize = 10;

/// A sparse matrix as (row, column, value) entries.
pub type Entries = [(u32, u32, f64)];

/// y = M x for an n × n M and x of n × l columns, row-major (x[i * l + j]).
fn multiply(m: &Entries, x: &[f64], l: usize, transpose: bool, n: usize) -> Vec<f64> {
    let mut y = vec![0.0; n * l];
    for &(r, c, v) in m {
        let (to, from) = if transpose {
            (c as usize, r as usize)
        } else {
            (r as usize, c as usize)
        };
        for j in 0..l {
            y[to * l + j] += v * x[from * l + j];
        }
    }
    y
}

/// Gram–Schmidt (twice, for stability) on the l columns of the row-major n × l matrix `a`.
fn orthonormalise(a: &mut [f64], n: usize, l: usize) {
    for _ in 0..2 {
        for j in 0..l {
            for k in 0..j {
                let dot: f64 = (0..n).map(|i| a[i * l + j] * a[i * l + k]).sum();
                for i in 0..n {
                    a[i * l + j] -= dot * a[i * l + k];
                }
            }
            let norm = (0..n)
                .map(|i| a[i * l + j] * a[i * l + j])
                .sum::<f64>()
                .sqrt();
            if norm > 1e-300 {
                (0..n).for_each(|i| a[i * l + j] /= norm);
            }
        }
    }
}

/// Eigenvalues (largest first) and eigenvectors (columns of the row-major k × k result) of a
/// symmetric k × k matrix, by cyclic Jacobi rotations until the off-diagonal part vanishes.
pub fn symmetric_eigen(a: &[f64], k: usize) -> (Vec<f64>, Vec<f64>) {
    let mut a = a.to_vec();
    let mut v = vec![0.0; k * k];
    (0..k).for_each(|i| v[i * k + i] = 1.0);
    for _sweep in 0..100 {
        let off: f64 = (0..k)
            .flat_map(|i| (0..k).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * k + j].powi(2))
            .sum();
        let scale: f64 = (0..k)
            .map(|i| a[i * k + i].powi(2))
            .sum::<f64>()
            .max(1e-300);
        if off <= 1e-30 * scale {
            break;
        }
        for p in 0..k {
            for q in p + 1..k {
                let apq = a[p * k + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                // The rotation that zeroes a[p][q] (Golub & Van Loan, algorithm 8.4.1).
                let theta = (a[q * k + q] - a[p * k + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let (c, s) = (1.0 / (t * t + 1.0).sqrt(), t / (t * t + 1.0).sqrt());
                for r in 0..k {
                    let (arp, arq) = (a[r * k + p], a[r * k + q]);
                    a[r * k + p] = c * arp - s * arq;
                    a[r * k + q] = s * arp + c * arq;
                }
                for r in 0..k {
                    let (apr, aqr) = (a[p * k + r], a[q * k + r]);
                    a[p * k + r] = c * apr - s * aqr;
                    a[q * k + r] = s * apr + c * aqr;
                }
                for r in 0..k {
                    let (vrp, vrq) = (v[r * k + p], v[r * k + q]);
                    v[r * k + p] = c * vrp - s * vrq;
                    v[r * k + q] = s * vrp + c * vrq;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&i, &j| a[j * k + j].total_cmp(&a[i * k + i]));
    let values = order.iter().map(|&i| a[i * k + i]).collect();
    let mut vectors = vec![0.0; k * k];
    for (col, &i) in order.iter().enumerate() {
        for r in 0..k {
            vectors[r * k + col] = v[r * k + i];
        }
    }
    (values, vectors)
}

/// The top `d` singular values of the n × n sparse `m` (largest first) and its left singular
/// vectors U (row-major n × d), after `iterations` passes of subspace iteration from `seed`.
pub fn truncated_svd(
    m: &Entries,
    n: usize,
    d: usize,
    iterations: usize,
    seed: u64,
) -> (Vec<f64>, Vec<f64>) {
    let l = (d + OVERSAMPLE).min(n);
    let mut rng = Rng::new(seed);
    let omega: Vec<f64> = (0..n * l).map(|_| rng.unit_f32() as f64 - 0.5).collect();
    let mut q = multiply(m, &omega, l, false, n);
    orthonormalise(&mut q, n, l);
    for _ in 0..iterations {
        let mut z = multiply(m, &q, l, true, n);
        orthonormalise(&mut z, n, l);
        q = multiply(m, &z, l, false, n);
        orthonormalise(&mut q, n, l);
    }
    // Bᵀ = Mᵀ Q (n × l); B Bᵀ = (Mᵀ Q)ᵀ (Mᵀ Q) (l × l).
    let bt = multiply(m, &q, l, true, n);
    let mut bbt = vec![0.0; l * l];
    for i in 0..l {
        for j in i..l {
            let x: f64 = (0..n).map(|r| bt[r * l + i] * bt[r * l + j]).sum();
            bbt[i * l + j] = x;
            bbt[j * l + i] = x;
        }
    }
    let (lambda, v) = symmetric_eigen(&bbt, l);
    let d = d.min(l);
    let sigma = lambda[..d].iter().map(|&x| x.max(0.0).sqrt()).collect();
    let mut u = vec![0.0; n * d];
    for r in 0..n {
        for c in 0..d {
            u[r * d + c] = (0..l).map(|j| q[r * l + j] * v[j * l + c]).sum();
        }
    }
    (sigma, u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jacobi_finds_the_eigenpairs_of_a_small_matrix() {
        // [[2, 1], [1, 2]]: eigenvalues 3 and 1, eigenvectors (1, 1)/√2 and (1, −1)/√2.
        let (values, vectors) = symmetric_eigen(&[2.0, 1.0, 1.0, 2.0], 2);
        assert!((values[0] - 3.0).abs() < 1e-12 && (values[1] - 1.0).abs() < 1e-12);
        assert!((vectors[0].abs() - 0.5f64.sqrt()).abs() < 1e-12);
        assert!((vectors[0] - vectors[2]).abs() < 1e-12, "(1, 1) direction");
    }

    /// The randomized SVD of a sparse 40 × 40 matrix against the dense eigendecomposition of
    /// MᵀM: the same top singular values, and U's columns orthonormal with M Mᵀ u = σ² u. (The
    /// singular vectors converge more slowly than the values, by (σ_{i+1}/σ_i)^{2q} for q passes:
    /// 20 passes here, to check them to 10⁻⁶.)
    #[test]
    fn randomized_svd_matches_the_dense_eigendecomposition() {
        let n = 40;
        let mut rng = Rng::new(7);
        let mut entries = vec![];
        for r in 0..n as u32 {
            for c in 0..n as u32 {
                if rng.below(4) == 0 {
                    entries.push((r, c, rng.unit_f32() as f64 * 3.0));
                }
            }
        }
        let mut mtm = vec![0.0; n * n];
        let dense = {
            let mut d = vec![0.0; n * n];
            for &(r, c, v) in &entries {
                d[r as usize * n + c as usize] = v;
            }
            d
        };
        for i in 0..n {
            for j in 0..n {
                mtm[i * n + j] = (0..n).map(|r| dense[r * n + i] * dense[r * n + j]).sum();
            }
        }
        let (reference, _) = symmetric_eigen(&mtm, n);
        let d = 5;
        let (sigma, u) = truncated_svd(&entries, n, d, 20, 1);
        for i in 0..d {
            let expected = reference[i].sqrt();
            assert!(
                (sigma[i] - expected).abs() < 1e-6 * expected,
                "σ_{i}: {} vs {expected}",
                sigma[i]
            );
        }
        for a in 0..d {
            for b in 0..d {
                let dot: f64 = (0..n).map(|r| u[r * d + a] * u[r * d + b]).sum();
                assert!((dot - if a == b { 1.0 } else { 0.0 }).abs() < 1e-9);
            }
            // M Mᵀ u = σ² u.
            let mt_u: Vec<f64> = (0..n)
                .map(|c| (0..n).map(|r| dense[r * n + c] * u[r * d + a]).sum())
                .collect();
            for r in 0..n {
                let mmt_u: f64 = (0..n).map(|c| dense[r * n + c] * mt_u[c]).sum();
                let residual = (mmt_u - sigma[a] * sigma[a] * u[r * d + a]).abs();
                let s2 = sigma[a] * sigma[a];
                assert!(
                    residual < 1e-6 * s2,
                    "u_{a}[{r}]: residual {residual}, σ² {s2}"
                );
            }
        }
    }
}
