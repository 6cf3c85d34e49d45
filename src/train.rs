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
//! Training advances in chunks ([`Trainer::train`]); all state between chunks (the random stream,
//! the current sentence after subsampling, the position in it) lives in [`Worker`], so any split
//! into chunks gives the same weights as one uninterrupted run. With `threads` > 1 there are that
//! many workers, each with its own random stream, taking blocks of about [`BLOCK_TOKENS`] tokens
//! of the corpus in turn, and [`Trainer::train_on`] runs them side by side on a fork-join
//! [`Pool`] (native threads, or Web Workers in the browser), Hogwild-style (`hogwild.rs`); that is
//! fast but not reproducible bit for bit.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::config::{Architecture, CbowContext, Config};
use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::hogwild::{HogwildSlice, HotRows};
use crate::kernels::{axpy, scale};
use crate::model::Model;
use crate::output_layer::{Decision, OutputModel, Scratch};
use crate::pool::Pool;
use crate::rng::Rng;
use crate::rows::Rows;

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
    /// Rows of W that formed h: the context words (CBOW) or the centre word (skip-gram).
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

/// What stays fixed while training: the corpus, settings and output layer.
struct Shared<'a> {
    corpus: &'a Corpus,
    config: &'a Config,
    output_model: &'a OutputModel,
    /// Subsampling thresholds per word (`Vocab::keep_thresholds`).
    keep: &'a [u32],
    total_words: u64,
    /// The corpus in blocks of consecutive sentences, and the next block to train (counting
    /// over all epochs: block `b` of epoch `e` is number `e · blocks.len() + b`).
    blocks: &'a [Range<usize>],
    cursor: &'a AtomicUsize,
}

impl Shared<'_> {
    fn alpha(&self, words_done: u64) -> f32 {
        let start = self.config.alpha;
        let fraction = 1.0 - words_done as f64 / (self.total_words as f64 + 1.0);
        (start * fraction).max(start * 1e-4) as f32
    }
}

/// Running total of the loss −log p over predictions. Likelihoods are multiplied and a logarithm
/// is taken only when the product gets small, so the mean loss costs about one `ln` per thirty
/// predictions instead of one per decision.
#[derive(Debug, Clone, Copy)]
struct LossSum {
    /// Σ −ln p over the predictions already folded in.
    folded: f64,
    /// Product of the likelihoods not yet folded.
    pending: f64,
    count: u64,
}

impl Default for LossSum {
    fn default() -> Self {
        LossSum {
            folded: 0.0,
            pending: 1.0,
            count: 0,
        }
    }
}

impl LossSum {
    #[inline]
    fn push(&mut self, likelihood: f64) {
        self.pending *= likelihood;
        self.count += 1;
        if self.pending < 1e-200 {
            self.folded -= self.pending.ln();
            self.pending = 1.0;
        }
    }

    fn total(&self) -> f64 {
        self.folded - self.pending.ln()
    }

    fn add(&mut self, other: LossSum) {
        self.folded += other.total();
        self.count += other.count;
    }

    fn mean(&self) -> f64 {
        if self.count == 0 {
            f64::NAN
        } else {
            self.total() / self.count as f64
        }
    }
}

/// A stream of training: blocks of sentences taken in turn, for all epochs. Holds everything that
/// must survive between chunks. Aligned to two cache lines so that the workers of parallel
/// training, side by side in a `Vec`, never write to the same line (false sharing).
#[derive(Debug, Clone)]
#[repr(align(128))]
pub(crate) struct Worker {
    rng: Rng,
    /// Epoch of the block being trained, and the rest of that block.
    epoch: usize,
    next_sentence: usize,
    block_end: usize,
    /// The current sentence after subsampling, and each kept token's index in the raw sentence.
    kept: Vec<u32>,
    kept_at: Vec<u32>,
    /// Next position of `kept` to train on.
    pos: usize,
    /// `words_done` when the current sentence was loaded, and its raw length.
    sentence_base: u64,
    sentence_len: u64,
    /// Tokens this worker has processed.
    words_done: u64,
    /// Tokens this worker has already added to the shared clock (parallel training).
    words_reported: u64,
    /// Best known global progress (equals `words_done` for a single worker).
    clock: u64,
    /// The window drawn for the last position trained (for traces).
    last_window: usize,
    h: Vec<f32>,
    grad: Vec<f32>,
    scratch: Scratch,
}

