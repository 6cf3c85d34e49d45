//! Small corpora written by this project, generated from a seed.
//!
//! The lesson's claims are testable on them in seconds:
//! - [`tutorial`]: the worked example 深度 学习 改变 了 世界 (tutorial §2–3);
//! - [`eat_drink`]: 我 喜欢 吃 ___ / 我 喜欢 喝 ___ sentences (§1, the distributional
//!   hypothesis): foods and drinks fill different blanks, so they form two clusters;
//! - [`transformer`]: ___ 是 一种 深度 学习 模型 / ___ 使用 了 注意力 机制 (§1), with encoder
//!   models (BERT …) and decoder models (GPT …) used in slightly different sentences;
//! - [`royal`]: English sentences built so that king − man + woman ≈ queen (§6). Every person word
//!   has three attributes (gender, royal or common, adult or young), and each sentence about a
//!   person mixes one context word for each attribute: pronouns for gender, palace or village words
//!   for status, age words for age. The difference king − man therefore carries "royal minus
//!   common", which added to woman lands on queen.
//! - [`polysemy`]: 苹果 as a fruit (吃 苹果) and as a phone maker (苹果 手机): one word, two senses,
//!   and static vectors give it one vector whose neighbours mix both (§7);
//! - [`zh_classics`]: tens of thousands of characters of five-character lines in the manner of
//!   classical verse, generated from a small grammar in which each season keeps its own flowers,
//!   birds, weather and colours, so that a larger vocabulary still has structure to find.
//!
//! [`Preset`] bundles each corpus with the settings and example queries that suit it; the CLI's
//! `preset` command and the browser demo share them.
//!
//! No text is copied from anywhere; the word lists are ordinary vocabulary.

use crate::config::{Architecture, Config, OutputLayer};
use crate::error::{Error, Result};
use crate::rng::Rng;
use crate::tokenize::{ChineseText, TokenizerOptions};

/// The corpora a user can pick, with what suits each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Tutorial,
    EatDrink,
    Transformer,
    Royal,
    ZhClassics,
    Polysemy,
}

/// Queries that show what a preset teaches: the word whose neighbours to list, the pairs to
/// compare, and an analogy a : b :: c : ?.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Examples {
    pub query: &'static str,
    pub pairs: &'static [(&'static str, &'static str)],
    pub analogy: [&'static str; 3],
}

/// The seed the presets' corpora are generated with unless the user picks another.
pub const DEFAULT_SEED: u64 = 1;

impl Preset {
    pub const ALL: [Preset; 6] = [
        Preset::Tutorial,
        Preset::EatDrink,
        Preset::Transformer,
        Preset::Royal,
        Preset::ZhClassics,
        Preset::Polysemy,
    ];

