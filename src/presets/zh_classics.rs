//! The zh-classics preset: tens of thousands of characters of five-character lines in the manner
//! of classical verse, generated from a small grammar in which each season keeps its own flowers,
//! birds, weather and colours, so that a larger vocabulary still has structure to find. Read one
//! character a token, as classical Chinese is.

use super::pick;
use crate::rng::Rng;

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
    use crate::presets::{Preset, DEFAULT_SEED};

    #[test]
    fn tens_of_thousands_of_tokens() {
        let p = Preset::ZhClassics;
        let corpus = crate::Corpus::from_text(&p.text(DEFAULT_SEED), p.tokenizer(), 1).unwrap();
        assert!(corpus.num_tokens() > 30_000, "{}", corpus.num_tokens());
        assert!(corpus.vocab.len() > 50, "{}", corpus.vocab.len());
    }
}
