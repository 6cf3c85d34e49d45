//! Tests of the training loop: the tutorial's worked example, finite-difference gradient checks
//! for all six architecture × output-layer combinations (and with fastText's subwords),
//! determinism and chunking.

use super::*;
use std::sync::atomic::Ordering;

use crate::config::{Architecture, CbowContext, OutputLayer};
use crate::kernels::{axpy, scale};
use crate::tokenize::TokenizerOptions;

const SENTENCE: &str = "深度 学习 改变 了 世界";

fn tutorial_config(architecture: Architecture, output: OutputLayer) -> Config {
    Config {
        architecture,
        output,
        dim: 3,
        window: 2,
        dynamic_window: false,
        negative: 3,
        epochs: 1,
        alpha: 0.05,
        min_count: 1,
        sample: 0.0,
        seed: Some(7),
        ..Config::default()
    }
}

fn trainer(text: &str, config: &Config) -> Trainer {
    let corpus = Corpus::from_text(text, TokenizerOptions::default(), config.min_count).unwrap();
    Trainer::new(corpus, config).unwrap()
}

/// Trace positions until the centre word is `word`.
fn trace_until(t: &mut Trainer, word: &str) -> Vec<SampleTrace> {
    let id = t.corpus().vocab.id(word).unwrap();
    loop {
        let p = t.trace_position().unwrap().expect("word not reached");
        if p.centre == id {
            return p.samples;
        }
    }
}

fn words(t: &Trainer, ids: &[u32]) -> Vec<String> {
    ids.iter()
        .map(|&i| t.corpus().vocab.word(i).to_string())
        .collect()
}

#[test]
fn tutorial_cbow_gives_one_sample_for_the_centre() {
    let config = tutorial_config(Architecture::Cbow, OutputLayer::Softmax);
    let mut t = trainer(SENTENCE, &config);
    let trace = trace_until(&mut t, "改变");
    assert_eq!(trace.len(), 1);
    assert_eq!(words(&t, &trace[0].inputs), ["深度", "学习", "了", "世界"]);
    assert_eq!(words(&t, &[trace[0].target]), ["改变"]);
    // Full softmax scores all five words; the probabilities sum to 1.
    let p: f32 = trace[0].decisions.iter().map(|d| d.probability).sum();
    assert_eq!(trace[0].decisions.len(), 5);
    assert!((p - 1.0).abs() < 1e-6);
}

#[test]
fn tutorial_skipgram_gives_four_pairs_for_the_centre() {
    let config = tutorial_config(Architecture::SkipGram, OutputLayer::Softmax);
    let mut t = trainer(SENTENCE, &config);
    let trace = trace_until(&mut t, "改变");
    let pairs: Vec<(String, String)> = trace
        .iter()
        .map(|s| {
            assert_eq!(s.inputs.len(), 1);
            (
                words(&t, &s.inputs).remove(0),
                words(&t, &[s.target]).remove(0),
            )
        })
        .collect();
    let expected = ["深度", "学习", "了", "世界"].map(|w| ("改变".to_string(), w.to_string()));
    assert_eq!(pairs, expected);
}

/// Finite-difference check of one prediction: the update the trainer made to every weight equals
/// −α times the numerical gradient of the replayed loss (times c_w for CBOW-mean input rows, the
/// word2vec.c rule documented in train.rs).
fn gradient_check(architecture: Architecture, output: OutputLayer, cbow_context: CbowContext) {
    gradient_check_with(architecture, output, cbow_context, None);
}

