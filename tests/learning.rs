//! Learning end to end: on corpora this project generates, every architecture × output layer
//! learns what the lesson says it learns.
//! - eat/drink (tutorial §1): foods are closer to foods than to drinks, and vice versa;
//! - royal (§6): man : king :: woman : ? answers queen.

use word2vec_lab::presets::{eat_drink, royal, DRINKS, FOODS};
use word2vec_lab::query::AnalogyMethod;
use word2vec_lab::{
    Architecture, Config, Corpus, KeyedVectors, OutputLayer, Trainer, VectorSource,
};

fn modes() -> Vec<(Architecture, OutputLayer)> {
    let mut m = Vec::new();
    for a in [Architecture::Cbow, Architecture::SkipGram] {
        for o in [
            OutputLayer::Softmax,
            OutputLayer::NegativeSampling,
            OutputLayer::Hierarchical,
        ] {
            m.push((a, o));
        }
    }
    m
}

fn train(text: &str, config: &Config) -> KeyedVectors {
    let corpus = Corpus::from_text(text, Default::default(), config.min_count).unwrap();
    let mut t = Trainer::new(corpus, config).unwrap();
    let p = t.train(u64::MAX).unwrap();
    assert!(p.done && p.loss.is_finite());
    KeyedVectors::from_model(t.model(), VectorSource::Input).unwrap()
}

fn mean_cosine(kv: &KeyedVectors, a: &[&str], b: &[&str]) -> f32 {
    let mut sum = 0.0;
    let mut n = 0;
    for x in a {
        for y in b {
            if x != y {
                sum += kv.similarity(x, y).unwrap();
                n += 1;
            }
        }
    }
    sum / n as f32
}

#[test]
fn foods_and_drinks_form_two_clusters_in_every_mode() {
    let text = eat_drink(1, 3000);
    for (architecture, output) in modes() {
        let config = Config {
            architecture,
            output,
            dim: 20,
            window: 3,
            epochs: 5,
            min_count: 1,
            sample: 0.0,
            alpha: Config::default_alpha(architecture),
            seed: Some(1),
            ..Config::default()
        };
        let kv = train(&text, &config);
        let within = (mean_cosine(&kv, &FOODS, &FOODS) + mean_cosine(&kv, &DRINKS, &DRINKS)) / 2.0;
        let across = mean_cosine(&kv, &FOODS, &DRINKS);
        println!("{architecture:?} {output:?}: within {within:.3}, across {across:.3}");
        assert!(
            within > across + 0.3,
            "{architecture:?} {output:?}: within {within}, across {across}"
        );
        // Every food's nearest neighbour is a food.
        for f in FOODS {
            let n = &kv.nearest(f, 1).unwrap()[0].word;
            assert!(
                FOODS.contains(&n.as_str()),
                "{architecture:?} {output:?}: {f} → {n}"
            );
        }
    }
}

#[test]
fn king_minus_man_plus_woman_is_queen_in_every_mode() {
    let text = royal(7, 6000);
    for (architecture, output) in modes() {
        let config = Config {
            architecture,
            output,
            dim: 30,
            window: 5,
            epochs: 10,
            min_count: 1,
            sample: 0.0,
            alpha: Config::default_alpha(architecture),
            seed: Some(3),
            ..Config::default()
        };
        let kv = train(&text, &config);
        for method in [AnalogyMethod::CosAdd, AnalogyMethod::CosMul] {
            let r = kv.analogy("man", "king", "woman", 3, method).unwrap();
            println!("{architecture:?} {output:?} {method:?}: {r:?}");
            assert_eq!(
                r[0].word, "queen",
                "{architecture:?} {output:?} {method:?}: {r:?}"
            );
        }
    }
}

#[test]
fn each_preset_answers_its_own_example_analogy() {
    use word2vec_lab::presets::{Preset, DEFAULT_SEED};
    // What the page shows after one click on Train, with the preset's own settings and seed.
    let expected: [(Preset, &[&str]); 5] = [
        (Preset::Polysemy, &["发布", "用"]),
        (Preset::EatDrink, &["好喝"]),
        (Preset::Transformer, &["生成"]),
        (Preset::Royal, &["queen"]),
        (Preset::ZhClassics, &["鹤", "鹰"]),
    ];
    for (preset, answers) in expected {
        let corpus = Corpus::from_text(&preset.text(DEFAULT_SEED), preset.tokenizer(), 1).unwrap();
        let mut t = Trainer::new(corpus, &preset.config()).unwrap();
        t.train(u64::MAX).unwrap();
        let kv = KeyedVectors::from_model(t.model(), VectorSource::Input).unwrap();
        let [a, b, c] = preset.examples().analogy;
        let top = &kv.analogy(a, b, c, 1, AnalogyMethod::CosAdd).unwrap()[0].word;
        assert!(
            answers.contains(&top.as_str()),
            "{}: {a} : {b} :: {c} → {top}",
            preset.name()
        );
    }
}

