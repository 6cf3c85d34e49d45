//! The browser binding (`src/bindings/wasm.rs`) gives what the core gives.
//!
//! Built twice: natively, the `native` tests train each preset with the plain-Rust core and check
//! a hash of the vectors against the pinned values below; for `wasm32-unknown-unknown`, the
//! `browser` tests run in headless Chromium (wasm-bindgen-test) and train the same presets through
//! `Lab`, the JavaScript-facing type, in chunks as the Web Worker does. Both must reproduce the same
//! pins: the same seed gives the same vectors in the browser as natively.

/// FNV-1a over the bits of every weight of W.
fn hash_vectors(v: &[f32]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for x in v {
        for b in x.to_bits().to_le_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// (preset, hash of W after training with the preset's own settings and seed).
const PINNED: [(&str, u64); 3] = [
    ("tutorial", 0x3e261a21e0b5d48c),
    ("eat-drink", 0x66d33111990774cb),
    ("royal", 0x210e1b0b8f005ca8),
];

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use word2vec_lab::presets::{Preset, DEFAULT_SEED};
    use word2vec_lab::{Corpus, Trainer};

    #[test]
    fn presets_train_to_the_pinned_vectors() {
        let mut got = Vec::new();
        for (name, _) in PINNED {
            let p = Preset::from_name(name).unwrap();
            let corpus = Corpus::from_text(&p.text(DEFAULT_SEED), p.tokenizer(), 1).unwrap();
            let mut t = Trainer::new(corpus, &p.config()).unwrap();
            t.train(u64::MAX).unwrap();
            got.push((name, hash_vectors(&t.model().input)));
        }
        assert_eq!(got, PINNED, "{got:#x?}");
    }
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod browser {
    use super::*;
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::*;
    use word2vec_lab::wasm::{preset, Lab};

    wasm_bindgen_test_configure!(run_in_browser);

    fn get(obj: &JsValue, key: &str) -> JsValue {
        js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap()
    }

    fn lab(name: &str) -> Lab {
        let p = preset(name, 1).unwrap();
        Lab::new(&get(&p, "text").as_string().unwrap(), get(&p, "settings")).unwrap()
    }

    #[wasm_bindgen_test]
    fn presets_train_to_the_native_vectors_in_chunks() {
        for (name, pinned) in PINNED {
            let mut lab = lab(name);
            // Uneven chunks, as the worker's time slices are.
            let mut chunk = 1;
            loop {
                let progress = lab.train(chunk).unwrap();
                if get(&progress, "done").as_bool().unwrap() {
                    break;
                }
                chunk = chunk * 3 % 1009 + 1;
            }
            assert_eq!(hash_vectors(&lab.vectors()), pinned, "{name}");
        }
    }

    #[wasm_bindgen_test]
    fn queries_answer_and_errors_name_the_input() {
        let mut lab = lab("royal");
        lab.train(u32::MAX).unwrap();
        let answers = js_sys::Array::from(&lab.analogy("man", "king", "woman", 3, "add").unwrap());
        assert_eq!(get(&answers.get(0), "word").as_string().unwrap(), "queen");
        let coords = lab.project();
        assert_eq!(coords.len(), lab.words().len() * 2);
        assert_eq!(lab.clusters(4).len(), lab.words().len());

        let err = |r: Result<JsValue, wasm_bindgen::JsError>| {
            let e: JsValue = r.expect_err("an error").into();
            js_sys::Error::from(e).message().as_string().unwrap()
        };
        assert!(err(lab.nearest("dragon", 5)).contains("dragon"));
        assert!(err(lab.analogy("man", "king", "woman", 3, "sideways")).contains("sideways"));

        let p = preset("royal", 1).unwrap();
        let settings = get(&p, "settings");
        js_sys::Reflect::set(&settings, &"dim".into(), &0.into()).unwrap();
        let e: JsValue = Lab::new("a b c", settings).err().unwrap().into();
        let message = js_sys::Error::from(e).message().as_string().unwrap();
        assert!(message.contains("dim"), "{message}");
    }
}