/// The same check on a model with subwords: h is the mean of the rows of the words and their
/// n-grams, and each of those rows takes the whole −α·∂E/∂h, as in CBOW-mean.
fn gradient_check_with(
    architecture: Architecture,
    output: OutputLayer,
    cbow_context: CbowContext,
    subwords: Option<SubwordConfig>,
) {
    // A vocabulary of 17 words; the first sentence is the one traced: CBOW looks at 改变 with four context words, skip-gram at a two-word sentence so
    // that position 0 makes exactly one prediction.
    let filler = "甲 乙 丙 丁 戊 己 庚 辛 壬 癸 子 丑";
    let first = match architecture {
        Architecture::Cbow => SENTENCE,
        Architecture::SkipGram => "改变 世界",
    };
    for seed in 0..3 {
        let config = Config {
            cbow_context,
            dim: 4,
            seed: Some(seed),
            ..tutorial_config(architecture, output)
        };
        let text = format!("{first}\n{SENTENCE}\n{filler}");
        let corpus = Corpus::from_text(&text, TokenizerOptions::default(), 1).unwrap();
        let mut t = Trainer::with_subwords(corpus, &config, subwords).unwrap();
        // Random output weights, so that every gradient is non-zero.
        let mut rng = Rng::new(seed + 100);
        for w in t.model.output.iter_mut() {
            *w = rng.unit_f32() - 0.5;
        }
        // Step up to 改变, keeping a snapshot of the weights right before it.
        let centre_id = t.corpus().vocab.id("改变").unwrap();
        let (before, trace) = loop {
            let snapshot = t.model.clone();
            let p = t.trace_position().unwrap().unwrap();
            if p.centre == centre_id {
                break (snapshot, p.samples);
            }
        };
        assert_eq!(trace.len(), 1, "one prediction at the traced position");
        check_sample(&before, &t.model, &trace[0], cbow_context);
    }
}

fn check_sample(before: &Model, after: &Model, sample: &SampleTrace, cbow_context: CbowContext) {
    let dim = before.dim;
    let cbow = before.config.architecture == Architecture::Cbow;
    let mean = (cbow && cbow_context == CbowContext::Mean) || before.subwords.is_some();
    let loss = |input: &[f32], output: &[f32]| -> f64 {
        let mut h = vec![0.0f32; dim];
        for &w in &sample.inputs {
            axpy(
                1.0,
                &input[w as usize * dim..(w as usize + 1) * dim],
                &mut h,
            );
        }
        if mean {
            scale(1.0 / sample.inputs.len() as f32, &mut h);
        }
        before
            .output_model
            .replay_loss(output, &h, sample.target, &sample.decisions)
    };
    let l0 = loss(&before.input, &before.output);
    assert!(
        (l0 - sample.loss as f64).abs() < 1e-4,
        "traced loss {} vs replayed {l0}",
        sample.loss
    );
    let alpha = sample.alpha as f64;
    let eps = 1e-2f32;
    let input_scale = if mean {
        sample.inputs.len() as f64
    } else {
        1.0
    };
    let mut checked = 0;
    // Input rows that formed h.
    for &w in &sample.inputs {
        for k in 0..dim {
            let i = w as usize * dim + k;
            let mut plus = before.input.clone();
            plus[i] += eps;
            let mut minus = before.input.clone();
            minus[i] -= eps;
            let numeric = (loss(&plus, &before.output) - loss(&minus, &before.output))
                / (plus[i] - minus[i]) as f64;
            let step = (after.input[i] - before.input[i]) as f64 / alpha;
            let expected = -numeric * input_scale;
            assert!(
                (step - expected).abs() < 2e-3 * (1.0 + expected.abs()),
                "input row {w}[{k}]: step/α = {step}, −gradient = {expected}"
            );
            checked += 1;
        }
    }
    // Output rows scored.
    for d in &sample.decisions {
        for k in 0..dim {
            let i = d.row as usize * dim + k;
            let mut plus = before.output.clone();
            plus[i] += eps;
            let mut minus = before.output.clone();
            minus[i] -= eps;
            let numeric = (loss(&before.input, &plus) - loss(&before.input, &minus))
                / (plus[i] - minus[i]) as f64;
            let step = (after.output[i] - before.output[i]) as f64 / alpha;
            assert!(
                (step + numeric).abs() < 2e-3 * (1.0 + numeric.abs()),
                "output row {}[{k}]: step/α = {step}, −gradient = {}",
                d.row,
                -numeric
            );
            checked += 1;
        }
    }
    assert!(checked >= 2 * dim);
    // Nothing else moved.
    for (w, (a, b)) in before
        .input
        .chunks(dim)
        .zip(after.input.chunks(dim))
        .enumerate()
    {
        if !sample.inputs.contains(&(w as u32)) {
            assert_eq!(a, b, "input row {w} changed");
        }
    }
    for (r, (a, b)) in before
        .output
        .chunks(dim)
        .zip(after.output.chunks(dim))
        .enumerate()
    {
        if !sample.decisions.iter().any(|d| d.row == r as u32) {
            assert_eq!(a, b, "output row {r} changed");
        }
    }
}

