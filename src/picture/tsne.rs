//! t-SNE: a 2-D picture that keeps each word's nearest neighbours near.
//!
//! Reference: van der Maaten & Hinton, "Visualizing Data using t-SNE" (JMLR 2008), §3 and
//! Algorithm 1 (exact t-SNE, with the early exaggeration and the gains of §3.4). PCA (`pca.rs`)
//! shows the directions of largest variance, which keeps distances between far-apart groups but
//! crowds each group's members; t-SNE gives up the large distances to show the small ones.
//!
//! **Similarities in the input.** For each point i, a Gaussian over the others:
//! p(j|i) = exp(−β_i ‖x_i − x_j‖²) / Σ_{k≠i} exp(−β_i ‖x_i − x_k‖²), with the precision β_i found
//! by bisection so that the distribution's entropy H_i = −Σ_j p(j|i) ln p(j|i) equals ln(perplexity)
//! ("each point has about `perplexity` neighbours"), over its 3·perplexity nearest points (beyond
//! them the Gaussian is negligible). Symmetrised: p_ij = (p(j|i) + p(i|j)) / 2n.
//!
//! **Similarities in the picture.** A Student t with one degree of freedom, whose heavy tail lets
//! moderately far points sit far apart: q_ij = (1 + ‖y_i − y_j‖²)⁻¹ / Z, Z = Σ_{k≠l} (1 + ‖y_k − y_l‖²)⁻¹.
//!
//! **Cost and gradient.** C = KL(P‖Q) = Σ_{i≠j} p_ij ln(p_ij / q_ij). Writing w_ij = (1 + ‖y_i − y_j‖²)⁻¹,
//! C = Σ p_ij ln p_ij − Σ p_ij ln w_ij + ln Z (Σ p_ij = 1), and since ∂w_ij/∂y_i = −2 w_ij² (y_i − y_j),
//!   ∂C/∂y_i = 4 Σ_j (p_ij − q_ij) w_ij (y_i − y_j)
//! (the p term pulls neighbours together, the q term pushes everything apart). The test below
//! checks it against finite differences of C.
//!
//! **Optimisation** (Algorithm 1): gradient descent with momentum (0.5, then 0.8 after 250
//! iterations), a learning rate that grows with n (Belkina et al. 2019), per-coordinate gains (+0.2 when the gradient changes sign, ×0.8 otherwise), and
//! p multiplied by 12 for the first 250 iterations (early exaggeration: groups form first, then
//! settle). Exact t-SNE costs n² per iteration, so the page runs it on its most frequent words
//! only (`LAYOUT_POINTS` in www/core/protocol.js). Every random choice (the starting picture) comes from the seed, and the
//! only transcendental functions go through `detmath`, so the same seed gives the same picture
//! natively and in WebAssembly.

use crate::detmath;
use crate::rng::Rng;

/// Iterations with exaggerated p, and the exaggeration.
const EXAGGERATION_ITERATIONS: usize = 250;
const EXAGGERATION: f64 = 12.0;
/// The learning rate, η = max(n / exaggeration, 50) (Belkina et al. 2019): the original 200 is
/// too large for the few hundred words of a lesson and leaves points stranded far from their group.
fn learning_rate(n: usize) -> f64 {
    (n as f64 / EXAGGERATION).max(50.0)
}
const MIN_GAIN: f64 = 0.01;

/// Input similarities P (n × n, symmetric, summing to 1) for `x` (n rows of `dim`).
pub fn input_similarities(x: &[f32], dim: usize, perplexity: f64) -> Vec<f64> {
    let mut p = conditional_similarities(x, dim, perplexity);
    let n = x.len().checked_div(dim).unwrap_or(0);
    // Symmetrise: p_ij = (p(j|i) + p(i|j)) / 2n.
    for i in 0..n {
        for j in i + 1..n {
            let s = (p[i * n + j] + p[j * n + i]) / (2.0 * n as f64);
            p[i * n + j] = s;
            p[j * n + i] = s;
        }
    }
    p
}

