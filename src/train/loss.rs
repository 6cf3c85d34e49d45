//! The running loss of training: the mean −log p over predictions, with about one `ln` per thirty
//! predictions.

/// Running total of the loss −log p over predictions. Likelihoods are multiplied and a logarithm
/// is taken only when the product gets small, so the mean loss costs about one `ln` per thirty
/// predictions instead of one per decision.
#[derive(Debug, Clone, Copy)]
pub(super) struct LossSum {
    /// Σ −ln p over the predictions already folded in.
    folded: f64,
    /// Product of the likelihoods not yet folded.
    pending: f64,
    pub(super) count: u64,
}

impl Default for LossSum {
    fn default() -> Self {
        LossSum {
            folded: 0.0,
            pending: 1.0,
            count: 0,
        }
    }
}

impl LossSum {
    #[inline]
    pub(super) fn push(&mut self, likelihood: f64) {
        self.pending *= likelihood;
        self.count += 1;
        if self.pending < 1e-200 {
            self.folded -= self.pending.ln();
            self.pending = 1.0;
        }
    }

    pub(super) fn total(&self) -> f64 {
        self.folded - self.pending.ln()
    }

    pub(super) fn add(&mut self, other: LossSum) {
        self.folded += other.total();
        self.count += other.count;
    }

    pub(super) fn mean(&self) -> f64 {
        if self.count == 0 {
            f64::NAN
        } else {
            self.total() / self.count as f64
        }
    }
}
