//! Training: sliding window, CBOW or skip-gram, learning-rate decay, chunks.
//!
//! Reference: word2vec.c `TrainModelThread`. For each sentence:
//! 1. subsampling drops frequent tokens (`vocab.rs`), before windows are formed, so the window
//!    reaches past dropped words;
//! 2. at each position t a window c' is used: uniform in 1..=c (word2vec's random shrink, which
//!    weights near words more) or exactly c when `dynamic_window` is off;
//! 3. **CBOW** (tutorial §2): h = the mean (or sum) of the context rows of W; one prediction of
//!    the centre word; the error −α·∂E/∂h is added to every context row (word2vec.c's rule: for
//!    the sum this is the exact gradient; for the mean it is the gradient with respect to h, i.e.
//!    c_w times the exact per-row gradient, which makes the step size independent of the
//!    window — gensim does the same);
//!    **skip-gram** (§3): h = v_centre; one prediction per context word (2c' samples); after each,
//!    the error is added to the centre's row. (word2vec.c swaps the roles, predicting the centre
//!    from each context word; over a corpus both see the same pairs. The tutorial's orientation
//!    is kept so the demo shows what the lesson says.)
//! 4. the output layer (`output_layer.rs`) scores the prediction and updates W'.
//!
//! The learning rate decays linearly with the words processed, α_t = α₀·(1 − t / (epochs·T + 1)),
//! floored at α₀·10⁻⁴, as word2vec.c does.
//!
//! Training advances in chunks ([`Trainer::train`]); all state between chunks (the random
//! generator, the current sentence after subsampling, the position in it) lives in a `Stream`
//! (`stream.rs`), so any split into chunks gives the same weights as one uninterrupted run. With
//! `threads` > 1 there are that many streams, each with its own random generator, taking blocks
//! of about `BLOCK_TOKENS` tokens of the corpus in turn, and [`Trainer::train_on`] runs them side
//! by side on a fork-join [`Pool`] (native threads, or Web Workers in the browser), Hogwild-style
//! (`hogwild.rs`); that is fast but not reproducible bit for bit.

use std::ops::Range;
use std::sync::atomic::AtomicU64;
use std::sync::Mutex;

use crate::config::Config;
use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::hogwild::HogwildSlice;
use crate::model::Model;
use crate::output_layer::Decision;
use crate::pool::Pool;
use crate::rng::Rng;
use crate::rows::Rows;
use crate::subwords::SubwordConfig;

mod explain;
pub(crate) mod hogwild;
mod loss;
pub mod pool;
mod stream;

pub use explain::{DecisionChange, ExplainedPosition, RowChange, SampleChange};

use loss::LossSum;
use stream::{BlockCursor, Shared, Stream, HOT_ROWS};

/// Where training stands, reported after every chunk.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// Corpus tokens processed so far, over all epochs (subsampled tokens count as processed).
    pub words_done: u64,
    /// epochs × tokens per epoch.
    pub total_words: u64,
    /// Current epoch, 0-based (equals `epochs` when done).
    pub epoch: usize,
    /// Learning rate in use at the end of the chunk.
    pub alpha: f64,
    /// Mean loss per prediction over the chunk (NaN when the chunk made none).
    pub loss: f64,
    /// Predictions (CBOW samples or skip-gram pairs) made in the chunk.
    pub predictions: u64,
    pub done: bool,
}

/// One prediction as it happened, for the teaching views and the gradient checks.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleTrace {
    /// Rows of W that formed h: the context words (CBOW) or the centre word (skip-gram); with
    /// subwords, those words' rows and their n-grams' rows.
    pub inputs: Vec<u32>,
    /// The hidden vector h the prediction was made from.
    pub h: Vec<f32>,
    /// The word predicted.
    pub target: u32,
    /// Every row of W' scored, with its label and probability.
    pub decisions: Vec<Decision>,
    /// Loss of this prediction before the update.
    pub loss: f32,
    /// Learning rate used for the update.
    pub alpha: f32,
}

/// One position of training as it happened: where it was in the corpus and every prediction made.
#[derive(Debug, Clone, PartialEq)]
pub struct PositionTrace {
    /// Index of the sentence in the corpus.
    pub sentence: usize,
    /// For each token of the sentence, whether subsampling kept it this time.
    pub kept: Vec<bool>,
    /// Index (in the sentence) of the centre word.
    pub centre_index: usize,
    pub centre: u32,
    /// The window c used here (word2vec's random shrink draws it from 1..=window).
    pub window: usize,
    /// Indices (in the sentence) of the context words, in order.
    pub context_indices: Vec<usize>,
    /// The predictions: one for CBOW, one per context word for skip-gram.
    pub samples: Vec<SampleTrace>,
}

/// About how many tokens a block of sentences holds. Streams take blocks one at a time, so with
/// several threads a faster one simply takes more, and all finish within a block of each other.
const BLOCK_TOKENS: usize = 10_000;

