//! Any bytes as a corpus: lossy decoding, Chinese word segmentation, tokenizing (every option), the
//! vocabulary and the corpus built line by line and in pieces, must not panic, and what comes out
//! must be consistent: every token id is in the vocabulary, counts are sorted, the token count
//! adds up; segmenting keeps the lines and every word is a piece of the line.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use word2vec_lab::corpus::CorpusBuilder;
use word2vec_lab::tokenize::{decode_lossy, ChineseText, TokenizerOptions};
use word2vec_lab::Segmenter;

/// jieba's dictionary is loaded once (a third of a second), with two user words.
fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(|| {
        let mut s = Segmenter::bundled();
        s.set_user_words("咖啡\n学");
        s
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, text)) = data.split_first() else {
        return;
    };
    let chinese = match (flags >> 2) & 3 {
        0 => ChineseText::Spaces,
        1 => ChineseText::Characters,
        _ => ChineseText::Words,
    };
    let options = TokenizerOptions {
        lowercase: flags & 1 != 0,
        strip_punctuation: flags & 2 != 0,
        chinese,
    };
    let min_count = 1 + (flags >> 6) as usize;
    let (decoded, _replaced) = decode_lossy(text);
    let text = if chinese == ChineseText::Words {
        let segmented = segmenter().segment_text(&decoded);
        assert_eq!(segmented.split('\n').count(), decoded.split('\n').count());
        for line in decoded.split('\n') {
            for word in segmenter().words(line) {
                assert!(!word.is_empty() && line.contains(word), "{word:?} of {line:?}");
            }
        }
        segmented
    } else {
        decoded.into_owned()
    };

    // One piece, as a pasted text.
    let mut whole = CorpusBuilder::new(options);
    whole.push_text(&text);
    // The same text in two pieces cut at a line break, as the worker streams a file.
    let mut pieces = CorpusBuilder::new(options);
    let cut = text.find('\n').map_or(text.len(), |i| i + 1);
    pieces.push_text(&text[..cut]);
    pieces.push_text(&text[cut..]);
    assert_eq!(whole.tokens_read(), pieces.tokens_read());

    let (Ok(a), Ok(b)) = (whole.finish(min_count), pieces.finish(min_count)) else {
        return;
    };
    assert_eq!(a.num_tokens(), b.num_tokens());
    let vocab = &a.vocab;
    assert!(!vocab.is_empty());
    let mut tokens = 0;
    for s in 0..a.num_sentences() {
        for &id in a.sentence(s) {
            assert!((id as usize) < vocab.len());
        }
        tokens += a.sentence(s).len();
    }
    assert_eq!(tokens, a.num_tokens());
    let counts: Vec<u64> = (0..vocab.len() as u32).map(|id| vocab.count(id)).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]));
    assert!(counts.iter().all(|&c| c >= min_count as u64));
});