    /// The name used on the command line, in the page's preset menu and in URLs.
    pub fn name(self) -> &'static str {
        match self {
            Preset::Tutorial => "tutorial",
            Preset::EatDrink => "eat-drink",
            Preset::Transformer => "transformer",
            Preset::Royal => "royal",
            Preset::ZhClassics => "zh-classics",
            Preset::Polysemy => "polysemy",
        }
    }

    pub fn from_name(name: &str) -> Result<Preset> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
                Error::config(
                    "preset",
                    format!("unknown preset '{name}' (one of {})", names.join(", ")),
                )
            })
    }

    /// The corpus at its usual size, generated from `seed`.
    pub fn text(self, seed: u64) -> String {
        self.generate(seed, self.default_size())
    }

    /// How many sentences (lines of verse for zh-classics) the usual corpus has.
    pub fn default_size(self) -> usize {
        match self {
            Preset::Tutorial => 1,
            Preset::EatDrink => 2000,
            Preset::Transformer => 1500,
            Preset::Royal => 6000,
            Preset::ZhClassics => 8000,
            Preset::Polysemy => 3000,
        }
    }

    /// The corpus with `size` sentences, generated from `seed` (the tutorial sentence ignores
    /// both).
    pub fn generate(self, seed: u64, size: usize) -> String {
        match self {
            Preset::Tutorial => tutorial(),
            Preset::EatDrink => eat_drink(seed, size),
            Preset::Transformer => transformer(seed, size),
            Preset::Royal => royal(seed, size),
            Preset::ZhClassics => zh_classics(seed, size),
            Preset::Polysemy => polysemy(seed, size),
        }
    }

    /// Hyperparameters under which the preset shows its lesson in a few seconds.
    pub fn config(self) -> Config {
        let base = Config {
            min_count: 1,
            sample: 0.0,
            seed: Some(DEFAULT_SEED),
            ..Config::default()
        };
        match self {
            // The worked example: window 2, N = 3, full softmax over five words, and many
            // passes because the corpus is one sentence.
            Preset::Tutorial => Config {
                output: OutputLayer::Softmax,
                dim: 3,
                window: 2,
                dynamic_window: false,
                epochs: 300,
                ..base
            },
            Preset::EatDrink => Config {
                dim: 20,
                window: 3,
                epochs: 5,
                ..base
            },
            Preset::Transformer => Config {
                architecture: Architecture::SkipGram,
                alpha: Config::default_alpha(Architecture::SkipGram),
                dim: 30,
                window: 4,
                epochs: 10,
                ..base
            },
            Preset::Royal => Config {
                dim: 30,
                window: 5,
                epochs: 10,
                ..base
            },
            Preset::Polysemy => Config {
                architecture: Architecture::SkipGram,
                alpha: Config::default_alpha(Architecture::SkipGram),
                dim: 30,
                window: 3,
                epochs: 5,
                ..base
            },
            Preset::ZhClassics => Config {
                architecture: Architecture::SkipGram,
                alpha: Config::default_alpha(Architecture::SkipGram),
                dim: 50,
                window: 4,
                epochs: 5,
                sample: 1e-3,
                ..base
            },
        }
    }

    /// How the preset's text is split into tokens: the verse is split into characters, the
    /// others are already segmented with spaces.
    pub fn tokenizer(self) -> TokenizerOptions {
        TokenizerOptions {
            lowercase: false,
            strip_punctuation: true,
            chinese: if self == Preset::ZhClassics {
                ChineseText::Characters
            } else {
                ChineseText::Spaces
            },
        }
    }

    pub fn examples(self) -> Examples {
        match self {
            Preset::Tutorial => Examples {
                query: "改变",
                pairs: &[("深度", "学习"), ("改变", "世界"), ("深度", "世界")],
                analogy: ["深度", "学习", "改变"],
            },
            Preset::EatDrink => Examples {
                query: "苹果",
                pairs: &[
                    ("苹果", "香蕉"),
                    ("咖啡", "茶"),
                    ("苹果", "咖啡"),
                    ("吃", "喝"),
                ],
                analogy: ["吃", "好吃", "喝"],
            },
            Preset::Transformer => Examples {
                query: "BERT",
                pairs: &[("BERT", "GPT"), ("BERT", "RoBERTa"), ("GPT", "翻译")],
                analogy: ["编码器", "理解", "解码器"],
            },
            Preset::Royal => Examples {
                query: "king",
                pairs: &[("king", "queen"), ("man", "woman"), ("king", "village")],
                analogy: ["man", "king", "woman"],
            },
            Preset::Polysemy => Examples {
                query: "苹果",
                pairs: &[("苹果", "香蕉"), ("苹果", "华为"), ("香蕉", "华为")],
                analogy: ["香蕉", "吃", "手机"],
            },
            Preset::ZhClassics => Examples {
                query: "月",
                pairs: &[("春", "秋"), ("桃", "菊"), ("雪", "梅"), ("春", "雪")],
                analogy: ["春", "燕", "冬"],
            },
        }
    }
}

/// The tutorial's five-word sentence.
pub fn tutorial() -> String {
    "深度 学习 改变 了 世界\n".to_string()
}

fn pick<'a>(rng: &mut Rng, list: &[&'a str]) -> &'a str {
    list[rng.below(list.len() as u32) as usize]
}

/// Things you eat.
pub const FOODS: [&str; 7] = ["苹果", "香蕉", "米饭", "面条", "面包", "饺子", "蛋糕"];
/// Things you drink.
pub const DRINKS: [&str; 7] = ["咖啡", "牛奶", "果汁", "可乐", "茶", "水", "啤酒"];

