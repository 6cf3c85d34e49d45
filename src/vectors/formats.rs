//! Vector files: word2vec text and binary, GloVe text, TensorFlow Projector TSV.
//!
//! Reference: the end of word2vec.c `TrainModel` (the writer) and gensim's
//! `KeyedVectors.load_word2vec_format` (the reader everyone uses).
//!
//! - **word2vec text**: a header line `|V| dim`, then one line per word: the word and `dim`
//!   numbers separated by spaces. We write the shortest decimal that reads back to the same f32,
//!   so text files round-trip bit for bit. GloVe and fastText `.vec` files are the same without
//!   (GloVe) or with (fastText) the header; the reader accepts both.
//! - **word2vec binary**: the same header, then per word: the word's UTF-8 bytes, a space, `dim`
//!   little-endian f32 (4·dim bytes), and a newline (word2vec.c writes it, gensim omits it; the
//!   reader skips it when present).
//! - **Projector TSV**: `vectors.tsv` (tab-separated numbers, one row per word) and
//!   `metadata.tsv` (one word per line), as projector.tensorflow.org loads them.
//!
//! Readers take the whole file as bytes and never panic: a bad header, a short or unparsable
//! row, a NaN, a duplicate word or a truncated binary record is an [`Error::Format`] naming the
//! line (text) or byte offset (binary).

use std::collections::HashSet;
use std::io::Write;

use crate::error::{Error, Result};
use crate::query::KeyedVectors;

/// Largest dimension a file may declare (a corrupt header must not allocate gigabytes).
pub const MAX_FILE_DIM: usize = 10_000;

/// Which layout a vector file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VectorFormat {
    Text,
    Binary,
}

fn io_err(e: std::io::Error) -> Error {
    Error::io("writing vectors", &e)
}

/// What every format needs of a word: not empty, and none of the characters that separate words
/// and rows (space, tab, line breaks). Other white space, such as the no-break spaces some GloVe
/// vocabularies contain, is part of the word. Readers and writers check the same rule, so
/// whatever is read can be written back.
fn word_problem(word: &str) -> Option<&'static str> {
    if word.is_empty() {
        Some("is empty")
    } else if word.contains([' ', '\t', '\n', '\r']) {
        Some("contains a space, a tab or a line break")
    } else {
        None
    }
}

/// The space- or tab-separated fields of a text row (see [`word_problem`]).
fn fields(line: &str) -> impl Iterator<Item = &str> {
    line.split([' ', '\t']).filter(|p| !p.is_empty())
}

fn check_words(kv: &KeyedVectors) -> Result<()> {
    for (i, word) in kv.words().iter().enumerate() {
        if let Some(problem) = word_problem(word) {
            return Err(Error::format(
                format!("word {}", i + 1),
                format!("'{word}' {problem} and cannot be written"),
            ));
        }
    }
    Ok(())
}

/// Write word2vec text format.
pub fn write_text(out: &mut impl Write, kv: &KeyedVectors) -> Result<()> {
    check_words(kv)?;
    writeln!(out, "{} {}", kv.len(), kv.dim()).map_err(io_err)?;
    write_decimal_rows(out, kv, Some(' '))
}

/// One line per word: the word and `separator` first if there is one (word2vec text), else only
/// the numbers, tab-separated (the Projector's `vectors.tsv`). Each number is the shortest
/// decimal that reads back to the same f32.
fn write_decimal_rows(
    out: &mut impl Write,
    kv: &KeyedVectors,
    word_then: Option<char>,
) -> Result<()> {
    let separator = word_then.unwrap_or('\t');
    let mut line = String::new();
    for (i, word) in kv.words().iter().enumerate() {
        line.clear();
        if word_then.is_some() {
            line.push_str(word);
        }
        for (j, x) in kv.vector(i as u32).iter().enumerate() {
            if j > 0 || word_then.is_some() {
                line.push(separator);
            }
            line.push_str(&x.to_string());
        }
        line.push('\n');
        out.write_all(line.as_bytes()).map_err(io_err)?;
    }
    Ok(())
}

