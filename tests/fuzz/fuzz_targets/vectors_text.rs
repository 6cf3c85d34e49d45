//! Any bytes as a word2vec / GloVe / fastText text vector file (see `check_round_trip`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use word2vec_lab::formats::{read_text, write_text};
use word2vec_lab_fuzz::{check_round_trip, Format};

const TEXT: Format = Format {
    read: read_text,
    write: |out, kv| write_text(out, kv),
};

fuzz_target!(|data: &[u8]| check_round_trip(data, &TEXT));
