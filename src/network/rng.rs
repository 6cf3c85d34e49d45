//! The one random number generator every random choice goes through.
//!
//! A named, portable generator (PCG-XSH-RR 64/32, `rand_pcg::Pcg32`) so that the same seed gives
//! the same bits natively and in WebAssembly. word2vec.c uses a 64-bit linear congruential
//! generator (`next_random * 25214903917 + 11`); PCG has the same cost and better low bits.
//! The conversions below are written out so that no library version can change them.

use rand::{Rng as _, SeedableRng};
use rand_pcg::Pcg32;

/// Seeded random stream.
#[derive(Debug, Clone)]
pub struct Rng(Pcg32);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(Pcg32::seed_from_u64(seed))
    }

    /// A seed from the operating system (or the browser's crypto API in wasm).
    pub fn entropy_seed() -> u64 {
        let mut bytes = [0u8; 8];
        // If the platform has no entropy source, fall back to a fixed but documented seed.
        if getrandom::fill(&mut bytes).is_err() {
            return 0x5eed;
        }
        u64::from_le_bytes(bytes)
    }

    /// An independent stream derived from this seed (one per Hogwild thread).
    pub fn stream(seed: u64, stream: u64) -> Self {
        Rng(Pcg32::new(
            seed,
            stream.wrapping_mul(2).wrapping_add(0xda3e_39cb_94b9_5bdb),
        ))
    }

    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        self.0.next_u32()
    }

    /// Uniform integer in `0..n` (multiply-shift; bias below n / 2^32).
    #[inline]
    pub fn below(&mut self, n: u32) -> u32 {
        ((self.next_u32() as u64 * n as u64) >> 32) as u32
    }

    /// Uniform in [0, 1) with 24 random bits.
    #[inline]
    pub fn unit_f32(&mut self) -> f32 {
        (self.next_u32() >> 8) as f32 * (1.0 / 16_777_216.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        let xs: Vec<u32> = (0..5).map(|_| a.next_u32()).collect();
        let ys: Vec<u32> = (0..5).map(|_| b.next_u32()).collect();
        assert_eq!(xs, ys);
        // Pinned value: a change of generator or seeding would silently change every model.
        assert_eq!(Rng::new(1).next_u32(), 866_585_574);
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut r = Rng::new(7);
        let mut seen = [0u32; 5];
        for _ in 0..10_000 {
            seen[r.below(5) as usize] += 1;
        }
        assert!(seen.iter().all(|&n| (1800..2200).contains(&n)), "{seen:?}");
        let u = r.unit_f32();
        assert!((0.0..1.0).contains(&u));
    }
}
