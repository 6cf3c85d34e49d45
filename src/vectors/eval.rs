//! Standard intrinsic evaluations: word analogies and word-pair similarity.
//!
//! Reference: word2vec's `compute-accuracy.c` and gensim's `evaluate_word_analogies` /
//! `evaluate_word_pairs`, whose conventions are kept so numbers compare:
//! - **Analogies** (`questions-words.txt` format): `: section` lines, then `a b c d` lines meaning
//!   a : b :: c : d. Matching is case-insensitive (both sides upper-cased, the most frequent
//!   spelling wins); only the first `restrict` words (30,000 by default, as gensim evaluates) are
//!   candidates, and a question with a word outside them is skipped. The answer is the 3CosAdd
//!   top-1, inputs excluded. Accuracy is over the questions covered; coverage is covered / all.
//! - **Similarity** (`wordsim353.tsv` format): `w1 w2 score` per line (tabs or spaces, `#`
//!   comments). The model's cosine is compared with the human scores by Spearman's rank
//!   correlation (ties get their mean rank) over the covered pairs.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::query::{AnalogyMethod, KeyedVectors};

/// Default candidate set for analogies, as gensim.
pub const DEFAULT_RESTRICT: usize = 30_000;

/// Correct / covered / total for one section of an analogy file.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionScore {
    pub name: String,
    pub correct: usize,
    pub covered: usize,
    pub total: usize,
}

impl SectionScore {
    pub fn accuracy(&self) -> f64 {
        if self.covered == 0 {
            0.0
        } else {
            self.correct as f64 / self.covered as f64
        }
    }

    pub fn coverage(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.covered as f64 / self.total as f64
        }
    }
}

/// Result of an analogy evaluation: per section and overall.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalogyReport {
    pub sections: Vec<SectionScore>,
    pub overall: SectionScore,
}

/// Result of a similarity evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarityReport {
    pub spearman: f64,
    pub covered: usize,
    pub total: usize,
}

/// Upper-cased word → id among the first `restrict` words, the first (most frequent) spelling
/// winning.
fn case_insensitive_index(kv: &KeyedVectors, restrict: usize) -> HashMap<String, u32> {
    let mut index = HashMap::new();
    for (i, w) in kv.words().iter().take(restrict).enumerate() {
        index.entry(w.to_uppercase()).or_insert(i as u32);
    }
    index
}

/// Evaluate an analogy file; see the module documentation.
pub fn analogies(kv: &KeyedVectors, file: &str, restrict: usize) -> Result<AnalogyReport> {
    let index = case_insensitive_index(kv, restrict);
    let mut sections: Vec<SectionScore> = Vec::new();
    let mut questions: Vec<(usize, Option<[u32; 4]>)> = Vec::new();
    for (no, line) in file.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix(':') {
            sections.push(SectionScore {
                name: name.trim().to_string(),
                correct: 0,
                covered: 0,
                total: 0,
            });
            continue;
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.len() != 4 {
            return Err(Error::format(
                format!("line {}", no + 1),
                format!("expected 4 words (a b c d), found {}", words.len()),
            ));
        }
        if sections.is_empty() {
            sections.push(SectionScore {
                name: "questions".into(),
                correct: 0,
                covered: 0,
                total: 0,
            });
        }
        let ids: Option<Vec<u32>> = words
            .iter()
            .map(|w| index.get(&w.to_uppercase()).copied())
            .collect();
        questions.push((sections.len() - 1, ids.map(|v| [v[0], v[1], v[2], v[3]])));
    }
    let correct = answer_all(kv, &questions, restrict);
    for ((section, ids), ok) in questions.iter().zip(correct) {
        let s = &mut sections[*section];
        s.total += 1;
        if ids.is_some() {
            s.covered += 1;
            s.correct += ok as usize;
        }
    }
    let overall = SectionScore {
        name: "total".into(),
        correct: sections.iter().map(|s| s.correct).sum(),
        covered: sections.iter().map(|s| s.covered).sum(),
        total: sections.iter().map(|s| s.total).sum(),
    };
    Ok(AnalogyReport { sections, overall })
}