/// How often (in tokens) a parallel worker publishes its progress, as word2vec.c does.
const CLOCK_INTERVAL: u64 = 10_000;

/// How often (in tokens) a parallel worker merges its private hot rows into the shared matrices.
const MERGE_INTERVAL: u64 = 1024;

/// How many of the busiest rows of each matrix a parallel worker keeps private between merges.
const HOT_ROWS: usize = 256;

/// About how many tokens a block of sentences holds. Workers take blocks one at a time, so with
/// several threads a faster one simply takes more, and all finish within a block of each other.
const BLOCK_TOKENS: usize = 10_000;

/// The next block to train, shared by the workers (see [`Shared::blocks`]).
#[derive(Debug, Default)]
struct BlockCursor(AtomicUsize);

impl Clone for BlockCursor {
    fn clone(&self) -> Self {
        BlockCursor(AtomicUsize::new(self.0.load(Ordering::Relaxed)))
    }
}

impl Worker {
    fn new(rng: Rng, dim: usize) -> Self {
        Worker {
            rng,
            epoch: 0,
            next_sentence: 0,
            block_end: 0,
            kept: Vec::new(),
            kept_at: Vec::new(),
            pos: 0,
            sentence_base: 0,
            sentence_len: 0,
            words_done: 0,
            words_reported: 0,
            clock: 0,
            last_window: 0,
            h: vec![0.0; dim],
            grad: vec![0.0; dim],
            scratch: Scratch::default(),
        }
    }

    /// Load the next sentence (subsampled); false when every epoch is done.
    fn load_sentence(&mut self, sh: &Shared) -> bool {
        loop {
            if self.next_sentence >= self.block_end {
                // Take the next block nobody has taken yet.
                let n = sh.blocks.len();
                let b = sh.cursor.fetch_add(1, Ordering::Relaxed);
                if b >= n * sh.config.epochs {
                    self.epoch = sh.config.epochs;
                    return false;
                }
                self.epoch = b / n;
                (self.next_sentence, self.block_end) =
                    (sh.blocks[b % n].start, sh.blocks[b % n].end);
                continue;
            }
            let raw = sh.corpus.sentence(self.next_sentence);
            self.next_sentence += 1;
            self.kept.clear();
            self.kept_at.clear();
            for (i, &w) in raw.iter().enumerate() {
                let threshold = sh.keep[w as usize];
                if threshold == u32::MAX || self.rng.next_u32() < threshold {
                    self.kept.push(w);
                    self.kept_at.push(i as u32);
                }
            }
            self.pos = 0;
            self.sentence_base = self.words_done;
            self.sentence_len = raw.len() as u64;
            if !self.kept.is_empty() {
                return true;
            }
            self.words_done += self.sentence_len;
        }
    }

    /// Make sure a position is ready to train on, loading sentences as needed; false when every
    /// epoch is done.
    fn ready(&mut self, sh: &Shared) -> bool {
        self.pos < self.kept.len() || self.load_sentence(sh)
    }

    /// Train on the position at `self.pos` and move past it.
    fn step(
        &mut self,
        sh: &Shared,
        input: &mut Rows,
        output: &mut Rows,
        trace: Option<&mut Vec<SampleTrace>>,
    ) -> LossSum {
        let alpha = sh.alpha(self.clock.max(self.words_done));
        let losses = self.train_position(sh, input, output, alpha, trace);
        self.words_done = self.sentence_base + self.kept_at[self.pos] as u64 + 1;
        self.pos += 1;
        if self.pos == self.kept.len() {
            // End of sentence: count the tokens dropped after the last kept one too.
            self.words_done = self.sentence_base + self.sentence_len;
            self.kept.clear();
            self.pos = 0;
        }
        losses
    }

    /// Train until this worker has processed at least `stop_at` tokens or is finished. With
    /// `global`, progress is published to (and the learning rate read from) a shared clock.
    fn run(
        &mut self,
        sh: &Shared,
        input: &mut Rows,
        output: &mut Rows,
        stop_at: u64,
        global: Option<&AtomicU64>,
    ) -> LossSum {
        let mut losses = LossSum::default();
        while self.words_done < stop_at && self.ready(sh) {
            losses.add(self.step(sh, input, output, None));
            match global {
                Some(g) if self.words_done - self.words_reported >= CLOCK_INTERVAL => {
                    self.publish(g)
                }
                Some(_) => {}
                None => self.clock = self.words_done,
            }
        }
        if let Some(g) = global {
            self.publish(g);
        }
        losses
    }

