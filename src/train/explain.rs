//! A traced position explained: what the page's training-step view shows (tutorial §2–5).
//!
//! [`Trainer::trace_position`] trains one position and records every prediction made there
//! ([`PositionTrace`]): the inputs, h, every decision's score and probability, the loss. A
//! student also wants to see what the step *did*. [`Trainer::explain_position`] adds it:
//! - each decision scored again from the updated weights and an h formed again from the updated
//!   input rows ([`OutputModel::rescore`](crate::output_layer::OutputModel::rescore), the output
//!   layer's own scoring): did the target's probability rise and the noise words' fall?
//! - every row of W and W′ the step touched, before and after.
//!
//! For the "before" rows it copies W and W′ before the step (|V|·dim floats each): a traced step
//! is one click of the user, not training, and the copy is a small part of its time.

use super::{PositionTrace, SampleTrace, Trainer};
use crate::error::Result;
use crate::model::Model;
use crate::ranking;

/// One decision of a traced prediction, before the update (as recorded) and after it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    all(target_arch = "wasm32", target_os = "unknown"),
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
pub struct DecisionChange {
    /// Row of W′ (a word, or an inner node of the Huffman tree).
    pub row: u32,
    /// 1 for the target (or the branch towards it), 0 for noise.
    pub label: f32,
    pub score: f32,
    pub probability: f32,
    pub score_after: f32,
    pub probability_after: f32,
}

/// One prediction of the position: its inputs, h before and after, its decisions, its loss.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    all(target_arch = "wasm32", target_os = "unknown"),
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
pub struct SampleChange {
    pub inputs: Vec<u32>,
    pub target: u32,
    pub h: Vec<f32>,
    pub h_after: Vec<f32>,
    pub decisions: Vec<DecisionChange>,
    /// −log p of the target before the update.
    pub loss: f32,
    pub alpha: f32,
}

/// A row of W or W′ before and after the step.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    all(target_arch = "wasm32", target_os = "unknown"),
    derive(serde::Serialize)
)]
pub struct RowChange {
    pub row: u32,
    pub before: Vec<f32>,
    pub after: Vec<f32>,
}

/// A traced position with everything the step changed.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(
    all(target_arch = "wasm32", target_os = "unknown"),
    derive(serde::Serialize),
    serde(rename_all = "camelCase")
)]
pub struct ExplainedPosition {
    /// Word ids of the sentence, and which of its tokens subsampling kept this time.
    pub sentence: Vec<u32>,
    pub kept: Vec<bool>,
    /// Index in the sentence of the centre word, and its id.
    pub centre_index: usize,
    pub centre: u32,
    /// The window c used here, and the indices in the sentence of the context words.
    pub window: usize,
    pub context_indices: Vec<usize>,
    /// One prediction for CBOW, one per context word for skip-gram.
    pub samples: Vec<SampleChange>,
    /// The rows of W (`input`) and W′ (`output`) the step touched, in ascending order.
    pub input: Vec<RowChange>,
    pub output: Vec<RowChange>,
}

impl Trainer {
    /// Train on the next position as [`Trainer::trace_position`] does and say what changed;
    /// `None` when training is done.
    pub fn explain_position(&mut self) -> Result<Option<ExplainedPosition>> {
        let before_in = self.model.input.clone();
        let before_out = self.model.output.clone();
        let Some(trace) = self.trace_position()? else {
            return Ok(None);
        };
        Ok(Some(explain(self, trace, &before_in, &before_out)))
    }
}

fn explain(
    trainer: &Trainer,
    trace: PositionTrace,
    before_in: &[f32],
    before_out: &[f32],
) -> ExplainedPosition {
    let model = trainer.model();
    let dim = model.dim;
    let row = |m: &[f32], r: u32| m[r as usize * dim..(r as usize + 1) * dim].to_vec();
    let changes = |before: &[f32], after: &[f32], rows: Vec<u32>| {
        ranking::ascending_unique(&rows)
            .into_iter()
            .map(|r| RowChange {
                row: r,
                before: row(before, r),
                after: row(after, r),
            })
            .collect()
    };
    let in_rows = trace
        .samples
        .iter()
        .flat_map(|s| s.inputs.iter().copied())
        .collect();
    let out_rows = trace
        .samples
        .iter()
        .flat_map(|s| s.decisions.iter().map(|d| d.row))
        .collect();
    ExplainedPosition {
        sentence: trainer.corpus().sentence(trace.sentence).to_vec(),
        samples: trace.samples.iter().map(|s| rescored(model, s)).collect(),
        kept: trace.kept,
        centre_index: trace.centre_index,
        centre: trace.centre,
        window: trace.window,
        context_indices: trace.context_indices,
        input: changes(before_in, &model.input, in_rows),
        output: changes(before_out, &model.output, out_rows),
    }
}

