//! Any bytes as a word2vec binary vector file (see `check_round_trip`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use word2vec_lab::formats::{read_binary, write_binary};
use word2vec_lab_fuzz::{check_round_trip, Format};

const BINARY: Format = Format {
    read: read_binary,
    write: |out, kv| write_binary(out, kv),
};

fuzz_target!(|data: &[u8]| check_round_trip(data, &BINARY));