    /// Train, on weights other workers write at the same time, until the workers together have
    /// trained `budget` tokens this round (`round` counts them) or the corpus is done. The
    /// busiest rows (`hot`: a range of rows of W and one of W′) are private to the worker and
    /// merged every [`MERGE_INTERVAL`] tokens; see `hogwild.rs`.
    fn run_hogwild(
        &mut self,
        sh: &Shared,
        [input, output]: [&HogwildSlice; 2],
        [hot_input, hot_output]: [Range<usize>; 2],
        (round, budget): (&AtomicU64, u64),
        clock: &AtomicU64,
    ) -> LossSum {
        let dim = self.h.len();
        let mut hot_in = HotRows::new(input, hot_input.start, hot_input.len(), dim);
        let mut hot_out = HotRows::new(output, hot_output.start, hot_output.len(), dim);
        let mut losses = LossSum::default();
        loop {
            let left = budget.saturating_sub(round.load(Ordering::Relaxed));
            if left == 0 {
                break;
            }
            let before = self.words_done;
            let stop = before + left.min(MERGE_INTERVAL);
            // SAFETY (Hogwild): see hogwild.rs — racy f32 updates are the algorithm.
            let (shared_in, shared_out) = unsafe { (input.slice(), output.slice()) };
            let mut in_rows = Rows::with_window(shared_in, dim, &mut hot_in.local, hot_input.start);
            let mut out_rows =
                Rows::with_window(shared_out, dim, &mut hot_out.local, hot_output.start);
            losses.add(self.run(sh, &mut in_rows, &mut out_rows, stop, Some(clock)));
            hot_in.merge(input);
            hot_out.merge(output);
            if self.words_done == before {
                break; // nothing left to train
            }
            round.fetch_add(self.words_done - before, Ordering::Relaxed);
        }
        losses
    }

    /// Add this worker's new tokens to the shared clock and read the global progress back (the
    /// learning rate follows the global progress).
    fn publish(&mut self, global: &AtomicU64) {
        let delta = self.words_done - self.words_reported;
        self.words_reported = self.words_done;
        self.clock = global.fetch_add(delta, Ordering::Relaxed) + delta;
    }

    /// Train on the centre word at `self.pos`: draw the window, form h, predict, update.
    fn train_position(
        &mut self,
        sh: &Shared,
        input: &mut Rows,
        output: &mut Rows,
        alpha: f32,
        mut trace: Option<&mut Vec<SampleTrace>>,
    ) -> LossSum {
        let Worker {
            rng,
            kept,
            pos,
            last_window,
            h,
            grad,
            scratch,
            ..
        } = self;
        let pos = *pos;
        let window = sh.config.window;
        let c = if sh.config.dynamic_window {
            window - rng.below(window as u32) as usize
        } else {
            window
        };
        *last_window = c;
        let centre = kept[pos];
        let (left, right) = (
            &kept[pos.saturating_sub(c)..pos],
            &kept[pos + 1..(pos + c + 1).min(kept.len())],
        );
        let mut losses = LossSum::default();
        // One prediction of `target` from `h`, which was formed from the rows `inputs`.
        let mut predict = |h: &[f32], inputs: [&[u32]; 2], target: u32, grad: &mut [f32]| {
            grad.fill(0.0);
            let mut record = trace.as_deref_mut().map(|t| {
                t.push(SampleTrace {
                    inputs: inputs.concat(),
                    h: h.to_vec(),
                    target,
                    decisions: Vec::new(),
                    loss: 0.0,
                    alpha,
                });
                t.last_mut().expect("just pushed")
            });
            let decisions = record.as_mut().map(|s| &mut s.decisions);
            let likelihood = sh
                .output_model
                .learn(output, h, target, alpha, grad, rng, scratch, decisions);
            if let Some(s) = record {
                s.loss = -likelihood.ln() as f32;
            }
            losses.push(likelihood);
        };
        let context = || left.iter().chain(right).copied();
        match sh.config.architecture {
            Architecture::Cbow => {
                let count = left.len() + right.len();
                if count == 0 {
                    return losses;
                }
                h.fill(0.0);
                for w in context() {
                    axpy(1.0, input.row(w), h);
                }
                if sh.config.cbow_context == CbowContext::Mean {
                    scale(1.0 / count as f32, h);
                }
                predict(h, [left, right], centre, grad);
                for w in context() {
                    axpy(1.0, grad, input.row_mut(w));
                }
            }
            Architecture::SkipGram => {
                for w in context() {
                    predict(input.row(centre), [&[centre], &[]], w, grad);
                    axpy(1.0, grad, input.row_mut(centre));
                }
            }
        }
        losses
    }
}

