//! One stream of training: the sliding window over the sentences it takes, CBOW or skip-gram at
//! each position over the output layer (on whole words, or on fastText's subwords), and (with
//! several threads) the Hogwild-style run on weights other streams write at the same time. [`Trainer`](super::Trainer) owns the streams.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::loss::LossSum;
use super::SampleTrace;
use crate::config::{Architecture, CbowContext, Config};
use crate::corpus::Corpus;
use crate::hogwild::HogwildSlice;
#[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
use crate::hogwild::HotRows;
use crate::kernels::axpy;
use crate::model::form_h;
use crate::output_layer::{OutputModel, Scratch};
use crate::rng::Rng;
use crate::rows::RowAccess;
#[cfg(not(any(not(target_arch = "wasm32"), target_feature = "atomics")))]
use crate::rows::Rows;
#[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
use crate::rows::WindowedRows;
use crate::subwords::Subwords;

/// What stays fixed while training: the corpus, settings and output layer.
pub(super) struct Shared<'a> {
    pub(super) corpus: &'a Corpus,
    pub(super) config: &'a Config,
    pub(super) output_model: &'a OutputModel,
    /// fastText's subwords: a word's rows of W, if the model has them.
    pub(super) subwords: Option<&'a Subwords>,
    /// Subsampling thresholds per word (`Vocab::keep_thresholds`).
    pub(super) keep: &'a [u32],
    pub(super) total_words: u64,
    /// The corpus in blocks of consecutive sentences, and the next block to train (counting
    /// over all epochs: block `b` of epoch `e` is number `e · blocks.len() + b`).
    pub(super) blocks: &'a [Range<usize>],
    pub(super) cursor: &'a AtomicUsize,
}

impl Shared<'_> {
    pub(super) fn alpha(&self, words_done: u64) -> f32 {
        let start = self.config.alpha;
        let fraction = 1.0 - words_done as f64 / (self.total_words as f64 + 1.0);
        (start * fraction).max(start * self.config.alpha_floor) as f32
    }
}

/// A stream of training: blocks of sentences taken in turn, for all epochs. Holds everything that
/// must survive between chunks. Aligned to two cache lines so that the streams of parallel
/// training, side by side in a `Vec`, never write to the same line (false sharing).
#[derive(Debug, Clone)]
#[repr(align(128))]
pub(super) struct Stream {
    pub(super) rng: Rng,
    /// Epoch of the block being trained, and the rest of that block.
    pub(super) epoch: usize,
    pub(super) next_sentence: usize,
    pub(super) block_end: usize,
    /// The current sentence after subsampling, and each kept token's index in the raw sentence.
    pub(super) kept: Vec<u32>,
    pub(super) kept_at: Vec<u32>,
    /// Next position of `kept` to train on.
    pub(super) pos: usize,
    /// `words_done` when the current sentence was loaded, and its raw length.
    pub(super) sentence_base: u64,
    pub(super) sentence_len: u64,
    /// Tokens this stream has processed.
    pub(super) words_done: u64,
    /// Tokens this stream has already added to the shared clock (parallel training).
    pub(super) words_reported: u64,
    /// Best known global progress (equals `words_done` for a single stream).
    pub(super) clock: u64,
    /// The window drawn for the last position trained (for traces).
    pub(super) last_window: usize,
    pub(super) h: Vec<f32>,
    pub(super) grad: Vec<f32>,
    pub(super) scratch: Scratch,
    /// With subwords: the rows of W that form h at this position.
    pub(super) bag: Vec<u32>,
}

/// How often (in tokens) a parallel stream publishes its progress, as word2vec.c does.
pub(super) const CLOCK_INTERVAL: u64 = 10_000;

/// How often (in tokens) a parallel stream merges its private hot rows into the shared matrices.
pub(super) const MERGE_INTERVAL: u64 = 1024;

/// How many of the busiest rows of each matrix a parallel stream keeps private between merges.
pub(super) const HOT_ROWS: usize = 256;

/// The next block to train, shared by the streams (see [`Shared::blocks`]).
#[derive(Debug, Default)]
pub(super) struct BlockCursor(pub(super) AtomicUsize);

impl Clone for BlockCursor {
    fn clone(&self) -> Self {
        BlockCursor(AtomicUsize::new(self.0.load(Ordering::Relaxed)))
    }
}

impl Stream {
    pub(super) fn new(rng: Rng, dim: usize) -> Self {
        Stream {
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
            bag: Vec::new(),
        }
    }

