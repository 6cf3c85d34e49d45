//! The n-gram rows of a model with subwords, kept beside its word vectors so that a word the model
//! never saw still gets a vector later (`w2v nearest`, `w2v analogy`), as fastText's `.bin` allows.
//!
//! The words' vectors go to an ordinary `.vec` file (each the mean of its row and its n-grams'
//! rows, as fastText's own `.vec`); the n-gram rows go to `FILE.ngrams`, this project's format:
//!
//! ```text
//! w2v-ngrams MINN MAXN BUCKET DIM\n      one line of text
//! BUCKET × DIM little-endian f32         the rows, bucket 0 first
//! ```
//!
//! An unseen word's vector is then the mean of the rows its n-grams hash to (`text/subwords.rs`).

use std::io::Write;

use crate::error::{Error, Result};
use crate::model::{form_h, Model};
use crate::subwords::{ngram_buckets, SubwordConfig};

/// The first word of the file.
const MAGIC: &str = "w2v-ngrams";

/// The rows of the n-gram buckets and how words are cut into n-grams.
#[derive(Debug, Clone, PartialEq)]
pub struct NgramRows {
    pub config: SubwordConfig,
    pub dim: usize,
    /// `config.bucket` rows of `dim`.
    pub rows: Vec<f32>,
}

impl NgramRows {
    /// A model's n-gram rows (the rows of W after the words'), if it has subwords.
    pub fn from_model(model: &Model) -> Option<NgramRows> {
        let config = model.subwords.as_ref()?.config();
        let start = model.vocab.len() * model.dim;
        Some(NgramRows {
            config,
            dim: model.dim,
            rows: model.input[start..].to_vec(),
        })
    }

    /// The vector of a word from its n-grams alone (`None` if it has none, e.g. an empty word).
    pub fn vector(&self, word: &str) -> Option<Vec<f32>> {
        let buckets: Vec<u32> = self.ngrams_of(word).into_iter().map(|(_, b)| b).collect();
        if buckets.is_empty() {
            return None;
        }
        // The mean as the model forms it (Model::unseen_vector: the same bits).
        let dim = self.dim;
        let row = |b: u32| &self.rows[b as usize * dim..(b as usize + 1) * dim];
        let mut v = vec![0.0f32; dim];
        form_h(row, buckets.iter().copied(), buckets.len(), true, &mut v);
        Some(v)
    }

    /// The n-grams of `word` with the bucket each one hashes to.
    pub fn ngrams_of(&self, word: &str) -> Vec<(String, u32)> {
        ngram_buckets(word, self.config)
    }

    /// Write the file described above.
    pub fn write(&self, out: &mut impl Write) -> std::io::Result<()> {
        let c = self.config;
        writeln!(
            out,
            "{MAGIC} {} {} {} {}",
            c.minn, c.maxn, c.bucket, self.dim
        )?;
        let mut bytes = Vec::with_capacity(self.rows.len() * 4);
        for x in &self.rows {
            bytes.extend_from_slice(&x.to_le_bytes());
        }
        out.write_all(&bytes)
    }

    /// Read the file described above; a bad header or a short file is refused, saying where.
    pub fn read(bytes: &[u8]) -> Result<NgramRows> {
        let end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| Error::format("line 1", "no header line"))?;
        let header = std::str::from_utf8(&bytes[..end])
            .map_err(|_| Error::format("line 1", "the header is not text"))?;
        let fields: Vec<&str> = header.split(' ').collect();
        let numbers: Option<Vec<usize>> = fields
            .get(1..)
            .and_then(|f| f.iter().map(|x| x.parse().ok()).collect());
        let (Some(&MAGIC), Some([minn, maxn, bucket, dim])) = (fields.first(), numbers.as_deref())
        else {
            return Err(Error::format(
                "line 1",
                format!("expected '{MAGIC} MINN MAXN BUCKET DIM', found '{header}'"),
            ));
        };
        let config = SubwordConfig {
            minn: *minn,
            maxn: *maxn,
            bucket: *bucket,
        };
        config.validate()?;
        let body = &bytes[end + 1..];
        let want = bucket
            .checked_mul(*dim)
            .and_then(|n| n.checked_mul(4))
            .ok_or_else(|| Error::format("line 1", "the rows would not fit in memory"))?;
        if body.len() != want {
            return Err(Error::format(
                format!("byte {}", end + 1 + body.len().min(want)),
                format!(
                    "{bucket} rows of {dim} floats take {want} bytes; the file has {}",
                    body.len()
                ),
            ));
        }
        let rows = body
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect();
        Ok(NgramRows {
            config,
            dim: *dim,
            rows,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> NgramRows {
        NgramRows {
            config: SubwordConfig {
                minn: 3,
                maxn: 4,
                bucket: 7,
            },
            dim: 2,
            rows: (0..14).map(|i| i as f32 * 0.5 - 1.0).collect(),
        }
    }

    #[test]
    fn written_and_read_back_the_same() {
        let r = rows();
        let mut file = Vec::new();
        r.write(&mut file).unwrap();
        assert!(file.starts_with(b"w2v-ngrams 3 4 7 2\n"));
        assert_eq!(NgramRows::read(&file).unwrap(), r);
    }

    #[test]
    fn an_unseen_word_is_the_mean_of_its_ngrams_rows() {
        let r = rows();
        let grams = r.ngrams_of("ab");
        // <ab> cut into 3..4 characters: <ab, ab>, <ab>.
        let names: Vec<&str> = grams.iter().map(|(g, _)| g.as_str()).collect();
        assert_eq!(names, ["<ab", "<ab>", "ab>"]);
        let mut want = [0.0f32; 2];
        for (_, b) in &grams {
            want[0] += r.rows[*b as usize * 2] / 3.0;
            want[1] += r.rows[*b as usize * 2 + 1] / 3.0;
        }
        let v = r.vector("ab").unwrap();
        assert!(
            (v[0] - want[0]).abs() < 1e-6 && (v[1] - want[1]).abs() < 1e-6,
            "{v:?} {want:?}"
        );
    }

    #[test]
    fn a_bad_file_is_refused_saying_where() {
        let mut file = Vec::new();
        rows().write(&mut file).unwrap();
        let short = NgramRows::read(&file[..file.len() - 4])
            .unwrap_err()
            .to_string();
        assert!(short.contains("take 56 bytes; the file has 52"), "{short}");
        let header = NgramRows::read(b"w2v-vectors 3 4 7 2\n")
            .unwrap_err()
            .to_string();
        assert!(
            header.contains("line 1") && header.contains("w2v-ngrams"),
            "{header}"
        );
        let range = NgramRows::read(b"w2v-ngrams 5 4 7 2\n")
            .unwrap_err()
            .to_string();
        assert!(range.contains("minn"), "{range}");
    }
}