/// A model together with the corpus it trains on and the position reached.
#[derive(Debug, Clone)]
pub struct Trainer {
    corpus: Corpus,
    model: Model,
    keep: Vec<u32>,
    /// One worker, or (once training starts with `threads` > 1) one per thread, each with its
    /// own random stream; they take blocks of the corpus in turn.
    workers: Vec<Worker>,
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
        let model = Model::new(corpus.vocab.clone(), config)?;
        let keep = corpus.vocab.keep_thresholds(config.sample);
        let total_words = corpus.num_tokens() as u64 * config.epochs as u64;
        let workers = vec![Worker::new(Rng::stream(model.seed, 0), model.dim)];
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
            workers,
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
    fn parts(&mut self) -> (Shared<'_>, &mut [Worker], &mut [f32], &mut [f32]) {
        let Trainer {
            corpus,
            model,
            keep,
            workers,
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
            ..
        } = model;
        let shared = Shared {
            corpus,
            config,
            output_model,
            keep,
            total_words: *total_words,
            blocks,
            cursor: &cursor.0,
        };
        (shared, workers, input, output)
    }

    /// Tokens processed so far by all workers.
    fn words_done(&self) -> u64 {
        self.workers.iter().map(|w| w.words_done).sum()
    }

    /// With `threads` > 1: one worker per thread, each with its own random stream (word2vec.c
    /// gives each thread a seed of its own).
    fn add_workers(&mut self) {
        let (seed, dim) = (self.model.seed, self.model.dim);
        for t in self.workers.len()..self.model.config.threads {
            self.workers
                .push(Worker::new(Rng::stream(seed, t as u64), dim));
        }
    }

    /// After a chunk: every worker's learning rate follows the global count again. Returns the
    /// tokens done and the epoch (a single worker's own; for several, as the count implies).
    fn sync_clocks(&mut self) -> (u64, usize) {
        let total = self.words_done();
        for w in &mut self.workers {
            w.clock = total;
            w.words_reported = w.words_done;
        }
        let epoch = match &self.workers[..] {
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
    /// is noticed). With `threads` > 1 the workers take turns on this thread (reproducible, but
    /// not the same bits as one worker); see [`Trainer::train_on`].
    pub fn train(&mut self, max_words: u64) -> Result<Progress> {
        self.train_on(&Pool::new(), max_words)
    }

    /// Train on the next `max_words` tokens (or up to the end) with the pool's threads.
    ///
    /// With `threads` = 1 this is exact and reproducible: any split into chunks gives the same
    /// bits. With `threads` = k > 1 the k workers train side by side on the shared weights
    /// without locks (Hogwild!, Recht et al. 2011, as word2vec.c does) until together they have
    /// trained `max_words` tokens; between calls nothing runs, so the weights can be read safely.
    pub fn train_on(&mut self, pool: &Pool, max_words: u64) -> Result<Progress> {
        self.add_workers();
        let dim = self.model.dim;
        let words_before = self.words_done();
        let (sh, workers, input, output) = self.parts();
        if let [worker] = workers {
            let stop_at = worker.words_done.saturating_add(max_words);
            let (mut input, mut output) = (Rows::new(input, dim), Rows::new(output, dim));
            let losses = worker.run(&sh, &mut input, &mut output, stop_at, None);
            let (words, epoch) = (worker.words_done, worker.epoch);
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
        let tasks = workers.len();
        let workers: Vec<Mutex<&mut Worker>> = workers.iter_mut().map(Mutex::new).collect();
        let losses = Mutex::new(LossSum::default());
        pool.run(tasks, &|t| {
            let mut worker = workers[t].lock().expect("each worker has one thread");
            let l = worker.run_hogwild(
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
        self.add_workers();
        let dim = self.model.dim;
        let (sh, workers, input, output) = self.parts();
        // The first worker with words left (the only one unless `threads` > 1).
        let Some(w) = workers.iter_mut().find_map(|w| w.ready(&sh).then_some(w)) else {
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
#[path = "train_tests.rs"]
mod tests;
