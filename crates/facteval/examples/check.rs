//! Runs the fact check on the articles of the files named, taken as one
//! story, and prints its conflicts and progressions, then every fact of a
//! kind given with `KIND=count,money` (a debugging aid):
//!
//! ```sh
//! cargo run --release -p dossier-facteval --example check -- story.jsonl
//! ```

use dossier_sources::{read, Input, Record};

fn main() {
    let inputs = std::env::args().skip(1).map(|p| Input::Path(p.into())).collect();
    let story: Vec<_> = read(inputs, Default::default())
        .filter_map(|record| match record {
            Record::Article(raw) => dossier_text::normalize_article(raw).ok(),
            _ => None,
        })
        .collect();
    let facts = dossier_facteval::check(&story);
    for conflict in &facts.conflicts {
        let values: Vec<String> = conflict.values.iter().map(|v| format!("{} {:?}", v.value, v.sources)).collect();
        println!("conflict {:?} [{}]: {}", conflict.kind, conflict.subject, values.join(" | "));
    }
    for progression in &facts.progressions {
        println!("progression {progression:?}");
    }
    let kinds = std::env::var("KIND").unwrap_or_default();
    for fact in facts.facts.iter().filter(|f| kinds.split(',').any(|k| k == f.kind)) {
        println!("fact {} {} {:?} {:?}", fact.kind, fact.value, fact.status, fact.sources);
    }
}