    /// Load the next sentence (subsampled); false when every epoch is done.
    pub(super) fn load_sentence(&mut self, sh: &Shared) -> bool {
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
    pub(super) fn ready(&mut self, sh: &Shared) -> bool {
        self.pos < self.kept.len() || self.load_sentence(sh)
    }

    /// Train on the position at `self.pos` and move past it.
    pub(super) fn step<R: RowAccess>(
        &mut self,
        sh: &Shared,
        input: &mut R,
        output: &mut R,
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

    /// Train until this stream has processed at least `stop_at` tokens or is finished. With
    /// `global`, progress is published to (and the learning rate read from) a shared clock.
    pub(super) fn run<R: RowAccess>(
        &mut self,
        sh: &Shared,
        input: &mut R,
        output: &mut R,
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

    /// Train, on weights other streams write at the same time, until the streams together have
    /// trained `budget` tokens this round (`round` counts them) or the corpus is done. The
    /// busiest rows (`hot`: a range of rows of W and one of W′) are private to the stream and
    /// merged every [`MERGE_INTERVAL`] tokens; see `hogwild.rs`. A build without threads, where
    /// the streams take turns on one thread, trains on the matrices themselves (`rows.rs`).
    pub(super) fn run_hogwild(
        &mut self,
        sh: &Shared,
        [input, output]: [&HogwildSlice; 2],
        hot: [Range<usize>; 2],
        (round, budget): (&AtomicU64, u64),
        clock: &AtomicU64,
    ) -> LossSum {
        let dim = self.h.len();
        #[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
        let (mut hot_in, mut hot_out) = {
            let [i, o] = &hot;
            (
                HotRows::new(input, i.start, i.len(), dim),
                HotRows::new(output, o.start, o.len(), dim),
            )
        };
        #[cfg(not(any(not(target_arch = "wasm32"), target_feature = "atomics")))]
        let _ = hot;
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
            #[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
            {
                let mut in_rows =
                    WindowedRows::new(shared_in, dim, &mut hot_in.local, hot[0].start);
                let mut out_rows =
                    WindowedRows::new(shared_out, dim, &mut hot_out.local, hot[1].start);
                losses.add(self.run(sh, &mut in_rows, &mut out_rows, stop, Some(clock)));
                hot_in.merge(input);
                hot_out.merge(output);
            }
            // Streams taking turns on one thread contend for no row: none is private (rows.rs).
            #[cfg(not(any(not(target_arch = "wasm32"), target_feature = "atomics")))]
            {
                let (mut in_rows, mut out_rows) =
                    (Rows::new(shared_in, dim), Rows::new(shared_out, dim));
                losses.add(self.run(sh, &mut in_rows, &mut out_rows, stop, Some(clock)));
            }
            if self.words_done == before {
                break; // nothing left to train
            }
            round.fetch_add(self.words_done - before, Ordering::Relaxed);
        }
        losses
    }

    /// Add this stream's new tokens to the shared clock and read the global progress back (the
    /// learning rate follows the global progress).
    pub(super) fn publish(&mut self, global: &AtomicU64) {
        let delta = self.words_done - self.words_reported;
        self.words_reported = self.words_done;
        self.clock = global.fetch_add(delta, Ordering::Relaxed) + delta;
    }

    /// Train on the centre word at `self.pos`: draw the window, form h, predict, update.
    pub(super) fn train_position<R: RowAccess>(
        &mut self,
        sh: &Shared,
        input: &mut R,
        output: &mut R,
        alpha: f32,
        mut trace: Option<&mut Vec<SampleTrace>>,
    ) -> LossSum {
        let Stream {
            rng,
            kept,
            pos,
            last_window,
            h,
            grad,
            scratch,
            bag,
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
        if let Some(sub) = sh.subwords {
            // fastText: a word is the mean of its rows (its own and its n-grams'), and every one
            // of them takes the whole gradient (fastText's `Model::update`). CBOW: h over all the
            // context words' rows; skip-gram: over the centre word's, formed again for each pair.
            let mut learn = |bag: &[u32], target: u32, h: &mut [f32], grad: &mut [f32]| {
                form_h(|r| input.row(r), bag.iter().copied(), bag.len(), true, h);
                predict(h, [bag, &[]], target, grad);
                for &r in bag {
                    axpy(1.0, grad, input.row_mut(r));
                }
            };
            match sh.config.architecture {
                Architecture::Cbow => {
                    bag.clear();
                    bag.extend(context().flat_map(|w| sub.rows(w).iter().copied()));
                    if !bag.is_empty() {
                        learn(bag, centre, h, grad);
                    }
                }
                Architecture::SkipGram => {
                    for w in context() {
                        learn(sub.rows(centre), w, h, grad);
                    }
                }
            }
            return losses;
        }
        match sh.config.architecture {
            Architecture::Cbow => {
                let count = left.len() + right.len();
                if count == 0 {
                    return losses;
                }
                let mean = sh.config.cbow_context == CbowContext::Mean;
                form_h(|w| input.row(w), context(), count, mean, h);
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
