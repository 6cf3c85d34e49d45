//! Property tests (proptest) for what users feed the engine: the tokenizer's invariants on any
//! text, and vector files that round-trip bit for bit. The fuzz targets (tests/fuzz/) look for
//! panics on arbitrary bytes; these state what must hold, on generated text that mixes scripts,
//! punctuation, white space of every kind, emoji sequences and combining marks.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use word2vec_lab::corpus::CorpusBuilder;
use word2vec_lab::formats::{read_binary, read_text, write_binary, write_text};
use word2vec_lab::query::KeyedVectors;
use word2vec_lab::tokenize::{
    decode_lossy, is_cjk, is_punctuation, lines, ChineseText, TokenizerOptions,
};

/// Characters chosen to stress the tokenizer: ASCII, Unicode white space, CJK ideographs and
/// punctuation, Hebrew (right to left), an emoji ZWJ sequence's parts, a combining accent, NUL,
/// markup characters, and any other scalar value.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => Just(' '),
        1 => prop::sample::select(vec!['\t', '\n', '\r', '\u{a0}', '\u{3000}', '\u{2028}', '\u{85}']),
        2 => proptest::char::range('\u{4e00}', '\u{4e30}'),
        1 => prop::sample::select(vec!['。', '，', '、', '“', '”', '《', '》', '！', '.', ',', '!', '"']),
        1 => prop::sample::select(vec!['ש', 'ל', 'ו', 'ם', '\u{200f}']),
        1 => prop::sample::select(vec!['👩', '\u{200d}', '👧', '\u{fe0f}', 'e', '\u{301}']),
        1 => prop::sample::select(vec!['\0', '<', '>', '/', '=', '&', '\'']),
        1 => any::<char>(),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..200).prop_map(|cs| cs.into_iter().collect())
}

fn options() -> impl Strategy<Value = TokenizerOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(lowercase, strip_punctuation, split_cjk)| TokenizerOptions {
            lowercase,
            strip_punctuation,
            chinese: if split_cjk {
                ChineseText::Characters
            } else {
                ChineseText::Spaces
            },
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn tokens_are_nonempty_and_free_of_separators(text in hostile_text(), opts in options()) {
        for line in lines(&text) {
            for token in opts.tokens(line) {
                prop_assert!(!token.is_empty());
                prop_assert!(!token.contains(char::is_whitespace), "{token:?}");
                prop_assert!(!token.contains('\n'));
                if opts.strip_punctuation {
                    prop_assert!(!token.contains(is_punctuation), "{token:?}");
                }
                if opts.chinese == ChineseText::Characters && token.contains(is_cjk) {
                    prop_assert_eq!(token.chars().count(), 1, "{:?}", token);
                }
            }
        }
    }

    #[test]
    fn tokenizing_is_idempotent(text in hostile_text(), opts in options()) {
        // Joining a line's tokens with spaces and tokenizing again gives the same tokens.
        for line in lines(&text) {
            let tokens = opts.tokens(line);
            prop_assert_eq!(opts.tokens(&tokens.join(" ")), tokens);
        }
    }

    #[test]
    fn lowercase_tokens_have_no_uppercase(text in hostile_text()) {
        let opts = TokenizerOptions { lowercase: true, ..TokenizerOptions::default() };
        for token in opts.tokens(&text) {
            prop_assert_eq!(token.to_lowercase(), token.clone());
        }
    }

    #[test]
    fn the_corpus_counts_every_token_once(text in hostile_text(), opts in options()) {
        // Fed whole or cut at a line break (as the worker streams a file): the same tokens.
        let mut whole = CorpusBuilder::new(opts);
        whole.push_text(&text);
        let expected: usize = lines(&text).map(|l| opts.tokens(l).len()).sum();
        prop_assert_eq!(whole.tokens_read(), expected);
        let mut pieces = CorpusBuilder::new(opts);
        let cut = text.find('\n').map_or(text.len(), |i| i + 1);
        pieces.push_text(&text[..cut]);
        pieces.push_text(&text[cut..]);
        prop_assert_eq!(pieces.tokens_read(), expected);
        match whole.finish(1) {
            Ok(corpus) => {
                prop_assert_eq!(corpus.num_tokens(), expected);
                let total: u64 = corpus.vocab.counts().iter().sum();
                prop_assert_eq!(total as usize, expected);
            }
            Err(_) => prop_assert_eq!(expected, 0),
        }
    }

    #[test]
    fn lossy_decoding_keeps_valid_utf8_and_flags_the_rest(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let (text, replaced) = decode_lossy(&bytes);
        prop_assert_eq!(replaced, std::str::from_utf8(&bytes).is_err());
        if !replaced {
            prop_assert_eq!(text.as_bytes(), &bytes[..]);
        }
    }
}

/// Distinct words of any characters but the separators (space, tab, line breaks: no-break and
/// ideographic spaces, NEL and U+2028 stay in), vectors of any finite floats.
fn keyed_vectors() -> impl Strategy<Value = KeyedVectors> {
    let word = prop::collection::vec(hostile_char(), 1..12)
        .prop_map(|cs| {
            cs.into_iter()
                .filter(|c| !matches!(c, ' ' | '\t' | '\n' | '\r'))
                .collect::<String>()
        })
        .prop_filter("a word", |w| !w.is_empty());
    (prop::collection::btree_set(word, 1..20), 1usize..8).prop_flat_map(|(words, dim)| {
        let n = words.len();
        let finite = any::<f32>().prop_filter("finite", |x| x.is_finite());
        prop::collection::vec(finite, n * dim)
            .prop_map(move |v| KeyedVectors::new(words.iter().cloned().collect(), dim, v))
    })
}

fn bits(v: &[f32]) -> Vec<u32> {
    v.iter().map(|x| x.to_bits()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn vector_files_round_trip_bit_for_bit(kv in keyed_vectors()) {
        let (mut text, mut binary) = (Vec::new(), Vec::new());
        write_text(&mut text, &kv).unwrap();
        write_binary(&mut binary, &kv).unwrap();
        for back in [read_text(&text).unwrap(), read_binary(&binary).unwrap()] {
            prop_assert_eq!(back.words(), kv.words());
            prop_assert_eq!(bits(back.vectors()), bits(kv.vectors()));
        }
    }

    #[test]
    fn truncated_binary_files_are_errors_not_panics(kv in keyed_vectors(), cut in any::<prop::sample::Index>()) {
        let mut out = Vec::new();
        write_binary(&mut out, &kv).unwrap();
        // Cut anywhere before the last vector's final byte: always an error naming a position.
        let len = cut.index(out.len() - 1);
        if let Err(e) = read_binary(&out[..len]) {
            prop_assert!(!e.to_string().is_empty());
        } else {
            prop_assert!(false, "a file cut at byte {} of {} was accepted", len, out.len());
        }
    }
}