/// Row i: p(·|i) over i's ⌈3·perplexity⌉ nearest neighbours, its Gaussian calibrated to
/// `perplexity` by bisection on its precision; zero beyond them, where the Gaussian is negligible
/// (as Barnes-Hut-SNE does, van der Maaten 2014 §4.1: it saves almost all of the `exp`s).
fn conditional_similarities(x: &[f32], dim: usize, perplexity: f64) -> Vec<f64> {
    let n = x.len().checked_div(dim).unwrap_or(0);
    let k = ((3.0 * perplexity).ceil() as usize).clamp(1, n.saturating_sub(1).max(1));
    // A point cannot have more neighbours than it is given.
    let target = detmath::ln(perplexity.min(k as f64).max(1.0));
    let row = |i: usize| &x[i * dim..(i + 1) * dim];
    let mut p = vec![0.0f64; n * n];
    let mut near: Vec<(f64, usize)> = Vec::with_capacity(n);
    let (mut d2, mut q) = (Vec::with_capacity(k), vec![0.0f64; k]);
    for i in 0..n {
        near.clear();
        for j in (0..n).filter(|&j| j != i) {
            let d: f64 = row(i)
                .iter()
                .zip(row(j))
                .map(|(&a, &b)| (a as f64 - b as f64).powi(2))
                .sum();
            near.push((d, j));
        }
        if near.len() > k {
            near.select_nth_unstable_by(k - 1, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            near.truncate(k);
        }
        d2.clear();
        d2.extend(near.iter().map(|&(d, _)| d));
        let q = &mut q[..d2.len()];
        let (mut lo, mut hi, mut beta) = (0.0f64, f64::INFINITY, 1.0f64);
        for _ in 0..64 {
            let entropy = conditional_row(&d2, beta, q);
            if (entropy - target).abs() < 1e-5 {
                break;
            }
            // More precision, fewer effective neighbours, lower entropy.
            if entropy > target {
                lo = beta;
                beta = if hi.is_finite() {
                    (beta + hi) / 2.0
                } else {
                    beta * 2.0
                };
            } else {
                hi = beta;
                beta = (beta + lo) / 2.0;
            }
        }
        for (&(_, j), &v) in near.iter().zip(q.iter()) {
            p[i * n + j] = v;
        }
    }
    p
}

/// A Gaussian of precision `beta` over squared distances `d2`, normalised, into `out`; returns
/// its entropy in nats.
fn conditional_row(d2: &[f64], beta: f64, out: &mut [f64]) -> f64 {
    // Shift by the smallest distance so that the largest term is exp(0): no underflow to 0/0.
    let min = d2.iter().copied().fold(f64::INFINITY, f64::min);
    let mut sum = 0.0;
    for (o, &d) in out.iter_mut().zip(d2) {
        *o = detmath::exp(-beta * (d - min));
        sum += *o;
    }
    let mut entropy = 0.0;
    for o in out.iter_mut() {
        *o /= sum;
        if *o > 0.0 {
            entropy -= *o * detmath::ln(*o);
        }
    }
    entropy
}

/// The kernel w_ij = (1 + ‖y_i − y_j‖²)⁻¹ of every pair i < j (upper triangle, row by row) and Z.
fn kernel(y: &[f64], w: &mut Vec<f64>) -> f64 {
    let n = y.len() / 2;
    w.clear();
    let mut z = 0.0;
    for i in 0..n {
        for j in i + 1..n {
            let (dx, dy) = (y[2 * i] - y[2 * j], y[2 * i + 1] - y[2 * j + 1]);
            let wij = 1.0 / (1.0 + dx * dx + dy * dy);
            w.push(wij);
            z += 2.0 * wij;
        }
    }
    z
}

/// ∂C/∂y (n × 2) for similarities `p` scaled by `exaggeration`, into `grad`; `w` is scratch.
/// Each pair is visited once: its force acts on both points, in opposite directions.
fn gradient(p: &[f64], y: &[f64], exaggeration: f64, w: &mut Vec<f64>, grad: &mut [f64]) {
    let n = y.len() / 2;
    let z = kernel(y, w);
    grad.iter_mut().for_each(|g| *g = 0.0);
    let mut k = 0;
    for i in 0..n {
        for j in i + 1..n {
            let wij = w[k];
            k += 1;
            let f = 4.0 * (exaggeration * p[i * n + j] - wij / z) * wij;
            let (fx, fy) = (f * (y[2 * i] - y[2 * j]), f * (y[2 * i + 1] - y[2 * j + 1]));
            grad[2 * i] += fx;
            grad[2 * i + 1] += fy;
            grad[2 * j] -= fx;
            grad[2 * j + 1] -= fy;
        }
    }
}

/// The cost KL(P‖Q) of a picture `y` for similarities `p` (scaled by `exaggeration`).
pub fn cost(p: &[f64], y: &[f64], exaggeration: f64) -> f64 {
    let n = y.len() / 2;
    let mut w = Vec::new();
    let z = kernel(y, &mut w);
    let mut cost = 0.0;
    let mut k = 0;
    for i in 0..n {
        for j in i + 1..n {
            let pij = exaggeration * p[i * n + j];
            let qij = w[k] / z;
            k += 1;
            if pij > 0.0 {
                // Both (i, j) and (j, i).
                cost += 2.0 * pij * detmath::ln(pij / qij.max(f64::MIN_POSITIVE));
            }
        }
    }
    cost
}

/// The cost and its gradient ∂C/∂y (n × 2).
pub fn cost_and_gradient(p: &[f64], y: &[f64], exaggeration: f64) -> (f64, Vec<f64>) {
    let mut grad = vec![0.0; y.len()];
    gradient(p, y, exaggeration, &mut Vec::new(), &mut grad);
    (cost(p, y, exaggeration), grad)
}

/// A t-SNE picture being optimised: the input similarities, the points and the optimiser's state.
#[derive(Debug, Clone)]
pub struct Tsne {
    p: Vec<f64>,
    y: Vec<f64>,
    update: Vec<f64>,
    gains: Vec<f64>,
    iteration: usize,
    perplexity: f64,
    /// Scratch: the pair kernel and the gradient.
    w: Vec<f64>,
    grad: Vec<f64>,
}

impl Tsne {
    /// Points from a small Gaussian (σ = 10⁻⁴) drawn from `seed`, for the rows of `x`.
    pub fn new(x: &[f32], dim: usize, perplexity: f64, seed: u64) -> Tsne {
        let n = x.len().checked_div(dim).unwrap_or(0);
        let mut rng = Rng::new(seed);
        // Box–Muller from two uniforms in (0, 1].
        let mut gaussian = || {
            let u = 1.0 - rng.unit_f32() as f64;
            let v = rng.unit_f32() as f64;
            (-2.0 * detmath::ln(u)).sqrt()
                * (std::f64::consts::TAU * v - std::f64::consts::PI)
                    .sin_cos()
                    .1
        };
        let y = (0..2 * n).map(|_| 1e-4 * gaussian()).collect();
        Tsne {
            p: input_similarities(x, dim, perplexity),
            y,
            update: vec![0.0; 2 * n],
            gains: vec![1.0; 2 * n],
            iteration: 0,
            perplexity,
            w: Vec::with_capacity(n * n.saturating_sub(1) / 2),
            grad: vec![0.0; 2 * n],
        }
    }

    /// New input vectors for the same points (the model trained on): P is recomputed, the
    /// picture and the optimiser carry on from where they are, so the picture moves, not jumps.
    pub fn set_input(&mut self, x: &[f32], dim: usize) {
        assert_eq!(x.len() / dim.max(1), self.len(), "same points");
        self.p = input_similarities(x, dim, self.perplexity);
    }

    pub fn len(&self) -> usize {
        self.y.len() / 2
    }

    pub fn is_empty(&self) -> bool {
        self.y.is_empty()
    }

    /// Iterations run so far.
    pub fn iteration(&self) -> usize {
        self.iteration
    }

    /// The cost KL(P‖Q) of the picture now (without exaggeration).
    pub fn cost(&self) -> f64 {
        cost(&self.p, &self.y, 1.0)
    }

    /// One step of gradient descent.
    pub fn step(&mut self) {
        let early = self.iteration < EXAGGERATION_ITERATIONS;
        let exaggeration = if early { EXAGGERATION } else { 1.0 };
        let momentum = if early { 0.5 } else { 0.8 };
        let eta = learning_rate(self.len());
        gradient(&self.p, &self.y, exaggeration, &mut self.w, &mut self.grad);
        for (k, &g) in self.grad.iter().enumerate() {
            // Grow the gain where the gradient reverses the last update's direction.
            self.gains[k] = if (g > 0.0) != (self.update[k] > 0.0) {
                self.gains[k] + 0.2
            } else {
                (self.gains[k] * 0.8).max(MIN_GAIN)
            };
            self.update[k] = momentum * self.update[k] - eta * self.gains[k] * g;
            self.y[k] += self.update[k];
        }
        // Keep the picture centred (the cost does not see translations).
        let n = self.len().max(1) as f64;
        for axis in 0..2 {
            let mean = self.y.iter().skip(axis).step_by(2).sum::<f64>() / n;
            self.y
                .iter_mut()
                .skip(axis)
                .step_by(2)
                .for_each(|v| *v -= mean);
        }
        self.iteration += 1;
    }

    /// The picture, row-major n × 2.
    pub fn coords(&self) -> Vec<f32> {
        self.y.iter().map(|&v| v as f32).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `groups` tight clusters of `per` points in `dim` dimensions, far apart.
    fn clusters(groups: usize, per: usize, dim: usize) -> Vec<f32> {
        let mut rng = Rng::new(3);
        let mut x = Vec::new();
        for g in 0..groups {
            for _ in 0..per {
                for d in 0..dim {
                    let centre = if d % groups == g { 10.0 } else { 0.0 };
                    x.push(centre + rng.unit_f32() - 0.5);
                }
            }
        }
        x
    }

    #[test]
    fn each_row_is_calibrated_to_the_perplexity_and_p_is_a_symmetric_distribution() {
        let (n, dim) = (60, 5);
        let x = clusters(3, n / 3, dim);
        // Every row has entropy ln(10): about ten neighbours each.
        let conditional = conditional_similarities(&x, dim, 10.0);
        for row in conditional.chunks_exact(n) {
            let sum: f64 = row.iter().sum();
            let entropy: f64 = -row
                .iter()
                .filter(|&&q| q > 0.0)
                .map(|&q| q * q.ln())
                .sum::<f64>();
            assert!(
                (sum - 1.0).abs() < 1e-9 && (entropy - 10f64.ln()).abs() < 1e-4,
                "{sum} {entropy}"
            );
        }
        let p = input_similarities(&x, dim, 10.0);
        let total: f64 = p.iter().sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
        for i in 0..n {
            assert_eq!(p[i * n + i], 0.0);
            for j in 0..n {
                assert_eq!(p[i * n + j], p[j * n + i]);
            }
        }
    }

    #[test]
    fn the_gradient_matches_finite_differences_of_the_cost() {
        let x = clusters(2, 8, 4);
        let p = input_similarities(&x, 4, 5.0);
        let mut rng = Rng::new(9);
        let y: Vec<f64> = (0..32).map(|_| rng.unit_f32() as f64 * 4.0 - 2.0).collect();
        let (_, grad) = cost_and_gradient(&p, &y, 1.0);
        let h = 1e-6;
        for k in 0..y.len() {
            let (mut plus, mut minus) = (y.clone(), y.clone());
            plus[k] += h;
            minus[k] -= h;
            let numeric = (cost_and_gradient(&p, &plus, 1.0).0
                - cost_and_gradient(&p, &minus, 1.0).0)
                / (2.0 * h);
            assert!(
                (numeric - grad[k]).abs() < 1e-6 * (1.0 + numeric.abs()),
                "coordinate {k}: numeric {numeric}, analytic {}",
                grad[k]
            );
        }
    }

    #[test]
    fn separated_groups_come_out_separated_and_the_cost_falls() {
        let (groups, per) = (3, 15);
        let x = clusters(groups, per, 6);
        let mut t = Tsne::new(&x, 6, 10.0, 1);
        let first = t.cost();
        for _ in 0..400 {
            t.step();
        }
        let last = t.cost();
        assert!(last < first / 2.0, "cost {first} → {last}");
        // Every point's nearest neighbour in the picture is from its own group.
        let y = t.coords();
        let mut wrong = vec![];
        for i in 0..groups * per {
            let nearest = (0..groups * per)
                .filter(|&j| j != i)
                .min_by(|&a, &b| {
                    let d = |j: usize| {
                        (y[2 * i] - y[2 * j]).powi(2) + (y[2 * i + 1] - y[2 * j + 1]).powi(2)
                    };
                    d(a).total_cmp(&d(b))
                })
                .unwrap();
            if nearest / per != i / per {
                wrong.push((i, nearest));
            }
        }
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn the_same_seed_gives_the_same_picture_and_new_input_moves_it_smoothly() {
        let x = clusters(2, 10, 4);
        let run = |seed| {
            let mut t = Tsne::new(&x, 4, 5.0, seed);
            (0..50).for_each(|_| {
                t.step();
            });
            t
        };
        let (a, b) = (run(5), run(5));
        assert_eq!(a.coords(), b.coords());
        assert_ne!(a.coords(), run(6).coords());
        // The same input again: P is the same, the picture goes on from where it was.
        let mut c = a.clone();
        c.set_input(&x, 4);
        c.step();
        let mut d = a.clone();
        d.step();
        assert_eq!(c.coords(), d.coords());
        assert_eq!(c.iteration(), 51);
    }
}
