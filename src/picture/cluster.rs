//! Spherical k-means: groups of words whose vectors point the same way, for colouring the plot.
//!
//! Reference: Dhillon & Modha (2001), "Concept decompositions for large sparse text data using
//! clustering". Ordinary k-means (Lloyd's algorithm) on unit vectors, with cosine as the
//! similarity, so the groups agree with what the neighbour list says:
//! 1. assign every word to the centroid with the largest cosine;
//! 2. move every centroid to the normalised mean of its words;
//! 3. repeat until no word changes group.
//!
//! Starting centroids are chosen by k-means++ (Arthur & Vassilvitskii 2007) from a seed, with
//! distance 1 − cos. While training, the plot re-clusters many times a second; passing the
//! previous centroids starts from them, so a group keeps its number (and its colour) as the
//! vectors move.

use crate::kernels::dot;
use crate::rng::Rng;

/// Groups and their unit-length centres.
#[derive(Debug, Clone, PartialEq)]
pub struct Clustering {
    /// Group of every row (0..k).
    pub labels: Vec<u32>,
    /// Unit centroids, row-major k × d.
    pub centroids: Vec<f32>,
    /// Lloyd iterations run.
    pub iterations: usize,
}

/// Cluster the rows of the n × d row-major matrix `unit` (rows of length 1, or 0 for a zero
/// vector) into at most `k` groups, running at most `max_iterations` Lloyd steps. `previous`
/// centroids (same k and d) are used as the start instead of k-means++.
pub fn spherical_kmeans(
    unit: &[f32],
    d: usize,
    k: usize,
    seed: u64,
    max_iterations: usize,
    previous: Option<&Clustering>,
) -> Clustering {
    let n = unit.len().checked_div(d).unwrap_or(0);
    let k = k.min(n);
    if k == 0 {
        return Clustering {
            labels: vec![0; n],
            centroids: Vec::new(),
            iterations: 0,
        };
    }
    let row = |i: usize| &unit[i * d..(i + 1) * d];
    let mut centroids = match previous.filter(|p| p.centroids.len() == k * d) {
        Some(p) => p.centroids.clone(),
        None => kmeans_plus_plus(unit, d, k, seed),
    };
    let mut labels = vec![u32::MAX; n];
    let mut iterations = 0;
    while iterations < max_iterations {
        iterations += 1;
        // 1. Assignment.
        let mut changed = false;
        for (i, label) in labels.iter_mut().enumerate() {
            let best = nearest_centroid(&centroids, d, row(i));
            if best != *label {
                *label = best;
                changed = true;
            }
        }
        if !changed {
            break;
        }
        // 2. Update: the normalised sum of the members (an empty group keeps its centroid).
        let mut sums = vec![0.0f32; k * d];
        for (i, &label) in labels.iter().enumerate() {
            let sum = &mut sums[label as usize * d..(label as usize + 1) * d];
            sum.iter_mut().zip(row(i)).for_each(|(s, x)| *s += x);
        }
        for (sum, centroid) in sums.chunks_exact(d).zip(centroids.chunks_exact_mut(d)) {
            let norm = dot(sum, sum).sqrt();
            if norm > 0.0 {
                centroid
                    .iter_mut()
                    .zip(sum)
                    .for_each(|(c, s)| *c = s / norm);
            }
        }
    }
    Clustering {
        labels,
        centroids,
        iterations,
    }
}

fn nearest_centroid(centroids: &[f32], d: usize, x: &[f32]) -> u32 {
    let mut best = (0u32, f32::NEG_INFINITY);
    for (c, centroid) in centroids.chunks_exact(d).enumerate() {
        let s = dot(centroid, x);
        if s > best.1 {
            best = (c as u32, s);
        }
    }
    best.0
}

/// k-means++: the first centre uniformly, each next one with probability proportional to its
/// squared distance (1 − cos)² to the nearest centre chosen so far.
fn kmeans_plus_plus(unit: &[f32], d: usize, k: usize, seed: u64) -> Vec<f32> {
    let n = unit.len() / d;
    let mut rng = Rng::new(seed);
    let mut centroids = Vec::with_capacity(k * d);
    let first = rng.below(n as u32) as usize;
    centroids.extend_from_slice(&unit[first * d..(first + 1) * d]);
    let mut distance = vec![f32::INFINITY; n];
    for _ in 1..k {
        let last = &centroids[centroids.len() - d..];
        for (i, dist) in distance.iter_mut().enumerate() {
            let gap = (1.0 - dot(last, &unit[i * d..(i + 1) * d])).max(0.0);
            *dist = dist.min(gap * gap);
        }
        let total: f32 = distance.iter().sum();
        let next = if total > 0.0 {
            let mut target = rng.unit_f32() * total;
            distance
                .iter()
                .position(|&w| {
                    target -= w;
                    target < 0.0
                })
                .unwrap_or(n - 1)
        } else {
            rng.below(n as u32) as usize
        };
        centroids.extend_from_slice(&unit[next * d..(next + 1) * d]);
    }
    centroids
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `per` unit vectors around each of the given directions, jittered by a seeded Rng.
    fn blobs(directions: &[[f32; 3]], per: usize, seed: u64) -> Vec<f32> {
        let mut rng = Rng::new(seed);
        let mut out = Vec::new();
        for dir in directions {
            for _ in 0..per {
                let mut v: Vec<f32> = dir
                    .iter()
                    .map(|x| x + 0.2 * (rng.unit_f32() - 0.5))
                    .collect();
                let norm = dot(&v, &v).sqrt();
                v.iter_mut().for_each(|x| *x /= norm);
                out.extend(v);
            }
        }
        out
    }

    #[test]
    fn recovers_separated_directions_and_is_deterministic() {
        let dirs = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, -1.0]];
        let data = blobs(&dirs, 30, 5);
        let c = spherical_kmeans(&data, 3, 3, 1, 50, None);
        for blob in c.labels.chunks(30) {
            assert!(blob.iter().all(|&l| l == blob[0]), "{blob:?}");
        }
        let mut firsts: Vec<u32> = c.labels.chunks(30).map(|b| b[0]).collect();
        firsts.sort();
        assert_eq!(firsts, [0, 1, 2]);
        assert_eq!(c, spherical_kmeans(&data, 3, 3, 1, 50, None));
        assert!(c.iterations < 50);
    }

    #[test]
    fn warm_start_keeps_group_numbers() {
        let dirs = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
        let before = spherical_kmeans(&blobs(&dirs, 20, 1), 3, 3, 9, 50, None);
        // The same directions with fresh jitter: every blob keeps its number.
        let after = spherical_kmeans(&blobs(&dirs, 20, 2), 3, 3, 123, 50, Some(&before));
        let firsts = |c: &Clustering| c.labels.chunks(20).map(|b| b[0]).collect::<Vec<_>>();
        assert_eq!(firsts(&before), firsts(&after));
    }

    #[test]
    fn more_groups_than_rows_and_empty_input() {
        let data = blobs(&[[1.0, 0.0, 0.0]], 2, 3);
        let c = spherical_kmeans(&data, 3, 8, 1, 10, None);
        assert_eq!(c.centroids.len(), 2 * 3);
        assert_eq!(c.labels.len(), 2);
        assert!(spherical_kmeans(&[], 3, 4, 1, 10, None).labels.is_empty());
    }
}
