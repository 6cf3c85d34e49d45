//! A weight matrix as the training step sees it: rows by index.
//!
//! Normally this is just the matrix (W or W′, row-major). In multi-threaded training
//! (`hogwild.rs`) the most used rows, such as the rows of frequent words or the Huffman tree's top
//! nodes, are read and written in a thread-private window that is merged into the shared matrix
//! every few hundred words; every other row is the shared matrix itself. Single-threaded training
//! has an empty window, so the branch below is never taken.

/// Row access to a matrix with an optional private window over rows `window_start..`.
pub struct Rows<'a> {
    data: &'a mut [f32],
    dim: usize,
    window: &'a mut [f32],
    window_start: usize,
    window_rows: usize,
}

impl<'a> Rows<'a> {
    /// The whole matrix, no private window.
    pub fn new(data: &'a mut [f32], dim: usize) -> Self {
        Rows {
            data,
            dim,
            window: &mut [],
            window_start: 0,
            window_rows: 0,
        }
    }

    /// A matrix whose rows `window_start..window_start + window.len() / dim` live in `window`.
    pub fn with_window(
        data: &'a mut [f32],
        dim: usize,
        window: &'a mut [f32],
        window_start: usize,
    ) -> Self {
        let window_rows = window.len() / dim.max(1);
        Rows {
            data,
            dim,
            window,
            window_start,
            window_rows,
        }
    }

    /// Row `r`.
    #[inline]
    pub fn row(&self, r: u32) -> &[f32] {
        let (r, d) = (r as usize, self.dim);
        let w = r.wrapping_sub(self.window_start);
        if w < self.window_rows {
            &self.window[w * d..(w + 1) * d]
        } else {
            &self.data[r * d..(r + 1) * d]
        }
    }

    /// Row `r`, mutable.
    #[inline]
    pub fn row_mut(&mut self, r: u32) -> &mut [f32] {
        let (r, d) = (r as usize, self.dim);
        let w = r.wrapping_sub(self.window_start);
        if w < self.window_rows {
            &mut self.window[w * d..(w + 1) * d]
        } else {
            &mut self.data[r * d..(r + 1) * d]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_rows_shadow_the_matrix() {
        let mut data = vec![0.0f32; 8];
        let mut window = vec![9.0f32; 2];
        let mut rows = Rows::with_window(&mut data, 2, &mut window, 2);
        rows.row_mut(1)[0] = 1.0;
        rows.row_mut(2)[1] = 5.0;
        assert_eq!(rows.row(2), [9.0, 5.0]);
        assert_eq!(rows.row(3), [0.0, 0.0]);
        assert_eq!(data, [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        assert_eq!(window, [9.0, 5.0]);
    }
}
