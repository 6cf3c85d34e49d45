//! The royal preset: English sentences built so that king − man + woman ≈ queen (tutorial §6).
//!
//! Every person word has three attributes (gender, royal or common, adult or young), and each
//! sentence about a person mixes one context word for each attribute: pronouns for gender, palace
//! or village words for status, age words for age. The difference king − man therefore carries
//! "royal minus common", which added to woman lands on queen.

use super::pick;
use crate::rng::Rng;

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
    fn deterministic_six_word_lines() {
        assert_eq!(royal(1, 50), royal(1, 50));
        assert_ne!(royal(1, 50), royal(2, 50));
        assert_eq!(royal(3, 200).lines().count(), 200);
        assert!(royal(3, 200).lines().all(|l| l.split(' ').count() == 6));
    }
}
