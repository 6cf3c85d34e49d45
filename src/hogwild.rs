//! Lock-free shared weights for multi-threaded training (Hogwild!, Recht et al. 2011).
//!
//! word2vec.c's threads all read and write `syn0`/`syn1neg` without locks: updates are sparse, so
//! collisions are rare and an occasional lost update does no harm to SGD. This module is the only
//! place with `unsafe` code: it hands every thread a mutable view of the same buffer, as
//! finalfrontier's `Hogwild` type does. Results with more than one thread are therefore not
//! reproducible bit for bit; single-threaded training is.

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