/// Whether each covered question's top answer is right, using every available core.
fn answer_all(
    kv: &KeyedVectors,
    questions: &[(usize, Option<[u32; 4]>)],
    restrict: usize,
) -> Vec<bool> {
    let answer = |q: &(usize, Option<[u32; 4]>)| match q.1 {
        Some([a, b, c, d]) => {
            let best = kv.analogy_ids([a, b, c], 1, AnalogyMethod::CosAdd, Some(restrict));
            best.first()
                .is_some_and(|s| kv.words()[d as usize] == s.word)
        }
        None => false,
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if threads <= 1 || questions.len() < 64 {
        return questions.iter().map(answer).collect();
    }
    let chunk = questions.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = questions
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(answer).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("analogy threads do not panic"))
            .collect()
    })
}

/// Evaluate a word-pair similarity file; see the module documentation.
pub fn similarity(kv: &KeyedVectors, file: &str) -> Result<SimilarityReport> {
    let index = case_insensitive_index(kv, kv.len());
    let (mut model, mut human) = (Vec::new(), Vec::new());
    let mut total = 0;
    for (no, line) in file.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.split(['\t', ' ']).filter(|p| !p.is_empty()).collect();
        let score = parts.get(2).and_then(|s| s.parse::<f64>().ok());
        let (Some(score), 3..) = (score, parts.len()) else {
            return Err(Error::format(
                format!("line {}", no + 1),
                "expected 'word1 word2 score'",
            ));
        };
        total += 1;
        let (a, b) = (
            index.get(&parts[0].to_uppercase()),
            index.get(&parts[1].to_uppercase()),
        );
        if let (Some(&a), Some(&b)) = (a, b) {
            let cos = kv.similarity(&kv.words()[a as usize], &kv.words()[b as usize])?;
            model.push(cos as f64);
            human.push(score);
        }
    }
    Ok(SimilarityReport {
        spearman: spearman(&model, &human),
        covered: model.len(),
        total,
    })
}

/// Ranks starting at 1, ties sharing their mean rank.
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && x[order[j + 1]] == x[order[i]] {
            j += 1;
        }
        let mean_rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            r[k] = mean_rank;
        }
        i = j + 1;
    }
    r
}

/// Spearman's ρ: the Pearson correlation of the ranks (NaN for fewer than two pairs).
pub fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let n = ra.len() as f64;
    if ra.len() < 2 {
        return f64::NAN;
    }
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let cov: f64 = ra.iter().zip(&rb).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = ra.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = rb.iter().map(|y| (y - mb).powi(2)).sum();
    cov / (va * vb).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_handles_ties_and_monotone_maps() {
        assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        assert_eq!(ranks(&[5.0, 1.0, 5.0, 2.0]), [3.5, 1.0, 3.5, 2.0]);
        // Reference value computed by hand: d² = 1+1+0+0+... for a small permutation.
        let r = spearman(&[1.0, 2.0, 3.0, 4.0, 5.0], &[2.0, 1.0, 3.0, 4.0, 5.0]);
        assert!((r - 0.9).abs() < 1e-12);
    }

    fn toy() -> KeyedVectors {
        let words = ["man", "woman", "king", "queen", "apple"]
            .map(String::from)
            .to_vec();
        let v = vec![1.0, 0.0, 1.0, 1.0, 3.0, 0.2, 3.0, 1.2, -1.0, -3.0];
        KeyedVectors::new(words, 2, v)
    }

    #[test]
    fn analogy_file_scores_by_section_case_insensitively() {
        let file = ": gender\nMan King Woman Queen\nman woman king apple\nman king prince princess\n: other\nwoman queen man king\n";
        let r = analogies(&toy(), file, DEFAULT_RESTRICT).unwrap();
        assert_eq!(r.sections.len(), 2);
        assert_eq!(
            (
                r.sections[0].correct,
                r.sections[0].covered,
                r.sections[0].total
            ),
            (1, 2, 3)
        );
        assert_eq!(r.overall.total, 4);
        assert_eq!(r.overall.covered, 3);
        assert!(analogies(&toy(), "a b c\n", 10)
            .unwrap_err()
            .to_string()
            .contains("line 1"));
    }

    #[test]
    fn similarity_file_reports_spearman_and_coverage() {
        let file = "# comment\nman\twoman\t8\nman\tapple\t1\nking\tqueen\t9\nfoo\tbar\t3\n";
        let r = similarity(&toy(), file).unwrap();
        assert_eq!((r.covered, r.total), (3, 4));
        assert!(r.spearman > 0.99, "{}", r.spearman);
        assert!(similarity(&toy(), "man woman\n").is_err());
    }
}