/// `sentences` lines of "someone likes to eat X / drink Y" (pre-segmented Chinese).
pub fn eat_drink(seed: u64, sentences: usize) -> String {
    let mut rng = Rng::new(seed);
    let subjects = [
        "我", "你", "他", "她", "我们", "他们", "小明", "妈妈", "老师",
    ];
    let adverbs = ["每天", "经常", "也", "都", "早上", "晚上"];
    let verbs = ["喜欢", "想", "爱", "要"];
    let mut out = String::new();
    for _ in 0..sentences {
        let eat = rng.below(2) == 0;
        let (verb, item, measure, taste) = if eat {
            (
                "吃",
                pick(&mut rng, &FOODS),
                pick(&mut rng, &["一碗", "一个", "一块"]),
                "好吃",
            )
        } else {
            (
                "喝",
                pick(&mut rng, &DRINKS),
                pick(&mut rng, &["一杯", "一瓶", "一口"]),
                "好喝",
            )
        };
        let line = [
            pick(&mut rng, &subjects),
            pick(&mut rng, &adverbs),
            pick(&mut rng, &verbs),
            verb,
            measure,
            item,
            "因为",
            "很",
            taste,
        ];
        // Half the sentences are the short form 我 喜欢 吃 苹果.
        let line = if rng.below(2) == 0 {
            &line[..]
        } else {
            &[line[0], line[2], line[3], line[5]][..]
        };
        out.push_str(&line.join(" "));
        out.push('\n');
    }
    out
}

/// A person word and its three attributes.
struct Person {
    word: &'static str,
    female: bool,
    royal: bool,
    young: bool,
}

const PEOPLE: [Person; 8] = [
    Person {
        word: "man",
        female: false,
        royal: false,
        young: false,
    },
    Person {
        word: "woman",
        female: true,
        royal: false,
        young: false,
    },
    Person {
        word: "king",
        female: false,
        royal: true,
        young: false,
    },
    Person {
        word: "queen",
        female: true,
        royal: true,
        young: false,
    },
    Person {
        word: "boy",
        female: false,
        royal: false,
        young: true,
    },
    Person {
        word: "girl",
        female: true,
        royal: false,
        young: true,
    },
    Person {
        word: "prince",
        female: false,
        royal: true,
        young: true,
    },
    Person {
        word: "princess",
        female: true,
        royal: true,
        young: true,
    },
];

