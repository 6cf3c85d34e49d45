//! The Huffman tree behind hierarchical softmax.
//!
//! Tutorial §5; reference: word2vec.c `CreateBinaryTree`; Morin & Bengio (2005), Mikolov et al.
//! (2013b) §2.1. Every word is a leaf; each of the |V| − 1 inner nodes has an output vector. A
//! word's probability is the product of the binary decisions on its path from the root:
//!
//! ```text
//! p(w | h) = Π_d σ((1 − 2·code_d) · v'_{point_d} · h)
//! ```
//!
//! where `code_d` ∈ {0, 1} is the branch taken at depth d and `point_d` the inner node there.
//! Huffman coding puts frequent words near the root, minimising the expected path length
//! Σ_w f(w)·len(w), so a training step costs O(log |V|) instead of O(|V|).
//!
//! Node numbering (as in word2vec.c): leaves are word ids 0..|V|, inner node i is node |V| + i,
//! the root is the last inner node, |V| − 2. `points` hold inner-node indices (0-based).

use crate::ranking;

/// Huffman codes and paths for every word.
#[derive(Debug, Clone, PartialEq)]
pub struct HuffmanTree {
    /// `offsets[w]..offsets[w + 1]` indexes word w's code and points.
    offsets: Vec<u32>,
    codes: Vec<u8>,
    points: Vec<u32>,
    /// Parent of every node (leaves and inner), `u32::MAX` for the root.
    parent: Vec<u32>,
    /// Branch bit from the parent to each node.
    branch: Vec<u8>,
}

impl HuffmanTree {
    /// Build from word counts (any order; ties are broken by word id).
    pub fn new(counts: &[u64]) -> Self {
        let v = counts.len();
        // Two-queue Huffman construction (linear after sorting): leaves in ascending count order,
        // and the inner nodes, created in ascending order of weight.
        let mut leaves: Vec<usize> = ranking::order_by(counts.iter().map(|&c| c as f64))
            .into_iter()
            .map(|id| id as usize)
            .collect();
        leaves.reverse(); // ascending count; among equal counts the higher id comes first
        let total_nodes = (2 * v).saturating_sub(1);
        let mut weight = vec![0u64; total_nodes];
        weight[..v].copy_from_slice(counts);
        let mut parent = vec![u32::MAX; total_nodes];
        let mut branch = vec![0u8; total_nodes];
        let (mut next_leaf, mut next_inner) = (0usize, v);
        for inner in v..total_nodes {
            let mut pick = || {
                let leaf_ok = next_leaf < v;
                let inner_ok = next_inner < inner;
                let take_leaf =
                    leaf_ok && (!inner_ok || weight[leaves[next_leaf]] < weight[next_inner]);
                if take_leaf {
                    next_leaf += 1;
                    leaves[next_leaf - 1]
                } else {
                    next_inner += 1;
                    next_inner - 1
                }
            };
            let (a, b) = (pick(), pick());
            weight[inner] = weight[a] + weight[b];
            parent[a] = inner as u32;
            parent[b] = inner as u32;
            branch[b] = 1;
        }

        let mut offsets = Vec::with_capacity(v + 1);
        let (mut codes, mut points) = (Vec::new(), Vec::new());
        offsets.push(0u32);
        let mut path_codes = Vec::new();
        let mut path_points = Vec::new();
        for w in 0..v {
            path_codes.clear();
            path_points.clear();
            let mut node = w;
            while parent[node] != u32::MAX {
                path_codes.push(branch[node]);
                let p = parent[node] as usize;
                path_points.push((p - v) as u32);
                node = p;
            }
            // Root first.
            codes.extend(path_codes.iter().rev());
            points.extend(path_points.iter().rev());
            offsets.push(codes.len() as u32);
        }
        HuffmanTree {
            offsets,
            codes,
            points,
            parent,
            branch,
        }
    }

