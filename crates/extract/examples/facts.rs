//! Prints the facts of each article in the files named: `cargo run -p
//! dossier-extract --example facts -- PATH...` (a debugging aid).

use dossier_sources::{read, Input, Record};

fn main() {
    let inputs = std::env::args().skip(1).map(|p| Input::Path(p.into())).collect();
    for record in read(inputs, Default::default()) {
        let Record::Article(raw) = record else { continue };
        let Ok(article) = dossier_text::normalize_article(raw) else { continue };
        let facts = dossier_extract::extract(&article);
        println!("== {} ({:?}) event {:?}", article.id, article.published, facts.event_date);
        for e in &facts.entities {
            println!("  entity {:?} {} {:?} role={:?} s{}", e.kind, e.name, e.written, e.role, e.sentence);
        }
        for q in &facts.quantities {
            println!(
                "  quantity {} {:?} [{}|{}] {:?} '{}' s{}",
                q.value, q.unit, q.subject, q.subject_key, q.qualifier, q.text, q.sentence
            );
        }
        for d in &facts.dates {
            println!(
                "  date {} '{}' rel={} fut={} stmt={} called={:?} s{}",
                d.day, d.text, d.relative, d.future, d.statement, d.called, d.sentence
            );
        }
        for q in &facts.quotes {
            println!("  quote {:?}: {}", q.speaker, q.text);
        }
        for e in &facts.events {
            println!("  event {:?} {:?}: {}", e.day, e.time, facts.sentences[e.sentence]);
        }
    }
}
