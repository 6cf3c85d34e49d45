//! The polysemy preset: 苹果 as a fruit (吃 苹果) and as a phone maker (苹果 手机). One word,
//! two senses: a static vector gives it one point, whose neighbours mix fruits and phone makers
//! (tutorial §7, the limits of static vectors).

use super::pick;
use crate::rng::Rng;

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
