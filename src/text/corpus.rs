//! The training corpus as token ids, one pass over the text.
//!
//! Reference: word2vec.c `ReadWordIndex` / `TrainModelThread`, which read sentences of at most
//! `MAX_SENTENCE_LENGTH` (1000) words and skip words that are not in the vocabulary. Here the text
//! is read once: every token gets a provisional id in first-appearance order while counts
//! accumulate; [`CorpusBuilder::finish`] then sorts the vocabulary, drops words below `min_count`
//! and rewrites the ids in place. Memory is one `u32` per token plus one offset per sentence.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::tokenize::{lines, TokenizerOptions};
use crate::vocab::Vocab;

/// Longest sentence the trainer sees; longer lines are cut (word2vec.c's `MAX_SENTENCE_LENGTH`).
pub const MAX_SENTENCE_LEN: usize = 1000;

/// Token ids grouped into sentences, with the vocabulary that names them.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub vocab: Vocab,
    tokens: Vec<u32>,
    /// `sentence_ends[i]` is one past the last token of sentence i.
    sentence_ends: Vec<usize>,
}

impl Corpus {
    /// Tokenise `text` and build the vocabulary in one call.
    pub fn from_text(text: &str, options: TokenizerOptions, min_count: usize) -> Result<Corpus> {
        let mut builder = CorpusBuilder::new(options);
        builder.push_text(text);
        builder.finish(min_count)
    }

    pub fn num_sentences(&self) -> usize {
        self.sentence_ends.len()
    }

    /// Token ids of sentence `i`.
    pub fn sentence(&self, i: usize) -> &[u32] {
        &self.tokens[self.sentence_start(i)..self.sentence_ends[i]]
    }

    /// Number of vocabulary tokens in the corpus (one epoch).
    pub fn num_tokens(&self) -> usize {
        self.tokens.len()
    }

    /// Index of the first token of sentence `i` in the whole corpus.
    pub fn sentence_start(&self, i: usize) -> usize {
        if i == 0 {
            0
        } else {
            self.sentence_ends[i - 1]
        }
    }
}

/// Accumulates text line by line; see the module documentation.
#[derive(Debug, Default)]
pub struct CorpusBuilder {
    options: TokenizerOptions,
    ids: HashMap<String, u32>,
    entries: Vec<(String, u64)>,
    tokens: Vec<u32>,
    line_ends: Vec<usize>,
}

impl CorpusBuilder {
    pub fn new(options: TokenizerOptions) -> Self {
        CorpusBuilder {
            options,
            ..Default::default()
        }
    }

    /// Add one line (one sentence, cut into pieces of at most [`MAX_SENTENCE_LEN`] later).
    pub fn push_line(&mut self, line: &str) {
        let before = self.tokens.len();
        let Self {
            ids,
            entries,
            tokens,
            options,
            ..
        } = self;
        options.for_each_token(line, |tok| {
            let id = match ids.get(tok) {
                Some(&id) => id,
                None => {
                    let id = entries.len() as u32;
                    ids.insert(tok.to_string(), id);
                    entries.push((tok.to_string(), 0));
                    id
                }
            };
            entries[id as usize].1 += 1;
            tokens.push(id);
        });
        if self.tokens.len() > before {
            self.line_ends.push(self.tokens.len());
        }
    }

    /// Add every line of `text`.
    pub fn push_text(&mut self, text: &str) {
        for line in lines(text) {
            self.push_line(line);
        }
    }

    /// Tokens read so far (before `min_count`).
    pub fn tokens_read(&self) -> usize {
        self.tokens.len()
    }

    /// Sort the vocabulary, drop rare words, and produce the corpus.
    pub fn finish(self, min_count: usize) -> Result<Corpus> {
        if self.tokens.is_empty() {
            return Err(Error::EmptyVocabulary {
                reason: "the corpus has no words".into(),
            });
        }
        let distinct = self.entries.len();
        let (vocab, remap) = Vocab::from_counts_in_order(self.entries, min_count as u64);
        if vocab.is_empty() {
            return Err(Error::EmptyVocabulary {
                reason: format!(
                    "all {distinct} distinct words occur fewer than min_count = {min_count} times"
                ),
            });
        }
        let mut tokens = self.tokens;
        let mut sentence_ends = Vec::with_capacity(self.line_ends.len());
        let (mut read, mut write) = (0usize, 0usize);
        for &end in &self.line_ends {
            let mut run = 0;
            while read < end {
                if let Some(id) = remap[tokens[read] as usize] {
                    tokens[write] = id;
                    write += 1;
                    run += 1;
                    if run == MAX_SENTENCE_LEN {
                        sentence_ends.push(write);
                        run = 0;
                    }
                }
                read += 1;
            }
            if run > 0 {
                sentence_ends.push(write);
            }
        }
        tokens.truncate(write);
        tokens.shrink_to_fit();
        Ok(Corpus {
            vocab,
            tokens,
            sentence_ends,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_counts_and_rare_words_vanish() {
        let c = Corpus::from_text(
            "the cat sat\nthe dog\nrare\n\nthe cat",
            Default::default(),
            2,
        )
        .unwrap();
        assert_eq!(c.vocab.words(), ["the", "cat"]);
        assert_eq!(c.num_sentences(), 3);
        assert_eq!(c.sentence(0), [0, 1]);
        assert_eq!(c.sentence(1), [0]);
        assert_eq!(c.sentence(2), [0, 1]);
        assert_eq!(c.num_tokens(), 5);
    }

    #[test]
    fn long_lines_are_cut() {
        let line = vec!["w"; 2500].join(" ");
        let c = Corpus::from_text(&line, Default::default(), 1).unwrap();
        let lens: Vec<usize> = (0..c.num_sentences())
            .map(|i| c.sentence(i).len())
            .collect();
        assert_eq!(lens, [1000, 1000, 500]);
    }

    #[test]
    fn empty_corpora_are_errors_that_say_why() {
        let e = Corpus::from_text("  \n\t\n", Default::default(), 1).unwrap_err();
        assert!(e.to_string().contains("no words"), "{e}");
        let e = Corpus::from_text("a b c", Default::default(), 5).unwrap_err();
        assert!(e.to_string().contains("min_count = 5"), "{e}");
    }
}