/// Write word2vec binary format.
pub fn write_binary(out: &mut impl Write, kv: &KeyedVectors) -> Result<()> {
    check_words(kv)?;
    writeln!(out, "{} {}", kv.len(), kv.dim()).map_err(io_err)?;
    let mut record = Vec::with_capacity(kv.dim() * 4 + 32);
    for (i, word) in kv.words().iter().enumerate() {
        record.clear();
        record.extend_from_slice(word.as_bytes());
        record.push(b' ');
        for x in kv.vector(i as u32) {
            record.extend_from_slice(&x.to_le_bytes());
        }
        record.push(b'\n');
        out.write_all(&record).map_err(io_err)?;
    }
    Ok(())
}

/// Write Embedding Projector `vectors.tsv` and `metadata.tsv`.
pub fn write_projector_tsv(
    vectors: &mut impl Write,
    metadata: &mut impl Write,
    kv: &KeyedVectors,
) -> Result<()> {
    write_projector_vectors(vectors, kv)?;
    write_projector_metadata(metadata, kv)
}

/// The Projector's `vectors.tsv`: one row of tab-separated numbers per word, no header.
pub fn write_projector_vectors(out: &mut impl Write, kv: &KeyedVectors) -> Result<()> {
    check_words(kv)?;
    write_decimal_rows(out, kv, None)
}

/// The Projector's `metadata.tsv`: one word per line, in the same order (one column, so no
/// header line).
pub fn write_projector_metadata(out: &mut impl Write, kv: &KeyedVectors) -> Result<()> {
    check_words(kv)?;
    for word in kv.words() {
        writeln!(out, "{word}").map_err(io_err)?;
    }
    Ok(())
}

/// Guess the layout: binary files have raw float bytes after the header, which are almost never
/// all printable text.
pub fn sniff(bytes: &[u8]) -> VectorFormat {
    let body_start = bytes.iter().position(|&b| b == b'\n').map_or(0, |p| p + 1);
    let sample = &bytes[body_start..bytes.len().min(body_start + 4096)];
    let text_like = match std::str::from_utf8(sample) {
        Ok(s) => s
            .chars()
            .all(|c| !c.is_control() || c == '\n' || c == '\t' || c == '\r'),
        // A sample cut inside a multi-byte character is still text.
        Err(e) => e.valid_up_to() + 4 >= sample.len() && e.error_len().is_none(),
    };
    if text_like {
        VectorFormat::Text
    } else {
        VectorFormat::Binary
    }
}

/// Read a vector file, text or binary as `sniff` decides.
pub fn read(bytes: &[u8]) -> Result<KeyedVectors> {
    read_at_most(bytes, usize::MAX)
}

/// [`read`], refusing a file with more than `max_values` numbers (words × dimension) as soon as
/// its header, or its rows, pass that many: the page's memory budget.
pub fn read_at_most(bytes: &[u8], max_values: usize) -> Result<KeyedVectors> {
    match sniff(bytes) {
        VectorFormat::Text => read_text_at_most(bytes, max_values),
        VectorFormat::Binary => read_binary_at_most(bytes, max_values),
    }
}

/// Parse the `count dim` header line.
fn parse_header(line: &str) -> Option<(usize, usize)> {
    let mut parts = line.split_whitespace();
    let count = parts.next()?.parse().ok()?;
    let dim = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((count, dim))
}

fn check_header(count: usize, dim: usize, max_values: usize, position: &str) -> Result<()> {
    if dim == 0 || dim > MAX_FILE_DIM {
        return Err(Error::format(
            position,
            format!("dimension {dim} in the header is outside 1..={MAX_FILE_DIM}"),
        ));
    }
    if count == 0 {
        return Err(Error::format(position, "the header announces 0 words"));
    }
    if count.saturating_mul(dim) > max_values {
        return Err(too_many(count, dim, max_values, position));
    }
    Ok(())
}

fn too_many(words: usize, dim: usize, max_values: usize, position: &str) -> Error {
    Error::format(
        position,
        format!(
            "{words} words × {dim} dimensions is more than the {max_values} numbers that can be read here"
        ),
    )
}

/// Accumulates the rows read from a file, checking duplicates and values.
struct ParsedRows {
    dim: usize,
    max_values: usize,
    words: Vec<String>,
    vectors: Vec<f32>,
    seen: HashSet<String>,
}

