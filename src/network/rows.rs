//! A weight matrix as the training step sees it: rows by index ([`RowAccess`]).
//!
//! One thread trains on the matrix itself ([`Rows`], W or W′, row-major). In multi-threaded
//! training (`hogwild.rs`) the most used rows, such as the rows of frequent words or the Huffman
//! tree's top nodes, are read and written in a thread-private window that is merged into the
//! shared matrix every few hundred words; every other row is the shared matrix itself
//! ([`WindowedRows`]). The training step is generic over the two, so one thread does not pay for
//! the window's test on every row (measured 2026-12-07, 2-core Xeon VM, 2.0M English tokens, one
//! epoch, skip-gram, `farm-bench -n 6`, median ratios of whole runs: without the test the
//! WebAssembly CLI took 0.985 of the time with negative sampling and 0.97 with hierarchical
//! softmax, natively 0.99–1.00; the generic step, against the old one, 0.99 and 0.98, natively
//! 1.00, with the same bits).
//!
//! A build without threads (the one-thread browser module, the WASI CLI) has only [`Rows`]:
//! there several streams take turns on one thread, nothing contends for a row, and the step is
//! compiled once.

/// What the training step asks of W or W′: a row to read, a row to change.
pub trait RowAccess {
    /// Row `r`.
    fn row(&self, r: u32) -> &[f32];
    /// Row `r`, mutable.
    fn row_mut(&mut self, r: u32) -> &mut [f32];
}

/// The matrix itself.
pub struct Rows<'a> {
    data: &'a mut [f32],
    dim: usize,
}

impl<'a> Rows<'a> {
    /// The rows of `data`, `dim` values each.
    pub fn new(data: &'a mut [f32], dim: usize) -> Self {
        Rows { data, dim }
    }
}

impl RowAccess for Rows<'_> {
    #[inline]
    fn row(&self, r: u32) -> &[f32] {
        let (r, d) = (r as usize, self.dim);
        &self.data[r * d..(r + 1) * d]
    }

    #[inline]
    fn row_mut(&mut self, r: u32) -> &mut [f32] {
        let (r, d) = (r as usize, self.dim);
        &mut self.data[r * d..(r + 1) * d]
    }
}

/// A matrix whose rows `window_start..window_start + window.len() / dim` live in a private
/// `window` (a thread's hot rows, `hogwild.rs`).
#[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
pub struct WindowedRows<'a> {
    data: &'a mut [f32],
    dim: usize,
    window: &'a mut [f32],
    window_start: usize,
    window_rows: usize,
}

#[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
impl<'a> WindowedRows<'a> {
    /// The rows of `data`, `dim` values each, except those from `window_start` on that `window`
    /// holds.
    pub fn new(
        data: &'a mut [f32],
        dim: usize,
        window: &'a mut [f32],
        window_start: usize,
    ) -> Self {
        let window_rows = window.len() / dim.max(1);
        WindowedRows {
            data,
            dim,
            window,
            window_start,
            window_rows,
        }
    }
}

#[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
impl RowAccess for WindowedRows<'_> {
    #[inline]
    fn row(&self, r: u32) -> &[f32] {
        let (r, d) = (r as usize, self.dim);
        let w = r.wrapping_sub(self.window_start);
        if w < self.window_rows {
            &self.window[w * d..(w + 1) * d]
        } else {
            &self.data[r * d..(r + 1) * d]
        }
    }

    #[inline]
    fn row_mut(&mut self, r: u32) -> &mut [f32] {
        let (r, d) = (r as usize, self.dim);
        let w = r.wrapping_sub(self.window_start);
        if w < self.window_rows {
            &mut self.window[w * d..(w + 1) * d]
        } else {
            &mut self.data[r * d..(r + 1) * d]
        }
    }
}

#[cfg(all(test, any(not(target_arch = "wasm32"), target_feature = "atomics")))]
mod tests {
    use super::*;

    #[test]
    fn window_rows_shadow_the_matrix() {
        let mut data = vec![0.0f32; 8];
        let mut window = vec![9.0f32; 2];
        let mut rows = WindowedRows::new(&mut data, 2, &mut window, 2);
        rows.row_mut(1)[0] = 1.0;
        rows.row_mut(2)[1] = 5.0;
        assert_eq!(rows.row(2), [9.0, 5.0]);
        assert_eq!(rows.row(3), [0.0, 0.0]);
        assert_eq!(data, [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        assert_eq!(window, [9.0, 5.0]);
    }
}
