//! What the vector-file targets check: any bytes are an error or vectors, never a panic, and
//! vectors that were read write back to a file that reads to the same words and the same bits.

use word2vec_lab::error::Result;
use word2vec_lab::query::KeyedVectors;

/// A reader and the writer of the same format.
pub struct Format {
    pub read: fn(&[u8]) -> Result<KeyedVectors>,
    pub write: fn(&mut Vec<u8>, &KeyedVectors) -> Result<()>,
}

pub fn check_round_trip(data: &[u8], format: &Format) {
    let Ok(kv) = (format.read)(data) else {
        return;
    };
    let mut out = Vec::new();
    (format.write)(&mut out, &kv).expect("vectors that were read can be written");
    let back = (format.read)(&out).expect("a written file reads back");
    assert_eq!(back.words(), kv.words());
    assert_eq!(back.dim(), kv.dim());
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(back.vectors()), bits(kv.vectors()));
}