/// A traced prediction with its decisions scored again under the model as it is now.
fn rescored(model: &Model, s: &SampleTrace) -> SampleChange {
    let h_after = model.hidden(&s.inputs);
    let after = model
        .output_model
        .rescore(&model.output, &h_after, &s.decisions);
    SampleChange {
        inputs: s.inputs.clone(),
        target: s.target,
        h: s.h.clone(),
        h_after,
        decisions: s
            .decisions
            .iter()
            .zip(&after)
            .map(|(d, a)| DecisionChange {
                row: d.row,
                label: d.label,
                score: d.score,
                probability: d.probability,
                score_after: a.score,
                probability_after: a.probability,
            })
            .collect(),
        loss: s.loss,
        alpha: s.alpha,
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Architecture, Config, OutputLayer};
    use crate::corpus::Corpus;
    use crate::tokenize::TokenizerOptions;
    use crate::train::Trainer;

    const TEXT: &str = "深度 学习 改变 了 世界\n学习 改变 世界\n深度 学习 了";

    fn trainer(architecture: Architecture, output: OutputLayer) -> Trainer {
        let config = Config {
            architecture,
            output,
            dim: 4,
            window: 2,
            negative: 3,
            epochs: 3,
            min_count: 1,
            sample: 0.0,
            alpha: 0.5,
            seed: Some(11),
            ..Config::default()
        };
        let corpus = Corpus::from_text(TEXT, TokenizerOptions::default(), 1).unwrap();
        Trainer::new(corpus, &config).unwrap()
    }

    /// For all six combinations: rescoring under the weights from before the step gives back
    /// what the step recorded; the rows listed are the ones that changed, with both values
    /// right; and the step made the target more likely (a rate this large moves it visibly).
    #[test]
    fn explains_what_the_step_did() {
        for architecture in [Architecture::Cbow, Architecture::SkipGram] {
            for output in [
                OutputLayer::Softmax,
                OutputLayer::NegativeSampling,
                OutputLayer::Hierarchical,
            ] {
                let mut t = trainer(architecture, output);
                t.trace_position().unwrap(); // past the first position, so W′ is not all zeros
                let (before_in, before_out) = (t.model().input.clone(), t.model().output.clone());
                let e = t.explain_position().unwrap().unwrap();
                let m = t.model();
                let dim = m.dim;
                for (i, s) in e.samples.iter().enumerate() {
                    assert_eq!(s.h_after, m.hidden(&s.inputs));
                    // The first prediction saw the weights from before the position; skip-gram's
                    // later ones see the centre row and W′ as the earlier ones left them.
                    if i == 0 {
                        let mut before = m.clone();
                        before.input = before_in.clone();
                        assert_eq!(before.hidden(&s.inputs), s.h, "{architecture:?} {output:?}");
                        let recorded: Vec<_> = s
                            .decisions
                            .iter()
                            .map(|d| crate::output_layer::Decision {
                                row: d.row,
                                label: d.label,
                                score: d.score,
                                probability: d.probability,
                            })
                            .collect();
                        let again = m.output_model.rescore(&before_out, &s.h, &recorded);
                        for (d, a) in recorded.iter().zip(&again) {
                            assert!(
                                (d.score - a.score).abs() < 1e-5,
                                "{architecture:?} {output:?}"
                            );
                            assert!((d.probability - a.probability).abs() < 1e-5);
                        }
                    }
                    let target_p = |p: &dyn Fn(&super::DecisionChange) -> f32| -> f32 {
                        s.decisions
                            .iter()
                            .map(|d| if d.label > 0.5 { p(d) } else { 1.0 - p(d) })
                            .map(f32::ln)
                            .sum()
                    };
                    if output == OutputLayer::Softmax {
                        let target = s.decisions.iter().find(|d| d.label > 0.5).unwrap();
                        assert!(
                            target.probability_after > target.probability,
                            "{architecture:?} softmax: the target likelier"
                        );
                    } else {
                        assert!(
                            target_p(&|d| d.probability_after) > target_p(&|d| d.probability),
                            "{architecture:?} {output:?}: the step made the right answers likelier"
                        );
                    }
                }
                let changed = |before: &[f32], after: &[f32]| -> Vec<u32> {
                    (0..before.len() / dim)
                        .filter(|&r| {
                            before[r * dim..(r + 1) * dim] != after[r * dim..(r + 1) * dim]
                        })
                        .map(|r| r as u32)
                        .collect()
                };
                for (rows, before, after) in [
                    (&e.input, &before_in, &m.input),
                    (&e.output, &before_out, &m.output),
                ] {
                    let listed: Vec<u32> = rows.iter().map(|r| r.row).collect();
                    let moved = changed(before, after);
                    assert!(
                        moved.iter().all(|r| listed.contains(r)),
                        "{architecture:?} {output:?}: every changed row is listed"
                    );
                    for r in rows {
                        let at = r.row as usize * dim..(r.row as usize + 1) * dim;
                        assert_eq!(r.before, before[at.clone()]);
                        assert_eq!(r.after, after[at]);
                    }
                }
            }
        }
    }
}