/// A model together with the corpus it trains on and the position reached.
#[derive(Debug, Clone)]
pub struct Trainer {
    corpus: Corpus,
    model: Model,
    keep: Vec<u32>,
    /// One stream, or (once training starts with `threads` > 1) one per thread, each with its
    /// own random generator; they take blocks of the corpus in turn.
    streams: Vec<Stream>,
    blocks: Vec<Range<usize>>,
    cursor: BlockCursor,
    total_words: u64,
    last: Progress,
    /// Words trained since every weight was last checked for NaN or infinity.
    unchecked_words: u64,
}

impl Trainer {
    /// Initialise a model for `corpus` (checks `config`).
    pub fn new(corpus: Corpus, config: &Config) -> Result<Trainer> {
        Trainer::with_subwords(corpus, config, None)
    }

    /// The same with fastText's subwords when `subwords` is given: a word enters training as
    /// the mean of its rows and its n-grams' (`text/subwords.rs`).
    pub fn with_subwords(
        corpus: Corpus,
        config: &Config,
        subwords: Option<SubwordConfig>,
    ) -> Result<Trainer> {
        let model = Model::with_subwords(corpus.vocab.clone(), config, subwords)?;
        let keep = corpus.vocab.keep_thresholds(config.sample);
        let total_words = corpus.num_tokens() as u64 * config.epochs as u64;
        let streams = vec![Stream::new(Rng::stream(model.seed, 0), model.dim)];
        let blocks = blocks_of(&corpus, BLOCK_TOKENS);
        let last = Progress {
            words_done: 0,
            total_words,
            epoch: 0,
            alpha: config.alpha,
            loss: f64::NAN,
            predictions: 0,
            done: false,
        };
        Ok(Trainer {
            corpus,
            model,
            keep,
            streams,
            blocks,
            cursor: BlockCursor::default(),
            total_words,
            last,
            unchecked_words: 0,
        })
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn into_model(self) -> Model {
        self.model
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// Progress after the last chunk.
    pub fn progress(&self) -> Progress {
        self.last
    }

    /// Split the trainer into what stays fixed and what training mutates.
    fn parts(&mut self) -> (Shared<'_>, &mut [Stream], &mut [f32], &mut [f32]) {
        let Trainer {
            corpus,
            model,
            keep,
            streams,
            blocks,
            cursor,
            total_words,
            ..
        } = self;
        let Model {
            config,
            input,
            output,
            output_model,
            subwords,
            ..
        } = model;
        let shared = Shared {
            corpus,
            config,
            output_model,
            subwords: subwords.as_ref(),
            keep,
            total_words: *total_words,
            blocks,
            cursor: &cursor.0,
        };
        (shared, streams, input, output)
    }

    /// Tokens processed so far by all streams.
    fn words_done(&self) -> u64 {
        self.streams.iter().map(|w| w.words_done).sum()
    }

    /// With `threads` > 1: one stream per thread, each with its own random generator (word2vec.c
    /// gives each thread a seed of its own).
    fn add_streams(&mut self) {
        let (seed, dim) = (self.model.seed, self.model.dim);
        for t in self.streams.len()..self.model.config.threads {
            self.streams
                .push(Stream::new(Rng::stream(seed, t as u64), dim));
        }
    }

    /// After a chunk: every stream's learning rate follows the global count again. Returns the
    /// tokens done and the epoch (a single stream's own; for several, as the count implies).
    fn sync_clocks(&mut self) -> (u64, usize) {
        let total = self.words_done();
        for w in &mut self.streams {
            w.clock = total;
            w.words_reported = w.words_done;
        }
        let epoch = match &self.streams[..] {
            [w] => w.epoch,
            _ => (total * self.model.config.epochs as u64 / self.total_words.max(1)) as usize,
        };
        (total, epoch)
    }

    /// Record progress after a chunk and check for divergence: a non-finite loss is caught at
    /// once; a scan of every weight (which costs as much as training |W| + |W′| words) runs at
    /// the end and otherwise once that many words have been trained since the last scan, so
    /// that small chunks (the browser's few-millisecond slices) do not pay for it each time.
    /// A non-finite weight that is used yields a non-finite score and so a non-finite loss.
    fn finish_chunk(&mut self, losses: LossSum, words_done: u64, epoch: usize) -> Result<Progress> {
        let done = words_done >= self.total_words;
        self.unchecked_words += words_done.saturating_sub(self.last.words_done);
        let alpha = self.parts().0.alpha(words_done) as f64;
        self.last = Progress {
            words_done: words_done.min(self.total_words),
            total_words: self.total_words,
            epoch: epoch.min(self.model.config.epochs),
            alpha,
            loss: losses.mean(),
            predictions: losses.count,
            done,
        };
        let weights = (self.model.input.len() + self.model.output.len()) as u64;
        let scan = done || self.unchecked_words >= weights;
        if scan {
            self.unchecked_words = 0;
        }
        if (scan && !self.model.is_finite()) || !(losses.count == 0 || losses.total().is_finite()) {
            return Err(Error::Diverged { words_done });
        }
        Ok(self.last)
    }

    /// Train on the next `max_words` tokens (or up to the end) on this thread and report
    /// progress. Returns [`Error::Diverged`] if training diverged (see `finish_chunk` for how it
    /// is noticed). With `threads` > 1 the streams take turns on this thread (reproducible, but
    /// not the same bits as one stream); see [`Trainer::train_on`].
    pub fn train(&mut self, max_words: u64) -> Result<Progress> {
        self.train_on(&Pool::new(), max_words)
    }

    /// Train on the next `max_words` tokens (or up to the end) with the pool's threads.
    ///
    /// With `threads` = 1 this is exact and reproducible: any split into chunks gives the same
    /// bits. With `threads` = k > 1 the k streams train side by side on the shared weights
    /// without locks (Hogwild!, Recht et al. 2011, as word2vec.c does) until together they have
    /// trained `max_words` tokens; between calls nothing runs, so the weights can be read safely.
    pub fn train_on(&mut self, pool: &Pool, max_words: u64) -> Result<Progress> {
        self.add_streams();
        let dim = self.model.dim;
        let words_before = self.words_done();
        let (sh, streams, input, output) = self.parts();
        if let [stream] = streams {
            let stop_at = stream.words_done.saturating_add(max_words);
            let (mut input, mut output) = (Rows::new(input, dim), Rows::new(output, dim));
            let losses = stream.run(&sh, &mut input, &mut output, stop_at, None);
            let (words, epoch) = (stream.words_done, stream.epoch);
            return self.finish_chunk(losses, words, epoch);
        }
        // Private rows: the most frequent words' rows of W (ids 0.., one `keep` entry per word)
        // and the output layer's busiest rows of W′.
        let hot = [
            0..sh.keep.len().min(HOT_ROWS),
            sh.output_model.hot_rows(HOT_ROWS),
        ];
        let round = AtomicU64::new(0);
        let clock = AtomicU64::new(words_before);
        let (input, output) = (HogwildSlice::new(input), HogwildSlice::new(output));
        let tasks = streams.len();
        let streams: Vec<Mutex<&mut Stream>> = streams.iter_mut().map(Mutex::new).collect();
        let losses = Mutex::new(LossSum::default());
        pool.run(tasks, &|t| {
            let mut stream = streams[t].lock().expect("each stream has one thread");
            let l = stream.run_hogwild(
                &sh,
                [&input, &output],
                hot.clone(),
                (&round, max_words),
                &clock,
            );
            losses.lock().expect("no panics while locked").add(l);
        });
        let losses = losses.into_inner().expect("no panics while locked");
        let (words, epoch) = self.sync_clocks();
        self.finish_chunk(losses, words, epoch)
    }

    /// Train on the next position (one centre word, after subsampling) and return where it was
    /// and every prediction made there, computed by the same code as [`Trainer::train`]. `None`
    /// when training is done. Progress is updated as after a chunk of one position (and
    /// [`Error::Diverged`] returned as by [`Trainer::train`]).
    pub fn trace_position(&mut self) -> Result<Option<PositionTrace>> {
        self.add_streams();
        let dim = self.model.dim;
        let (sh, streams, input, output) = self.parts();
        // The first stream with words left (the only one unless `threads` > 1).
        let Some(w) = streams.iter_mut().find_map(|w| w.ready(&sh).then_some(w)) else {
            return Ok(None);
        };
        let sentence = w.next_sentence - 1;
        let mut kept = vec![false; w.sentence_len as usize];
        for &i in &w.kept_at {
            kept[i as usize] = true;
        }
        let (pos, at) = (w.pos, w.kept_at.clone());
        let centre = w.kept[pos];
        let mut samples = Vec::new();
        let (mut input, mut output) = (Rows::new(input, dim), Rows::new(output, dim));
        let losses = w.step(&sh, &mut input, &mut output, Some(&mut samples));
        let c = w.last_window;
        let context_indices = (pos.saturating_sub(c)..(pos + c + 1).min(at.len()))
            .filter(|&j| j != pos)
            .map(|j| at[j] as usize)
            .collect();
        let trace = PositionTrace {
            sentence,
            kept,
            centre_index: at[pos] as usize,
            centre,
            window: c,
            context_indices,
            samples,
        };
        let (words, epoch) = self.sync_clocks();
        self.finish_chunk(losses, words, epoch)?;
        Ok(Some(trace))
    }
}

/// The corpus in contiguous blocks of sentences holding at least `tokens` tokens each (the last
/// may hold fewer), in order.
fn blocks_of(corpus: &Corpus, tokens: usize) -> Vec<Range<usize>> {
    let n = corpus.num_sentences();
    let mut blocks = Vec::new();
    let mut start = 0;
    while start < n {
        let goal = corpus.sentence_start(start) + tokens;
        let mut end = start + 1;
        while end < n && corpus.sentence_start(end) < goal {
            end += 1;
        }
        blocks.push(start..end);
        start = end;
    }
    blocks
}

#[cfg(test)]
mod tests;