/// `sentences` English lines where king − man + woman ≈ queen (see the module documentation).
pub fn royal(seed: u64, sentences: usize) -> String {
    let mut rng = Rng::new(seed);
    let male = ["he", "his", "him", "himself"];
    let female = ["she", "her", "hers", "herself"];
    let royal_words = [
        "palace", "throne", "crown", "kingdom", "court", "reigns", "royal", "castle",
    ];
    let common_words = [
        "village", "farm", "house", "market", "town", "works", "shop", "field",
    ];
    let adult_words = ["adult", "grown", "old", "wise", "married", "tall"];
    let young_words = ["young", "child", "little", "school", "plays", "small"];
    let neutral = [
        "the", "a", "walks", "sees", "likes", "and", "to", "in", "with", "today",
    ];
    let mut out = String::new();
    let mut words: Vec<&str> = Vec::with_capacity(12);
    for _ in 0..sentences {
        let p = &PEOPLE[rng.below(PEOPLE.len() as u32) as usize];
        words.clear();
        words.push(pick(&mut rng, if p.female { &female } else { &male }));
        words.push(pick(
            &mut rng,
            if p.royal { &royal_words } else { &common_words },
        ));
        words.push(pick(
            &mut rng,
            if p.young { &young_words } else { &adult_words },
        ));
        words.push(pick(&mut rng, &neutral));
        words.push(pick(&mut rng, &neutral));
        // Shuffle the context words, then put the person in the middle.
        for i in (1..words.len()).rev() {
            let j = rng.below(i as u32 + 1) as usize;
            words.swap(i, j);
        }
        words.insert(words.len() / 2, p.word);
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out
}

/// Encoder models, decoder models and encoder–decoder models (§1's blank: ___ 是 一种 深度 学习 模型).
pub const ENCODERS: [&str; 4] = ["BERT", "RoBERTa", "ALBERT", "ELECTRA"];
pub const DECODERS: [&str; 4] = ["GPT", "GPT-2", "GPT-3", "LLaMA"];

/// `sentences` lines about Transformer models (pre-segmented Chinese with English names).
/// Every model is a 模型 that 使用 注意力 机制; encoders 理解 and are used for 分类 and 问答,
/// decoders 生成 and are used for 写作 and 对话; the Transformer itself 包含 both halves.
pub fn transformer(seed: u64, sentences: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::new();
    for _ in 0..sentences {
        let kind = rng.below(5);
        let line: Vec<&str> = match kind {
            0 | 1 => {
                let encoder = kind == 0;
                let model = if encoder {
                    pick(&mut rng, &ENCODERS)
                } else {
                    pick(&mut rng, &DECODERS)
                };
                let (part, verb, tasks) = if encoder {
                    ("编码器", "理解", &["分类", "问答", "检索", "标注"])
                } else {
                    ("解码器", "生成", &["写作", "对话", "续写", "代码"])
                };
                match rng.below(6) {
                    0 => vec![model, "是", "一种", "深度", "学习", "模型"],
                    1 => vec![model, "使用", "了", "注意力", "机制"],
                    2 => vec![model, "基于", "Transformer", part],
                    3 => vec![model, "只", "使用", part],
                    4 => vec![model, "是", part, "模型"],
                    _ => vec![model, "擅长", verb, "文本", "用于", pick(&mut rng, tasks)],
                }
            }
            2 => match rng.below(3) {
                0 => vec!["Transformer", "包含", "编码器", "和", "解码器"],
                1 => vec!["Transformer", "使用", "了", "注意力", "机制"],
                _ => vec!["Transformer", "是", "一种", "深度", "学习", "模型"],
            },
            3 => vec![
                pick(&mut rng, &["注意力", "自", "多头"]),
                "机制",
                "计算",
                pick(&mut rng, &["词", "句子", "位置"]),
                "之间",
                "的",
                "关系",
            ],
            _ => {
                let tasks = ["翻译", "分类", "问答", "摘要", "对话"];
                let first = rng.below(5);
                let second = (first + 1 + rng.below(4)) % 5;
                vec![
                    pick(&mut rng, &["NLP", "自然", "语言", "处理"]),
                    "任务",
                    "包括",
                    tasks[first as usize],
                    "和",
                    tasks[second as usize],
                ]
            }
        };
        out.push_str(&line.join(" "));
        out.push('\n');
    }
    out
}

/// Fruits, which are eaten, and phone makers, which make phones; 苹果 is both.
const FRUITS: [&str; 5] = ["香蕉", "橘子", "葡萄", "西瓜", "梨"];
const PHONE_MAKERS: [&str; 4] = ["华为", "小米", "三星", "诺基亚"];

/// `sentences` lines where 苹果 is a fruit half the time and a phone maker the other half.
pub fn polysemy(seed: u64, sentences: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut out = String::new();
    for _ in 0..sentences {
        let apple = rng.below(3) == 0;
        let line: Vec<&str> = if rng.below(2) == 0 {
            let fruit = if apple {
                "苹果"
            } else {
                pick(&mut rng, &FRUITS)
            };
            match rng.below(3) {
                0 => vec!["我", "吃", "了", "一个", fruit],
                1 => vec![fruit, "很", pick(&mut rng, &["甜", "新鲜", "好吃"])],
                _ => vec!["妈妈", "买", "了", "一斤", fruit],
            }
        } else {
            let maker = if apple {
                "苹果"
            } else {
                pick(&mut rng, &PHONE_MAKERS)
            };
            match rng.below(3) {
                0 => vec![maker, "发布", "了", "新", "手机"],
                1 => vec![
                    "我",
                    "用",
                    maker,
                    "的",
                    pick(&mut rng, &["手机", "电脑", "系统"]),
                ],
                _ => vec![maker, "公司", "的", "股价", "上涨"],
            }
        };
        out.push_str(&line.join(" "));
        out.push('\n');
    }
    out
}

/// A season and the images that belong to it in the verse grammar.
struct Season {
    name: &'static str,
    flowers: [&'static str; 2],
    birds: [&'static str; 2],
    weather: [&'static str; 2],
    colours: [&'static str; 2],
}

const SEASONS: [Season; 4] = [
    Season {
        name: "春",
        flowers: ["桃", "柳"],
        birds: ["燕", "莺"],
        weather: ["雨", "暖"],
        colours: ["绿", "青"],
    },
    Season {
        name: "夏",
        flowers: ["荷", "莲"],
        birds: ["蝉", "蛙"],
        weather: ["雷", "热"],
        colours: ["红", "碧"],
    },
    Season {
        name: "秋",
        flowers: ["菊", "枫"],
        birds: ["雁", "鸦"],
        weather: ["霜", "凉"],
        colours: ["黄", "金"],
    },
    Season {
        name: "冬",
        flowers: ["梅", "松"],
        birds: ["鹤", "鹰"],
        weather: ["雪", "寒"],
        colours: ["白", "素"],
    },
];

/// `lines` five-character lines of generated verse (no spaces: the tokenizer splits characters).
/// Each line picks a season and draws its images from that season only, mixed with scenery
/// (山 水 江 月 …) and feelings (思 归 愁 …) shared by all seasons.
pub fn zh_classics(seed: u64, lines: usize) -> String {
    let mut rng = Rng::new(seed);
    let scenery = ["山", "水", "江", "月", "风", "云", "天", "楼", "舟", "村"];
    let feelings = ["思", "归", "愁", "醉", "梦", "望", "忆", "吟"];
    let people = ["客", "君", "人", "僧", "翁"];
    let verbs = ["开", "落", "飞", "鸣", "满", "照", "入", "生"];
    let mut out = String::new();
    for i in 0..lines {
        let s = &SEASONS[rng.below(4) as usize];
        let flower = pick(&mut rng, &s.flowers);
        let bird = pick(&mut rng, &s.birds);
        let weather = pick(&mut rng, &s.weather);
        let colour = pick(&mut rng, &s.colours);
        let chars: [&str; 5] = match rng.below(6) {
            0 => [s.name, "来", flower, "花", pick(&mut rng, &verbs)],
            1 => [
                pick(&mut rng, &scenery),
                weather,
                bird,
                pick(&mut rng, &verbs),
                colour,
            ],
            2 => [s.name, weather, pick(&mut rng, &scenery), "上", bird],
            3 => [
                colour,
                flower,
                pick(&mut rng, &verbs),
                s.name,
                pick(&mut rng, &scenery),
            ],
            4 => [
                pick(&mut rng, &people),
                pick(&mut rng, &feelings),
                s.name,
                weather,
                "时",
            ],
            _ => [
                bird,
                pick(&mut rng, &verbs),
                pick(&mut rng, &scenery),
                flower,
                colour,
            ],
        };
        out.push_str(&chars.concat());
        // Couplets: two lines to a row, separated as verse is.
        out.push_str(if i % 2 == 0 { "，" } else { "。\n" });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_deterministic_and_shaped_as_documented() {
        assert_eq!(royal(1, 50), royal(1, 50));
        assert_ne!(royal(1, 50), royal(2, 50));
        assert_eq!(royal(3, 200).lines().count(), 200);
        assert!(royal(3, 200).lines().all(|l| l.split(' ').count() == 6));
        let ed = eat_drink(4, 100);
        for line in ed.lines() {
            let has_food = FOODS.iter().any(|f| line.split(' ').any(|w| w == *f));
            let eats = line.split(' ').any(|w| w == "吃");
            assert_eq!(has_food, eats, "{line}");
        }
    }

    #[test]
    fn every_preset_has_a_valid_config_and_its_examples_are_in_its_corpus() {
        for p in Preset::ALL {
            assert_eq!(Preset::from_name(p.name()).unwrap(), p);
            p.config().validate().unwrap();
            let text = p.text(DEFAULT_SEED);
            let corpus = crate::Corpus::from_text(&text, p.tokenizer(), 1).unwrap();
            let ex = p.examples();
            let words = ex
                .pairs
                .iter()
                .flat_map(|(a, b)| [*a, *b])
                .chain(ex.analogy)
                .chain([ex.query]);
            for w in words {
                assert!(
                    corpus.vocab.id(w).is_some(),
                    "{}: {w} not in corpus",
                    p.name()
                );
            }
        }
        let err = Preset::from_name("nope").unwrap_err().to_string();
        assert!(err.contains("nope") && err.contains("zh-classics"), "{err}");
    }

    #[test]
    fn zh_classics_has_tens_of_thousands_of_tokens() {
        let p = Preset::ZhClassics;
        let corpus = crate::Corpus::from_text(&p.text(DEFAULT_SEED), p.tokenizer(), 1).unwrap();
        assert!(corpus.num_tokens() > 30_000, "{}", corpus.num_tokens());
        assert!(corpus.vocab.len() > 50, "{}", corpus.vocab.len());
    }
}
