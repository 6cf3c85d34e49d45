//! The transformer preset: ___ 是 一种 深度 学习 模型 / ___ 使用 了 注意力 机制 (tutorial §1).
//! Encoder models (BERT …) and decoder models (GPT …) share most of their sentences and differ
//! in a few (理解 / 生成, 分类 / 写作), so they are near each other and nearer their own kind.

use super::pick;
use crate::rng::Rng;

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
