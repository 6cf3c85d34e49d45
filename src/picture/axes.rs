//! Custom axes: a picture whose directions are chosen with words.
//!
//! Reference: the TensorFlow Embedding Projector's "Custom" projection. Each axis runs from one
//! word to another: x from `man` to `woman`, y from `king` to `queen`. A word's coordinate on an
//! axis is the cosine-space projection ⟨ŵ, (b̂ − â)/‖b̂ − â‖⟩ of its unit vector ŵ on the direction
//! between the two words' unit vectors (hats: unit length, so that frequent words with long
//! vectors do not dominate, as on the PCA plot). If the vectors encode a relation as a direction
//! (tutorial §6, analogies), words that differ by that relation line up along the axis.

use crate::error::{Error, Result};
use crate::query::KeyedVectors;

/// Both axes' coordinates of every word, row-major |V| × 2: x from `x.0` to `x.1`, y from `y.0`
/// to `y.1`. Fails if a word is unknown or an axis has the same word at both ends.
pub fn custom_axes(kv: &KeyedVectors, x: [&str; 2], y: [&str; 2]) -> Result<Vec<f32>> {
    let dx = direction(kv, x)?;
    let dy = direction(kv, y)?;
    let unit = kv.unit_vectors();
    let dim = kv.dim();
    let along =
        |row: &[f32], d: &[f64]| row.iter().zip(d).map(|(&a, &b)| a as f64 * b).sum::<f64>() as f32;
    Ok(unit
        .chunks_exact(dim)
        .flat_map(|row| [along(row, &dx), along(row, &dy)])
        .collect())
}

/// The unit direction from word `a` to word `b` (between their unit vectors).
fn direction(kv: &KeyedVectors, [a, b]: [&str; 2]) -> Result<Vec<f64>> {
    let (ia, ib) = (kv.id(a)?, kv.id(b)?);
    let dim = kv.dim();
    let unit = kv.unit_vectors();
    let row = |i: u32| &unit[i as usize * dim..(i as usize + 1) * dim];
    let d: Vec<f64> = row(ib)
        .iter()
        .zip(row(ia))
        .map(|(&q, &p)| q as f64 - p as f64)
        .collect();
    let norm = d.iter().map(|v| v * v).sum::<f64>().sqrt();
    if norm < 1e-12 {
        return Err(Error::InvalidQuery {
            message: format!(
                "the axis from '{a}' to '{b}' has no direction: use two different words"
            ),
        });
    }
    Ok(d.into_iter().map(|v| v / norm).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_line_up_along_the_axis_their_relation_defines() {
        // Three dimensions: royalty, gender, and noise.
        let kv = KeyedVectors::new(
            ["man", "woman", "king", "queen", "apple"]
                .map(String::from)
                .to_vec(),
            3,
            vec![
                0.0, -1.0, 0.1, 0.0, 1.0, 0.1, 1.0, -1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0,
            ],
        );
        let xy = custom_axes(&kv, ["man", "woman"], ["man", "king"]).unwrap();
        let (x, y) = (|i: usize| xy[2 * i], |i: usize| xy[2 * i + 1]);
        // woman is further along man → woman than man; queen than king; apple sits in between.
        assert!(x(1) > x(0) && x(3) > x(2));
        assert!(x(4).abs() < 1e-6);
        // king and queen are further along man → king than man and woman.
        assert!(y(2) > y(0) && y(3) > y(1));
        let e = custom_axes(&kv, ["man", "man"], ["man", "king"])
            .unwrap_err()
            .to_string();
        assert!(e.contains("'man' to 'man' has no direction"), "{e}");
        let e = custom_axes(&kv, ["man", "dragon"], ["man", "king"])
            .unwrap_err()
            .to_string();
        assert!(e.contains("'dragon' is not in the vocabulary"), "{e}");
    }
}