    pub fn num_words(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Number of inner nodes (= rows of the output matrix hierarchical softmax needs).
    pub fn num_inner(&self) -> usize {
        self.num_words().saturating_sub(1)
    }

    /// The branch bits from the root to `word`'s leaf.
    pub fn code(&self, word: u32) -> &[u8] {
        let w = word as usize;
        &self.codes[self.offsets[w] as usize..self.offsets[w + 1] as usize]
    }

    /// The inner nodes (0-based) from the root to `word`'s parent, one per code bit.
    pub fn path(&self, word: u32) -> &[u32] {
        let w = word as usize;
        &self.points[self.offsets[w] as usize..self.offsets[w + 1] as usize]
    }

    /// Mean code length weighted by count: the expected number of decisions per prediction.
    pub fn mean_code_length(&self, counts: &[u64]) -> f64 {
        let total: u64 = counts.iter().sum();
        let weighted: u64 = (0..self.num_words())
            .map(|w| counts[w] * self.code(w as u32).len() as u64)
            .sum();
        weighted as f64 / total.max(1) as f64
    }

    /// The tree as the Huffman view draws it, for the word counts it was built from.
    pub fn shape(&self, counts: &[u64]) -> TreeShape {
        TreeShape {
            parents: self
                .parent
                .iter()
                .map(|&p| (p != u32::MAX).then_some(p))
                .collect(),
            branches: self.branch.clone(),
            mean_code_length: self.mean_code_length(counts),
            log2_vocab: (counts.len().max(1) as f64).log2(),
        }
    }
}

/// The whole tree in two arrays (what the page's Huffman view lays out), with its mean code
/// length next to log2 |V|, a balanced tree's depth, to compare it with.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    all(target_arch = "wasm32", target_os = "unknown"),
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
pub struct TreeShape {
    /// Parent of every node: leaves 0..|V| (word ids), then the inner nodes; the root has none.
    pub parents: Vec<Option<u32>>,
    /// Branch bit from each node's parent to the node.
    pub branches: Vec<u8>,
    /// Count-weighted mean code length: decisions per prediction.
    pub mean_code_length: f64,
    pub log2_vocab: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    #[test]
    fn shape_walks_up_every_path() {
        let counts = [40, 25, 20, 10, 3, 2];
        let tree = HuffmanTree::new(&counts);
        let shape = tree.shape(&counts);
        let v = counts.len();
        assert_eq!(shape.parents.len(), 2 * v - 1);
        assert_eq!(shape.parents.iter().filter(|p| p.is_none()).count(), 1);
        assert_eq!(
            shape.parents[2 * v - 2],
            None,
            "the root is the last inner node"
        );
        for w in 0..v as u32 {
            // From the leaf up to the root, the parents are the path's inner nodes (numbered
            // after the leaves) and the branches are the code, both read backwards.
            let (mut node, mut up, mut bits) = (w as usize, Vec::new(), Vec::new());
            while let Some(p) = shape.parents[node] {
                bits.push(shape.branches[node]);
                up.push(p - v as u32);
                node = p as usize;
            }
            up.reverse();
            bits.reverse();
            assert_eq!(up, tree.path(w), "word {w}");
            assert_eq!(bits, tree.code(w), "word {w}");
        }
        assert!((shape.mean_code_length - tree.mean_code_length(&counts)).abs() < 1e-12);
        assert!((shape.log2_vocab - 6f64.log2()).abs() < 1e-12);
    }

    /// Cheapest total Σ count·depth over all binary trees, by trying every merge order.
    fn brute_force_cost(weights: &[u64]) -> u64 {
        if weights.len() <= 1 {
            return 0;
        }
        let mut best = u64::MAX;
        for i in 0..weights.len() {
            for j in i + 1..weights.len() {
                let mut rest: Vec<u64> = weights
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != i && k != j)
                    .map(|(_, &w)| w)
                    .collect();
                let merged = weights[i] + weights[j];
                rest.push(merged);
                best = best.min(merged + brute_force_cost(&rest));
            }
        }
        best
    }

    fn assert_prefix_free(tree: &HuffmanTree) {
        let n = tree.num_words() as u32;
        for a in 0..n {
            for b in 0..n {
                if a != b {
                    let (ca, cb) = (tree.code(a), tree.code(b));
                    assert!(
                        !cb.starts_with(ca),
                        "code of {a} {ca:?} prefixes {b} {cb:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn codes_are_prefix_free_and_optimal() {
        let mut rng = Rng::new(11);
        for n in 2..=6 {
            for _ in 0..20 {
                let counts: Vec<u64> = (0..n).map(|_| 1 + rng.below(50) as u64).collect();
                let tree = HuffmanTree::new(&counts);
                assert_prefix_free(&tree);
                let cost: u64 = (0..n)
                    .map(|w| counts[w] * tree.code(w as u32).len() as u64)
                    .sum();
                assert_eq!(cost, brute_force_cost(&counts), "{counts:?}");
                for w in 0..n as u32 {
                    assert_eq!(tree.code(w).len(), tree.path(w).len());
                    // The path starts at the root, the last inner node.
                    assert_eq!(tree.path(w)[0] as usize, n - 2);
                }
            }
        }
    }

    #[test]
    fn tiny_vocabularies() {
        let one = HuffmanTree::new(&[7]);
        assert_eq!(one.num_inner(), 0);
        assert!(one.code(0).is_empty());
        let two = HuffmanTree::new(&[7, 3]);
        assert_eq!(two.num_inner(), 1);
        let mut codes = [two.code(0).to_vec(), two.code(1).to_vec()];
        codes.sort();
        assert_eq!(codes, [vec![0], vec![1]]);
        assert_eq!(two.path(0), [0]);
    }

    #[test]
    fn frequent_words_sit_near_the_root() {
        let counts = [1000u64, 500, 100, 50, 10, 5, 1, 1];
        let tree = HuffmanTree::new(&counts);
        for w in 1..counts.len() as u32 {
            assert!(tree.code(w - 1).len() <= tree.code(w).len());
        }
        assert!(tree.mean_code_length(&counts) < (counts.len() as f64).log2());
    }
}
