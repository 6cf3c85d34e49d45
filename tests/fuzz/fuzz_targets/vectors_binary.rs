//! Any bytes as a word2vec binary vector file: an error or vectors, never a panic; what is read
//! writes back to a file that reads to the same words and the same bits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use word2vec_lab::formats::{read_binary, write_binary};

fuzz_target!(|data: &[u8]| {
    let Ok(kv) = read_binary(data) else {
        return;
    };
    let mut out = Vec::new();
    write_binary(&mut out, &kv).expect("vectors that were read can be written");
    let back = read_binary(&out).expect("a written file reads back");
    assert_eq!(back.words(), kv.words());
    assert_eq!(back.dim(), kv.dim());
    let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(back.vectors()), bits(kv.vectors()));
});