impl ParsedRows {
    fn new(dim: usize, expected: usize, max_values: usize) -> Self {
        let reserve = expected.min(1 << 20);
        ParsedRows {
            dim,
            max_values,
            words: Vec::with_capacity(reserve),
            vectors: Vec::with_capacity(reserve.saturating_mul(dim).min(1 << 26)),
            seen: HashSet::with_capacity(reserve),
        }
    }

    fn push(&mut self, word: String, values: &[f32], position: &str) -> Result<()> {
        if let Some(problem) = word_problem(&word) {
            return Err(Error::format(
                position,
                format!("the word '{word}' {problem}"),
            ));
        }
        if let Some(i) = values.iter().position(|x| !x.is_finite()) {
            return Err(Error::format(
                position,
                format!("value {} of '{word}' is {}", i + 1, values[i]),
            ));
        }
        if self.vectors.len() + values.len() > self.max_values {
            return Err(too_many(
                self.words.len() + 1,
                self.dim,
                self.max_values,
                position,
            ));
        }
        if !self.seen.insert(word.clone()) {
            return Err(Error::format(position, format!("duplicate word '{word}'")));
        }
        self.words.push(word);
        self.vectors.extend_from_slice(values);
        Ok(())
    }

    fn finish(self) -> KeyedVectors {
        KeyedVectors::new(self.words, self.dim, self.vectors)
    }
}

/// Read word2vec / fastText text (with header) or GloVe text (without).
pub fn read_text(bytes: &[u8]) -> Result<KeyedVectors> {
    read_text_at_most(bytes, usize::MAX)
}

fn read_text_at_most(bytes: &[u8], max_values: usize) -> Result<KeyedVectors> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        Error::format(
            format!("line {line} (byte {})", e.valid_up_to()),
            "not UTF-8 text (is this a binary vector file?)",
        )
    })?;
    let mut lines = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((first_no, first)) = lines.next() else {
        return Err(Error::format("line 1", "the file is empty"));
    };
    let (expected, dim, mut pending) = match parse_header(first) {
        Some((count, dim)) => {
            check_header(count, dim, max_values, &format!("line {first_no}"))?;
            (Some(count), dim, None)
        }
        None => {
            // GloVe: no header; the first row fixes the dimension.
            let dim = fields(first).count().saturating_sub(1);
            check_header(1, dim, max_values, &format!("line {first_no}"))?;
            (None, dim, Some((first_no, first)))
        }
    };
    let mut rows = ParsedRows::new(dim, expected.unwrap_or(1024), max_values);
    let mut values = Vec::with_capacity(dim);
    while let Some((no, line)) = pending.take().or_else(|| lines.next()) {
        let position = format!("line {no}");
        if expected.is_some_and(|n| rows.words.len() == n) {
            return Err(Error::format(
                position,
                format!(
                    "more rows than the {} the header announces",
                    expected.unwrap_or(0)
                ),
            ));
        }
        let mut parts = fields(line);
        let word = parts.next().unwrap_or_default().to_string();
        values.clear();
        for (i, p) in parts.enumerate() {
            let x: f32 = p.parse().map_err(|_| {
                Error::format(
                    &position,
                    format!("value {} of '{word}' is not a number: '{p}'", i + 1),
                )
            })?;
            values.push(x);
        }
        if values.len() != dim {
            return Err(Error::format(
                position,
                format!("'{word}' has {} values, expected {dim}", values.len()),
            ));
        }
        rows.push(word, &values, &position)?;
    }
    if let Some(n) = expected {
        if rows.words.len() != n {
            return Err(Error::format(
                format!("line {}", text.lines().count()),
                format!(
                    "the header announces {n} words but the file has {}",
                    rows.words.len()
                ),
            ));
        }
    }
    Ok(rows.finish())
}

/// Read word2vec binary.
pub fn read_binary(bytes: &[u8]) -> Result<KeyedVectors> {
    read_binary_at_most(bytes, usize::MAX)
}