#[test]
fn gradient_cbow_softmax() {
    gradient_check(Architecture::Cbow, OutputLayer::Softmax, CbowContext::Mean);
}

#[test]
fn gradient_cbow_negative_sampling() {
    gradient_check(
        Architecture::Cbow,
        OutputLayer::NegativeSampling,
        CbowContext::Mean,
    );
}

#[test]
fn gradient_cbow_hierarchical() {
    gradient_check(
        Architecture::Cbow,
        OutputLayer::Hierarchical,
        CbowContext::Mean,
    );
}

#[test]
fn gradient_cbow_sum() {
    for output in [
        OutputLayer::Softmax,
        OutputLayer::NegativeSampling,
        OutputLayer::Hierarchical,
    ] {
        gradient_check(Architecture::Cbow, output, CbowContext::Sum);
    }
}

#[test]
fn gradient_skipgram_softmax() {
    gradient_check(
        Architecture::SkipGram,
        OutputLayer::Softmax,
        CbowContext::Mean,
    );
}

#[test]
fn gradient_skipgram_negative_sampling() {
    gradient_check(
        Architecture::SkipGram,
        OutputLayer::NegativeSampling,
        CbowContext::Mean,
    );
}

#[test]
fn gradient_skipgram_hierarchical() {
    gradient_check(
        Architecture::SkipGram,
        OutputLayer::Hierarchical,
        CbowContext::Mean,
    );
}

#[test]
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn gradient_with_subwords() {
    // 50 buckets for the n-grams of a dozen words: some share a row, as in fastText.
    let subwords = Some(SubwordConfig {
        bucket: 50,
        ..SubwordConfig::default()
    });
    for architecture in [Architecture::Cbow, Architecture::SkipGram] {
        for output in [OutputLayer::NegativeSampling, OutputLayer::Hierarchical] {
            gradient_check_with(architecture, output, CbowContext::Mean, subwords);
        }
    }
}

