//! Lock-free shared weights for multi-threaded training (Hogwild!, Recht et al. 2011).
//!
//! word2vec.c's threads all read and write `syn0`/`syn1neg` without locks: updates are sparse, so
//! collisions are rare and an occasional lost update does no harm to SGD. This module hands every
//! thread a mutable view of the same buffer, as finalfrontier's `Hogwild` type does. `unsafe` code
//! lives here and in three other places: `pool.rs` (lending a closure to helper threads),
//! `train/stream.rs` (taking the views each round, under this module's contract) and `kernels.rs`
//! (SIMD).
//! Results with more than one thread are therefore not reproducible bit for bit; single-threaded
//! training is.
//!
//! Lock-free sharing breaks down on rows that *every* thread writes all the time: the top nodes of
//! the Huffman tree (every hierarchical-softmax prediction passes the root) and the rows of the
//! most frequent words. Each write moves the row's cache lines to the writing core, so two threads
//! writing the root spend their time passing it back and forth (measured here: skip-gram with
//! hierarchical softmax ran *slower* on two threads than on one). [`HotRows`] gives each thread a
//! private copy of those few rows and merges them into the shared matrix every few hundred words:
//! each thread adds what it changed (local − base) to the shared row and takes the shared value as
//! its new base.

use std::marker::PhantomData;

/// A `&mut [f32]` that several threads may write at once.
pub(crate) struct HogwildSlice<'a> {
    ptr: *mut f32,
    len: usize,
    _borrow: PhantomData<&'a mut [f32]>,
}

// SAFETY: the pointer comes from a `&'a mut [f32]` held for the whole lifetime, so the memory stays
// valid and nothing outside the training threads touches it. Concurrent unsynchronised f32 writes
// are the Hogwild algorithm's deliberate choice (see the module documentation).
unsafe impl Send for HogwildSlice<'_> {}
unsafe impl Sync for HogwildSlice<'_> {}

impl<'a> HogwildSlice<'a> {
    pub(crate) fn new(slice: &'a mut [f32]) -> Self {
        HogwildSlice {
            ptr: slice.as_mut_ptr(),
            len: slice.len(),
            _borrow: PhantomData,
        }
    }

    /// A mutable view of the whole buffer.
    ///
    /// # Safety
    /// Other threads may hold views of the same buffer and write to it concurrently: callers
    /// accept racy reads and writes of individual floats (and nothing else) as Hogwild does.
    #[allow(clippy::mut_from_ref)]
    pub(crate) unsafe fn slice(&self) -> &mut [f32] {
        std::slice::from_raw_parts_mut(self.ptr, self.len)
    }
}

/// A thread's private copy of rows `start..start + rows` of a shared matrix; see the module
/// documentation. Only builds with threads have it (`rows.rs`).
#[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
pub(crate) struct HotRows {
    start: usize,
    dim: usize,
    /// The thread's working copy.
    pub(crate) local: Vec<f32>,
    /// The shared values at the last merge.
    base: Vec<f32>,
}

#[cfg(any(not(target_arch = "wasm32"), target_feature = "atomics"))]
impl HotRows {
    /// Copy rows `start..start + rows` of `shared`.
    pub(crate) fn new(shared: &HogwildSlice, start: usize, rows: usize, dim: usize) -> Self {
        let range = start * dim..(start + rows) * dim;
        assert!(range.end <= shared.len, "hot rows inside the matrix");
        // SAFETY: a racy read of floats other threads may be writing; see the module documentation.
        let base = unsafe { shared.slice()[range].to_vec() };
        HotRows {
            start,
            dim,
            local: base.clone(),
            base,
        }
    }

    /// Add this thread's changes to the shared rows and continue from the merged values.
    pub(crate) fn merge(&mut self, shared: &HogwildSlice) {
        let range = self.start * self.dim..self.start * self.dim + self.local.len();
        // SAFETY: racy read-modify-write of floats, as everywhere in Hogwild; an update lost to a
        // concurrent merge is an accepted loss of the algorithm.
        let rows = unsafe { &mut shared.slice()[range] };
        for ((s, l), b) in rows.iter_mut().zip(&mut self.local).zip(&mut self.base) {
            let merged = *s + (*l - *b);
            *s = merged;
            *b = merged;
            *l = merged;
        }
    }
}

#[cfg(all(test, any(not(target_arch = "wasm32"), target_feature = "atomics")))]
mod tests {
    use super::*;

    #[test]
    fn merges_add_every_threads_changes() {
        let mut data = vec![1.0f32; 6];
        let shared = HogwildSlice::new(&mut data);
        let mut a = HotRows::new(&shared, 1, 1, 2);
        let mut b = HotRows::new(&shared, 1, 1, 2);
        a.local[0] += 0.5;
        b.local[0] -= 0.25;
        b.local[1] += 2.0;
        a.merge(&shared);
        b.merge(&shared);
        // Both changes arrive; rows outside the window are untouched.
        assert_eq!(b.local, [1.25, 3.0]);
        a.merge(&shared);
        assert_eq!(a.local, [1.25, 3.0]);
        assert_eq!(data, [1.0, 1.0, 1.25, 3.0, 1.0, 1.0]);
    }
}