fn read_binary_at_most(bytes: &[u8], max_values: usize) -> Result<KeyedVectors> {
    let header_end = bytes
        .iter()
        .take(256)
        .position(|&b| b == b'\n')
        .ok_or_else(|| Error::format("byte 0", "no header line ('<words> <dim>')"))?;
    let header = String::from_utf8_lossy(&bytes[..header_end]);
    let (count, dim) = parse_header(&header).ok_or_else(|| {
        Error::format(
            "byte 0",
            format!("bad header '{header}', expected '<words> <dim>'"),
        )
    })?;
    check_header(count, dim, max_values, "byte 0")?;
    let mut rows = ParsedRows::new(dim, count, max_values);
    let mut at = header_end + 1;
    let mut values = vec![0.0f32; dim];
    for n in 0..count {
        while at < bytes.len() && (bytes[at] == b'\n' || bytes[at] == b'\r') {
            at += 1;
        }
        let start = at;
        let space = bytes[at..]
            .iter()
            .take(4096)
            .position(|&b| b == b' ')
            .ok_or_else(|| {
                Error::format(
                    format!("byte {start}"),
                    format!(
                        "word {} of {count}: no word followed by a space (truncated file?)",
                        n + 1
                    ),
                )
            })?;
        let word = String::from_utf8_lossy(&bytes[at..at + space]).into_owned();
        at += space + 1;
        let need = 4 * dim;
        if bytes.len() - at < need {
            return Err(Error::format(
                format!("byte {at}"),
                format!(
                    "'{word}' (word {} of {count}) needs {need} bytes of vector, the file has {} left (truncated file?)",
                    n + 1,
                    bytes.len() - at
                ),
            ));
        }
        for (v, chunk) in values.iter_mut().zip(bytes[at..at + need].chunks_exact(4)) {
            *v = f32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        rows.push(word, &values, &format!("byte {start}"))?;
        at += need;
    }
    Ok(rows.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> KeyedVectors {
        KeyedVectors::new(
            vec!["深度".into(), "learning".into(), "<img/src=x>".into()],
            3,
            vec![
                0.1,
                -2.5e-8,
                3.0,
                f32::MIN_POSITIVE,
                1.0 / 3.0,
                -0.0,
                7.0,
                8.5,
                -9.25,
            ],
        )
    }

    fn same(a: &KeyedVectors, b: &KeyedVectors) {
        assert_eq!(a.words(), b.words());
        let bits = |k: &KeyedVectors| k.vectors().iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(a), bits(b));
    }

    #[test]
    fn text_and_binary_round_trip_bit_for_bit() {
        let kv = sample();
        let mut text = Vec::new();
        write_text(&mut text, &kv).unwrap();
        assert_eq!(sniff(&text), VectorFormat::Text);
        same(&kv, &read(&text).unwrap());
        let mut bin = Vec::new();
        write_binary(&mut bin, &kv).unwrap();
        assert_eq!(sniff(&bin), VectorFormat::Binary);
        same(&kv, &read(&bin).unwrap());
    }

    #[test]
    fn reads_gensim_style_binary_without_newlines_and_glove_text() {
        let mut bin = b"2 2\n".to_vec();
        for (w, v) in [("a", [1.0f32, 2.0]), ("b", [3.0, 4.0])] {
            bin.extend_from_slice(w.as_bytes());
            bin.push(b' ');
            v.iter()
                .for_each(|x| bin.extend_from_slice(&x.to_le_bytes()));
        }
        let kv = read_binary(&bin).unwrap();
        assert_eq!(kv.vector(1), [3.0, 4.0]);
        let glove = read_text(b"the 0.1 0.2\nof -1 2e-3\n").unwrap();
        assert_eq!(glove.dim(), 2);
        assert_eq!(glove.words(), ["the", "of"]);
    }

    #[test]
    fn words_with_separators_are_refused_other_white_space_is_kept() {
        for bad in ["a b", "a\tb", ""] {
            let kv = KeyedVectors::new(vec![bad.into()], 1, vec![1.0]);
            let e = write_text(&mut Vec::new(), &kv).unwrap_err().to_string();
            assert!(e.contains(&format!("'{bad}'")), "{e}");
        }
        // GloVe vocabularies contain no-break spaces: read, written and read back.
        let kv = KeyedVectors::new(
            vec!["new\u{a0}york".into(), "\u{3000}".into()],
            1,
            vec![1.0, 2.0],
        );
        for write in [write_text, write_binary] {
            let mut out = Vec::new();
            write(&mut out, &kv).unwrap();
            assert_eq!(read(&out).unwrap().words(), kv.words());
        }
        assert_eq!(
            read_text("new\u{a0}york 1 2\n".as_bytes()).unwrap().dim(),
            2
        );
        // A binary record whose word has a tab, or is empty, names its byte.
        let mut bytes = b"2 1\na\tb ".to_vec();
        bytes.extend_from_slice(&1f32.to_le_bytes());
        let e = read_binary(&bytes).unwrap_err().to_string();
        assert!(e.contains("byte 4") && e.contains("a tab"), "{e}");
        let mut bytes = b"1 1\n ".to_vec();
        bytes.extend_from_slice(&1f32.to_le_bytes());
        assert!(read_binary(&bytes)
            .unwrap_err()
            .to_string()
            .contains("is empty"));
    }

    #[test]
    fn projector_tsv() {
        let (mut v, mut m) = (Vec::new(), Vec::new());
        write_projector_tsv(&mut v, &mut m, &sample()).unwrap();
        let v = String::from_utf8(v).unwrap();
        assert_eq!(v.lines().count(), 3);
        assert_eq!(v.lines().next().unwrap().split('\t').count(), 3);
        assert_eq!(
            String::from_utf8(m).unwrap(),
            "深度\nlearning\n<img/src=x>\n"
        );
    }

    fn error(bytes: &[u8]) -> String {
        read(bytes).unwrap_err().to_string()
    }

    #[test]
    fn bad_files_name_the_position() {
        assert_eq!(error(b""), "line 1: the file is empty");
        assert!(error(b"2 3\na 1 2 3\nb 1 2\n").starts_with("line 3: 'b' has 2 values, expected 3"));
        assert!(error(b"2 2\na 1 x\n").contains("line 2: value 2 of 'a' is not a number"));
        assert!(error(b"2 2\na 1 2\na 3 4\n").contains("line 3: duplicate word 'a'"));
        assert!(error(b"1 2\na NaN 2\n").contains("line 2: value 1 of 'a' is NaN"));
        assert!(error(b"3 2\na 1 2\nb 3 4\n").contains("announces 3 words but the file has 2"));
        assert!(error(b"1 2\na 1 2\nb 3 4\n").contains("line 3: more rows"));
        assert!(error(b"1 0\n").contains("dimension 0"));
        assert!(error(b"1 99999999\n").contains("dimension 99999999"));
        // Truncated binary: the header promises 2 words of 2 floats.
        let mut bin = Vec::new();
        write_binary(
            &mut bin,
            &KeyedVectors::new(vec!["a".into(), "b".into()], 2, vec![1.5; 4]),
        )
        .unwrap();
        let cut = &bin[..bin.len() - 5];
        let e = read_binary(cut).unwrap_err().to_string();
        assert!(
            e.starts_with("byte 17: 'b' (word 2 of 2) needs 8 bytes"),
            "{e}"
        );
        let e = read_binary(b"x y\n\x00\x01").unwrap_err().to_string();
        assert!(e.contains("bad header"), "{e}");
    }

    #[test]
    fn a_budget_of_numbers_is_enforced_at_the_header_or_at_the_row() {
        let at_most = |bytes: &[u8], max| read_at_most(bytes, max).map(|kv| kv.len());
        let file = b"2 3\na 1 2 3\nb 4 5 6\n";
        assert_eq!(at_most(file, 6).unwrap(), 2);
        let e = at_most(file, 5).unwrap_err().to_string();
        assert!(
            e.starts_with("line 1: 2 words × 3 dimensions is more than the 5"),
            "{e}"
        );
        // GloVe has no header: the row that passes the budget is named.
        let e = at_most(b"a 1 2 3\nb 4 5 6\n", 5).unwrap_err().to_string();
        assert!(e.starts_with("line 2: 2 words × 3"), "{e}");
        let mut bin = Vec::new();
        write_binary(&mut bin, &sample()).unwrap();
        let e = at_most(&bin, 8).unwrap_err().to_string();
        assert!(e.starts_with("byte 0: 3 words × 3"), "{e}");
    }
}