fn small_corpus() -> String {
    let mut rng = Rng::new(3);
    let words: Vec<String> = (0..40).map(|i| format!("w{i}")).collect();
    (0..300)
        .map(|_| {
            let len = 3 + rng.below(12) as usize;
            (0..len)
                .map(|_| {
                    // Skewed: low ids are frequent, so subsampling has something to do.
                    let a = rng.below(40);
                    let b = rng.below(40);
                    words[a.min(b) as usize].as_str()
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn all_modes() -> Vec<Config> {
    let mut out = Vec::new();
    for architecture in [Architecture::Cbow, Architecture::SkipGram] {
        for output in [
            OutputLayer::Softmax,
            OutputLayer::NegativeSampling,
            OutputLayer::Hierarchical,
        ] {
            out.push(Config {
                architecture,
                output,
                dim: 16,
                window: 3,
                epochs: 2,
                min_count: 1,
                sample: 0.01,
                seed: Some(99),
                ..Config::default()
            });
        }
    }
    out
}

#[test]
fn same_seed_gives_identical_bits_and_another_seed_does_not() {
    let text = small_corpus();
    for config in all_modes() {
        let mut a = trainer(&text, &config);
        let mut b = trainer(&text, &config);
        a.train(u64::MAX).unwrap();
        b.train(u64::MAX).unwrap();
        assert_eq!(a.model().input, b.model().input, "{config:?}");
        assert_eq!(a.model().output, b.model().output);
        let other = Config {
            seed: Some(100),
            ..config.clone()
        };
        let mut c = trainer(&text, &other);
        c.train(u64::MAX).unwrap();
        assert_ne!(a.model().input, c.model().input);
    }
}

#[test]
fn chunked_training_equals_one_run() {
    let text = small_corpus();
    for config in all_modes() {
        let mut whole = trainer(&text, &config);
        let p = whole.train(u64::MAX).unwrap();
        assert!(p.done);
        assert_eq!(p.words_done, p.total_words);
        assert_eq!(p.epoch, 2);

        let mut chunked = trainer(&text, &config);
        let mut last = 0;
        let mut chunks = 0;
        loop {
            let p = chunked.train(37).unwrap();
            assert!(p.words_done >= last);
            last = p.words_done;
            chunks += 1;
            if p.done {
                break;
            }
        }
        assert!(chunks > 50);
        assert_eq!(whole.model().input, chunked.model().input, "{config:?}");
        assert_eq!(whole.model().output, chunked.model().output);
    }
}

#[test]
fn traced_steps_equal_untraced_steps() {
    let text = small_corpus();
    for config in all_modes() {
        let mut traced = trainer(&text, &config);
        let mut plain = trainer(&text, &config);
        for _ in 0..500 {
            traced.trace_position().unwrap().unwrap();
            plain.train(1).unwrap();
        }
        assert_eq!(traced.model().input, plain.model().input, "{config:?}");
        assert_eq!(traced.model().output, plain.model().output);
        assert_eq!(traced.progress().words_done, plain.progress().words_done);
        assert_eq!(traced.progress().alpha, plain.progress().alpha);
        // And both finish identically.
        traced.train(u64::MAX).unwrap();
        plain.train(u64::MAX).unwrap();
        assert_eq!(traced.model().input, plain.model().input);
    }
}

#[test]
fn learning_rate_decays_linearly_to_the_floor() {
    let config = Config {
        epochs: 3,
        ..all_modes()[1].clone()
    };
    let mut t = trainer(&small_corpus(), &config);
    let total = t.progress().total_words as f64;
    let half = t.train(total as u64 / 2).unwrap();
    let expected = config.alpha * (1.0 - half.words_done as f64 / (total + 1.0));
    assert!(
        (half.alpha - expected).abs() < 1e-6,
        "{} vs {expected}",
        half.alpha
    );
    let end = t.train(u64::MAX).unwrap();
    // At the end α₀·(1 − T/(T+1)) = α₀/(T+1), or the floor α₀·10⁻⁴ on a large corpus.
    let last = (config.alpha / (total + 1.0)).max(config.alpha * 1e-4);
    assert!((end.alpha - last).abs() < 1e-7, "{} vs {last}", end.alpha);
    assert!(end.loss.is_finite());
    // A higher floor stops the decay there: past the middle, the rate stays at α₀ / 2.
    let floored = Config {
        alpha_floor: 0.5,
        ..config.clone()
    };
    let mut t = trainer(&small_corpus(), &floored);
    let early = t.train(total as u64 / 4).unwrap();
    assert!(early.alpha > 0.5 * floored.alpha + 1e-6, "{}", early.alpha);
    let end = t.train(u64::MAX).unwrap();
    assert!(
        (end.alpha - 0.5 * floored.alpha).abs() < 1e-7,
        "{}",
        end.alpha
    );
}

#[test]
fn divergence_is_reported() {
    let config = Config {
        alpha: 10.0,
        cbow_context: CbowContext::Sum,
        ..all_modes()[1].clone()
    };
    let mut t = trainer(&small_corpus(), &config);
    let mut result = Ok(t.progress());
    for _ in 0..100 {
        result = t.train(500);
        if result.is_err() || result.as_ref().unwrap().done {
            break;
        }
    }
    // With a learning rate of 10 the weights explode; either training stops with a Diverged error
    // or (if the sigmoid's saturation kept them finite) every weight is still finite.
    match result {
        Err(Error::Diverged { .. }) => {}
        Ok(_) => assert!(t.model().is_finite()),
        Err(e) => panic!("unexpected error {e}"),
    }
}

#[test]
#[cfg(not(target_family = "wasm"))]
fn parallel_training_covers_the_corpus_and_learns() {
    let text = small_corpus();
    let config = Config {
        threads: 2,
        ..all_modes()[4].clone()
    };
    let mut t = trainer(&text, &config);
    let pool = Pool::with_native_helpers(1);
    let mut chunks = 0;
    let p = loop {
        let before = t.progress().words_done;
        let p = t.train_on(&pool, 500).unwrap();
        // Each of the two streams trains about half the chunk (to the end of a sentence).
        assert!(
            p.done || p.words_done - before >= 500,
            "{before} → {}",
            p.words_done
        );
        chunks += 1;
        if p.done {
            break p;
        }
    };
    assert!(chunks > 3);
    assert_eq!(t.streams.len(), 2);
    assert_eq!(p.words_done, p.total_words);
    assert_eq!(p.epoch, config.epochs);
    assert!(p.loss.is_finite());
    assert!(t.model().is_finite());
}

#[test]
fn blocks_cover_the_corpus_in_order() {
    let text = small_corpus();
    let t = trainer(&text, &all_modes()[0]);
    let corpus = t.corpus();
    let blocks = blocks_of(corpus, 300);
    assert!(blocks.len() > 3);
    assert_eq!(blocks.first().unwrap().start, 0);
    assert_eq!(blocks.last().unwrap().end, corpus.num_sentences());
    for pair in blocks.windows(2) {
        assert_eq!(pair[0].end, pair[1].start);
        let tokens = corpus.sentence_start(pair[0].end) - corpus.sentence_start(pair[0].start);
        assert!(tokens >= 300, "{tokens}");
    }
}

#[test]
fn several_workers_on_one_thread_reproduce() {
    // `threads` = 3 on a pool of one thread: the streams run one after another, so the result is
    // reproducible (multi-threaded runs are not).
    let text = small_corpus();
    let config = Config {
        threads: 3,
        ..all_modes()[1].clone()
    };
    let run = || {
        let mut t = trainer(&text, &config);
        let p = loop {
            let p = t.train(777).unwrap();
            if p.done {
                break p;
            }
        };
        assert_eq!(p.words_done, p.total_words);
        (t.streams.len(), weights_hash(t.model()))
    };
    let (streams, a) = run();
    assert_eq!(streams, 3);
    assert_eq!(a, run().1);
}

#[test]
fn tracing_works_with_several_parts() {
    let text = small_corpus();
    let config = Config {
        threads: 2,
        ..all_modes()[0].clone()
    };
    let mut t = trainer(&text, &config);
    t.train_on(&Pool::new(), 2_000).unwrap();
    let before = t.progress().words_done;
    let trace = t.trace_position().unwrap().expect("words left");
    assert!(!trace.samples.is_empty());
    assert!(t.progress().words_done > before);
    // The traced step used the global learning rate, not the part's own count.
    assert_eq!(trace.samples[0].alpha, t.parts().0.alpha(before));
}

#[test]
fn parallel_workers_follow_the_global_clock() {
    // A stream whose peers have done almost everything must use (nearly) the final learning rate.
    let text = small_corpus();
    let config = all_modes()[1].clone();
    let mut t = trainer(&text, &config);
    let total = t.progress().total_words;
    let dim = t.model.dim;
    let global = AtomicU64::new(total - 1000);
    let (sh, _, input, output) = t.parts();
    let mut stream = Stream::new(Rng::new(1), dim);
    let (mut input, mut output) = (Rows::new(input, dim), Rows::new(output, dim));
    stream.run(&sh, &mut input, &mut output, 300, Some(&global));
    assert!(
        stream.clock >= total - 1000 + stream.words_done,
        "clock {}",
        stream.clock
    );
    assert_eq!(
        global.load(Ordering::Relaxed),
        total - 1000 + stream.words_done
    );
    // So its learning rate is the global one, far below what its own progress alone would give.
    let used = sh.alpha(stream.clock.max(stream.words_done));
    assert_eq!(used, sh.alpha(total - 1000 + stream.words_done));
    assert!(used < 0.5 * sh.alpha(stream.words_done), "alpha {used}");
}

/// FNV-1a over the bits of every weight.
fn weights_hash(m: &Model) -> u64 {
    m.input
        .iter()
        .chain(&m.output)
        .fold(0xcbf2_9ce4_8422_2325u64, |h, x| {
            (h ^ x.to_bits() as u64).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

#[test]
fn pinned_bits_for_every_mode() {
    // The same seed must give the same bits on every platform (natively, in WebAssembly, with or
    // without SIMD). These hashes were recorded natively; the wasm build must reproduce them.
    let text = small_corpus();
    let hashes: Vec<u64> = all_modes()
        .iter()
        .map(|config| {
            let mut t = trainer(&text, config);
            t.train(u64::MAX).unwrap();
            weights_hash(t.model())
        })
        .collect();
    assert_eq!(hashes, PINNED, "{hashes:#x?}");
}

const PINNED: [u64; 6] = [
    0xb63b5184f07a4c65,
    0xe2c70ac773ae02bf,
    0x4e4893dfe4534f41,
    0xd8b290c187fc2c30,
    0x9752e880faa0d63a,
    0xcfc676997f31ca1c,
];

#[test]
fn a_position_trace_says_where_it_was_and_what_h_was() {
    for architecture in [Architecture::Cbow, Architecture::SkipGram] {
        let config = tutorial_config(architecture, OutputLayer::Softmax);
        let mut t = trainer(SENTENCE, &config);
        let target = t.corpus().vocab.id("改变").unwrap();
        let (before, p) = loop {
            let snapshot = t.model.clone();
            let p = t.trace_position().unwrap().unwrap();
            if p.centre == target {
                break (snapshot, p);
            }
        };
        assert_eq!((p.sentence, p.centre_index, p.window), (0, 2, 2));
        assert_eq!(p.kept, [true; 5]);
        assert_eq!(p.context_indices, [0, 1, 3, 4]);
        let row = |w: u32| before.input_row(w).to_vec();
        match architecture {
            Architecture::Cbow => {
                // h = the mean of the four context rows, as they were before the step.
                let mut mean = vec![0.0f32; 3];
                for &w in &p.samples[0].inputs {
                    for (m, x) in mean.iter_mut().zip(row(w)) {
                        *m += x / 4.0;
                    }
                }
                for (a, b) in p.samples[0].h.iter().zip(&mean) {
                    assert!((a - b).abs() < 1e-6, "{:?} vs {mean:?}", p.samples[0].h);
                }
            }
            Architecture::SkipGram => {
                // The first pair's h is the centre's row before the step; later pairs see it updated.
                assert_eq!(p.samples.len(), 4);
                assert_eq!(p.samples[0].h, row(target));
                assert_ne!(p.samples[1].h, p.samples[0].h);
                assert_eq!(p.samples[3].h.len(), 3);
            }
        }
    }
}

#[test]
fn model_hidden_is_the_h_training_used() {
    for config in all_modes() {
        let mut t = trainer(&small_corpus(), &config);
        for _ in 0..20 {
            let before = t.model.clone();
            let p = t.trace_position().unwrap().unwrap();
            // The first sample's h comes from the weights before the step (a one-word sentence
            // makes no sample).
            if let Some(first) = p.samples.first() {
                assert_eq!(before.hidden(&first.inputs), first.h, "{config:?}");
            }
        }
    }
}

#[test]
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn with_subwords_model_hidden_is_the_h_training_used() {
    let subwords = Some(SubwordConfig {
        bucket: 100,
        ..SubwordConfig::default()
    });
    for config in all_modes() {
        let corpus = Corpus::from_text(&small_corpus(), TokenizerOptions::default(), 1).unwrap();
        let mut t = Trainer::with_subwords(corpus, &config, subwords).unwrap();
        for _ in 0..20 {
            let before = t.model.clone();
            let p = t.trace_position().unwrap().unwrap();
            let Some(first) = p.samples.first() else {
                continue;
            };
            // h from the words: the context for CBOW, the centre for skip-gram.
            let words: Vec<u32> = match config.architecture {
                Architecture::Cbow => {
                    let sentence = t.corpus().sentence(p.sentence);
                    p.context_indices.iter().map(|&i| sentence[i]).collect()
                }
                Architecture::SkipGram => vec![p.centre],
            };
            assert_eq!(before.hidden(&words), first.h, "{config:?}");
        }
    }
}

#[test]
fn predicted_distributions_sum_to_one_and_match_the_loss() {
    for config in all_modes() {
        let mut t = trainer(&small_corpus(), &config);
        t.train(2_000).unwrap();
        let m = t.model();
        let h = m.hidden(&[0, 3, 5]);
        let p = m.output_model.distribution(&m.output, &h);
        assert_eq!(p.len(), m.vocab.len(), "{config:?}");
        let sum: f32 = p.iter().sum();
        assert!((sum - 1.0).abs() < 1e-4, "{config:?}: {sum}");
        if config.output == OutputLayer::Softmax {
            // −log p(target) is the loss training computes for that target.
            let loss = m.output_model.replay_loss(&m.output, &h, 2, &[]);
            assert!((-(p[2] as f64).ln() - loss).abs() < 1e-4, "{config:?}");
        }
    }
}

#[test]
fn the_blank_offers_the_most_likely_words_outside_its_context() {
    for config in all_modes() {
        let mut t = trainer(&small_corpus(), &config);
        t.train(2_000).unwrap();
        let m = t.model();
        let context = [0, 3, 5];
        let p = m.output_model.distribution(&m.output, &m.hidden(&context));
        // The slow reference: every word outside the context, sorted by probability.
        let mut expected: Vec<u32> = (0..p.len() as u32)
            .filter(|w| !context.contains(w))
            .collect();
        expected.sort_by(|&a, &b| p[b as usize].total_cmp(&p[a as usize]).then(a.cmp(&b)));
        let got = m.fill_blank(&context, 4);
        let ids: Vec<u32> = got.iter().map(|r| r.id).collect();
        assert_eq!(ids, expected[..4], "{config:?}");
        assert!(
            got.iter().all(|r| r.score == f64::from(p[r.id as usize])),
            "{config:?}"
        );
        assert!(m.fill_blank(&[], 4).is_empty());
    }
}

#[test]
fn the_blank_reads_a_typed_context_and_names_its_unknown_words() {
    let config = tutorial_config(Architecture::Cbow, OutputLayer::Hierarchical);
    let mut t = trainer(SENTENCE, &config);
    t.train(50).unwrap();
    let m = t.model();
    let answer = m.fill_blank_text(&TokenizerOptions::default(), "深度 ___ 改变 Transformer", 3);
    assert_eq!(answer.unknown, ["___", "Transformer"]);
    let ids = [m.vocab.id("深度").unwrap(), m.vocab.id("改变").unwrap()];
    let expected: Vec<(String, f32)> = m
        .fill_blank(&ids, 3)
        .iter()
        .map(|r| (m.vocab.word(r.id).to_string(), r.score as f32))
        .collect();
    let got: Vec<(String, f32)> = answer.list.into_iter().map(|s| (s.word, s.score)).collect();
    assert_eq!(got, expected);
    assert!(m
        .fill_blank_text(&TokenizerOptions::default(), "unknown words", 3)
        .list
        .is_empty());
}