#[test]
fn a_polysemous_word_has_both_senses_among_its_neighbours() {
    use word2vec_lab::presets::{Preset, DEFAULT_SEED};
    let p = Preset::Polysemy;
    let corpus = Corpus::from_text(&p.text(DEFAULT_SEED), p.tokenizer(), 1).unwrap();
    let mut t = Trainer::new(corpus, &p.config()).unwrap();
    t.train(u64::MAX).unwrap();
    let kv = KeyedVectors::from_model(t.model(), VectorSource::Input).unwrap();
    let near: Vec<String> = kv
        .nearest("苹果", 8)
        .unwrap()
        .into_iter()
        .map(|s| s.word)
        .collect();
    let fruit = ["香蕉", "橘子", "葡萄", "西瓜", "梨"];
    let phone = ["华为", "小米", "三星", "诺基亚"];
    assert!(near.iter().any(|w| fruit.contains(&w.as_str())), "{near:?}");
    assert!(near.iter().any(|w| phone.contains(&w.as_str())), "{near:?}");
    // One vector for two senses: 苹果 is less close to either group than the group to itself.
    let apple_banana = kv.similarity("苹果", "香蕉").unwrap();
    let banana_grape = kv.similarity("香蕉", "葡萄").unwrap();
    let apple_huawei = kv.similarity("苹果", "华为").unwrap();
    let huawei_xiaomi = kv.similarity("华为", "小米").unwrap();
    assert!(apple_banana < banana_grape && apple_huawei < huawei_xiaomi);
}

#[test]
fn subwords_give_an_unseen_word_a_vector_near_the_words_that_share_its_pieces() {
    use word2vec_lab::presets::{Preset, DEFAULT_SEED};
    use word2vec_lab::subwords::SubwordConfig;
    let p = Preset::Royal;
    let corpus = Corpus::from_text(&p.text(DEFAULT_SEED), p.tokenizer(), 1).unwrap();
    assert!(corpus.vocab.id("kingly").is_none());
    let sub = SubwordConfig {
        bucket: 20_000,
        ..SubwordConfig::default()
    };
    let mut t = Trainer::with_subwords(corpus, &p.config(), Some(sub)).unwrap();
    t.train(u64::MAX).unwrap();
    let model = t.model();
    let kv = KeyedVectors::from_model(model, VectorSource::Input).unwrap();
    // An unseen word: the mean of its n-grams' rows (<ki, <kin, <king … are king's too).
    let kingly = model.unseen_vector("kingly").unwrap();
    // A vocabulary word's vector is the mean of its rows (a plain loop as the reference).
    let king = model.vocab.id("king").unwrap();
    let rows = model.subwords.as_ref().unwrap().rows(king);
    let dim = model.dim;
    for (k, &x) in kv.vector(king).iter().enumerate() {
        let mean = rows
            .iter()
            .map(|&r| model.input[r as usize * dim + k])
            .sum::<f32>()
            / rows.len() as f32;
        assert!((x - mean).abs() < 1e-6, "king[{k}]: {x} vs {mean}");
    }
    // The rows saved beside the vectors give the same vector (w2v nearest uses them).
    let saved = word2vec_lab::ngrams::NgramRows::from_model(model).unwrap();
    assert_eq!(saved.vector("kingly").unwrap(), kingly);
    let near: Vec<String> = kv
        .nearest_to_vector(&kingly, 3, &[])
        .into_iter()
        .map(|s| s.word)
        .collect();
    assert!(near.iter().any(|w| w == "king"), "kingly → {near:?}");
    // The lesson still holds on whole words.
    let r = kv
        .analogy("man", "king", "woman", 3, AnalogyMethod::CosAdd)
        .unwrap();
    assert!(r.iter().any(|s| s.word == "queen"), "{r:?}");
    // Without subwords there is nothing to build it from.
    let plain = Trainer::new(
        Corpus::from_text(&p.text(DEFAULT_SEED), p.tokenizer(), 1).unwrap(),
        &p.config(),
    )
    .unwrap();
    assert!(plain.model().unseen_vector("kingly").is_none());
}
