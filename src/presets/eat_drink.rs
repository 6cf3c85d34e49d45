//! The eat-drink preset: 我 喜欢 吃 ___ / 我 喜欢 喝 ___ (tutorial §1, the distributional
//! hypothesis). Foods only ever follow 吃 and drinks only 喝, with the same subjects, adverbs and
//! verbs around both, so a word's context says which of the two it is: the foods and the drinks
//! form two clusters, and 喜欢 喝 ___ is answered with drinks.

use super::pick;
use crate::rng::Rng;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_food_comes_with_eating_and_only_then() {
        let ed = eat_drink(4, 100);
        for line in ed.lines() {
            let has_food = FOODS.iter().any(|f| line.split(' ').any(|w| w == *f));
            let eats = line.split(' ').any(|w| w == "吃");
            assert_eq!(has_food, eats, "{line}");
        }
    }
}
