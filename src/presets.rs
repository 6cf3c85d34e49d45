//! Small corpora written by this project, generated from a seed.
//!
//! The lesson's claims are testable on them in seconds:
//! - [`tutorial`]: the worked example 深度 学习 改变 了 世界 (tutorial §2–3);
//! - [`eat_drink`]: 我 喜欢 吃 ___ / 我 喜欢 喝 ___ sentences (§1, the distributional
//!   hypothesis): foods and drinks fill different blanks, so they form two clusters;
//! - [`royal`]: English sentences built so that king − man + woman ≈ queen (§6). Every person word
//!   has three attributes (gender, royal or common, adult or young), and each sentence about a
//!   person mixes one context word for each attribute: pronouns for gender, palace or village words
//!   for status, age words for age. The difference king − man therefore carries "royal minus
//!   common", which added to woman lands on queen.
//!
//! No text is copied from anywhere; the word lists are ordinary vocabulary.

use crate::rng::Rng;

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
}
