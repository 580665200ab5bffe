//! The index schema and its analyser.

use crate::pairs::PairFilter;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
use tantivy::Index;

/// The analyser of the word fields (title, text, entities): words, lower
/// case, accents folded.
/// No stemming and no stop words, so spellings stay apart and phrases match
/// exactly what was written.
pub const ANALYZER: &str = "dossier_words";

/// Words this long or longer are dropped by the analysers.
pub const MAX_WORD_BYTES: usize = 48;

/// The analyser of the body's word pairs (see [`crate::pairs`]).
pub const PAIRS_ANALYZER: &str = "dossier_pairs";

pub fn schema() -> Schema {
    let mut builder = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    builder.add_u64_field("seq", INDEXED | STORED | FAST);
    builder.add_text_field("id", STRING | STORED);
    builder.add_text_field("title", words.clone());
    builder.add_text_field("text", words.clone());
    builder.add_text_field("entities", words);
    builder.add_text_field(
        "text_pairs",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(PAIRS_ANALYZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        ),
    );
    builder.build()
}

/// Registers [`ANALYZER`] and [`PAIRS_ANALYZER`] with `index`, and returns
/// the first.
pub fn register_analyzer(index: &Index) -> TextAnalyzer {
    let words = || {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_WORD_BYTES))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
    };
    let analyzer = words().build();
    index.tokenizers().register(ANALYZER, analyzer.clone());
    index.tokenizers().register(PAIRS_ANALYZER, words().filter(PairFilter).build());
    analyzer
}

/// The schema's fields, looked up once.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub seq: Field,
    pub id: Field,
    pub title: Field,
    pub text: Field,
    pub entities: Field,
    pub text_pairs: Field,
}

impl Fields {
    pub fn of(schema: &Schema) -> Self {
        let field = |name| schema.get_field(name).expect("the schema defines every field");
        Self {
            seq: field("seq"),
            id: field("id"),
            title: field("title"),
            text: field("text"),
            entities: field("entities"),
            text_pairs: field("text_pairs"),
        }
    }
}
