//! `stories`, `story` and `export`: printing what the store holds.

use crate::{exit, Exit};
use anyhow::{Context, Result};
use dossier_engine::{ArticleView, Engine, EngineError, StoryView};
use std::collections::{BTreeMap, HashMap};
use std::io::{BufWriter, Write};
use std::path::Path;

pub fn open(db: &Path) -> Result<Engine> {
    Engine::open_read_only(db).map_err(|error| match error {
        EngineError::NoStore { .. } => Exit { code: exit::NOT_FOUND, message: error.to_string() }.into(),
        other => anyhow::Error::new(other),
    })
}

/// `2024-08-11` for a single day, `2024-08-11 – 2024-08-12` for a span.
fn span(first: Option<&str>, last: Option<&str>) -> String {
    let day = |value: &str| value.get(..10).unwrap_or(value).to_owned();
    match (first.map(day), last.map(day)) {
        (Some(first), Some(last)) if first != last => format!("{first} – {last}"),
        (Some(first), _) => first,
        _ => "undated".into(),
    }
}

/// Makes and keeps the fact check of every story not checked yet.
fn check_every_story(db: &Path) -> Result<()> {
    // A store that is not there is said to be none, before one is made.
    drop(open(db)?);
    let hint = "it may be read-only (`dossier stories` lists it without checking)";
    let cannot = |error: EngineError| Exit {
        code: exit::FAILURE,
        message: format!("cannot keep fact checks in {}: {error}; {hint}", db.display()),
    };
    let checked = Engine::open_without_search(db).and_then(|writer| writer.refresh_checks(u64::MAX)).map_err(cannot)?;
    if checked > 0 {
        eprintln!("checked {checked} {}", if checked == 1 { "story" } else { "stories" });
    }
    Ok(())
}

/// Every story, with the conflicts its fact check found: stored checks, or,
/// with `check`, those of the stories not checked yet made and kept first.
pub fn stories(db: &Path, json: bool, check: bool) -> Result<u8> {
    if check {
        check_every_story(db)?;
    }
    let engine = open(db)?;
    let stories = engine.stories()?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &stories)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{:>6}  {:>8}  {:>7}  {:>9}  {:<23}  HEADLINE",
            "STORY", "ARTICLES", "SOURCES", "CONFLICTS", "PUBLISHED"
        )?;
        for story in &stories {
            // "-": not checked yet (`--check` checks every story first).
            let conflicts = story.conflicts.map_or_else(|| "-".to_owned(), |n| n.to_string());
            writeln!(
                out,
                "{:>6}  {:>8}  {:>7}  {:>9}  {:<23}  {}",
                story.id,
                story.articles,
                story.sources,
                conflicts,
                span(story.first_published.as_deref(), story.last_published.as_deref()),
                story.headline
            )?;
        }
        if stories.iter().any(|story| story.conflicts.is_none()) {
            eprintln!("conflicts \"-\": not checked yet; `dossier stories --check` checks every story first");
        }
    }
    out.flush()?;
    Ok(exit::OK)
}

pub fn story(db: &Path, id: u64, json: bool) -> Result<u8> {
    let engine = open(db)?;
    let Some(story) = engine.story(id)? else {
        return Err(Exit { code: exit::NOT_FOUND, message: format!("no story {id} in {}", db.display()) }.into());
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &story)?;
        writeln!(out)?;
    } else {
        write_story(&mut out, &story)?;
    }
    out.flush()?;
    Ok(exit::OK)
}

fn write_article(out: &mut impl Write, article: &ArticleView, indent: &str) -> std::io::Result<()> {
    let title = article.title.as_deref().unwrap_or("(untitled)");
    let source = article.source.as_deref().unwrap_or("unknown source");
    let published = article.published.as_deref().map_or("undated", |p| p.get(..10).unwrap_or(p));
    writeln!(out, "{indent}{title}")?;
    writeln!(out, "{indent}  {source} · {published} · id {}", article.id)?;
    if let Some(url) = &article.url {
        writeln!(out, "{indent}  {url}")?;
    }
    Ok(())
}

fn write_story(out: &mut impl Write, story: &StoryView) -> std::io::Result<()> {
    let originals: Vec<&ArticleView> = story.articles.iter().filter(|a| a.duplicate_of.is_none()).collect();
    let copies = story.articles.len() - originals.len();
    writeln!(out, "Story {}: {}", story.id, story.headline)?;
    writeln!(
        out,
        "{} · {} article{} from {} source{}{}",
        span(story.first_published.as_deref(), story.last_published.as_deref()),
        story.articles.len(),
        if story.articles.len() == 1 { "" } else { "s" },
        story.sources,
        if story.sources == 1 { "" } else { "s" },
        match copies {
            0 => String::new(),
            1 => ", 1 of them a copy of another".to_owned(),
            _ => format!(", {copies} of them copies of others"),
        },
    )?;
    write_fact_check(out, story)?;
    writeln!(out)?;
    writeln!(out, "Articles")?;
    for original in originals {
        writeln!(out)?;
        write_article(out, original, "  ")?;
        for copy in story.articles.iter().filter(|a| a.duplicate_of.as_deref() == Some(original.id.as_str())) {
            writeln!(out, "    copied by:")?;
            write_article(out, copy, "      ")?;
        }
    }
    Ok(())
}

/// Conflicts with each version and its sources, progressions,
/// corroborated facts with their source counts, single-source facts by
/// article, and the timeline.
fn write_fact_check(out: &mut impl Write, story: &StoryView) -> std::io::Result<()> {
    if let Some(day) = &story.event_date {
        let weekday = chrono_free_weekday(day);
        writeln!(out, "Event date: {weekday}{day}")?;
    }
    if let Some(read) = story.articles_checked {
        let total = story.articles_total;
        writeln!(
            out,
            "Fact check of {read} of the {total} articles: every outlet's, its first reports and latest updates first"
        )?;
    }
    writeln!(out)?;
    let cite = Cite::new(story);
    if story.conflicts.is_empty() {
        writeln!(out, "Conflicts: none")?;
    } else {
        writeln!(out, "Conflicts ({})", story.conflicts.len())?;
        for conflict in &story.conflicts {
            writeln!(out, "  ! {} — {}", conflict.kind, conflict.subject)?;
            for version in &conflict.values {
                writeln!(out, "      {:<32} {}", version.value, cite.all(&version.sources))?;
                write_evidence(out, &cite, &version.evidence, version.sources.len(), "          ")?;
            }
        }
    }
    if !story.progressions.is_empty() {
        writeln!(out)?;
        writeln!(out, "Progressions (rising over updates, not conflicts)")?;
        for progression in &story.progressions {
            let steps: Vec<String> = progression
                .steps
                .iter()
                .map(|s| format!("{} ({})", s.value, s.published.as_deref().unwrap_or("?")))
                .collect();
            writeln!(out, "  {}: {}", progression.subject, steps.join(" → "))?;
        }
    }
    let corroborated: Vec<_> = story.facts.iter().filter(|f| f.status == "corroborated").collect();
    writeln!(out)?;
    writeln!(out, "Corroborated ({})", corroborated.len())?;
    for fact in corroborated {
        writeln!(out, "  {:<44} {:<13} {} sources", fact.value, fact.kind, fact.outlets)?;
        writeln!(out, "      {}", cite.all(&fact.sources))?;
        write_said(out, &cite, fact, "      ", true)?;
    }
    writeln!(out)?;
    let single: Vec<_> = story.facts.iter().filter(|f| f.status == "single-source").collect();
    writeln!(out, "Single source ({})", single.len())?;
    // Grouped by the articles that state them: one outlet's two articles
    // both stating a fact are named together.
    let mut groups: BTreeMap<String, Vec<&dossier_engine::FactView>> = BTreeMap::new();
    for fact in single {
        groups.entry(cite.all(&fact.sources)).or_default().push(fact);
    }
    for (group, facts) in groups {
        writeln!(out, "  in {group}:")?;
        for fact in facts {
            writeln!(out, "    {:<42} {}", fact.value, fact.kind)?;
            write_said(out, &cite, fact, "        ", false)?;
        }
    }
    if !story.timeline.is_empty() {
        writeln!(out)?;
        writeln!(out, "Timeline")?;
        for (n, step) in story.timeline.iter().enumerate() {
            let when = step.when.as_deref().unwrap_or("");
            writeln!(
                out,
                "  {:>2}. {}{}",
                n + 1,
                if when.is_empty() { String::new() } else { format!("[{when}] ") },
                dossier_text::clip(&step.what, TIMELINE_CHARS)
            )?;
            writeln!(out, "      {}", cite.all(&step.sources))?;
        }
    }
    Ok(())
}

/// How the text view names the articles behind a fact: by outlet, as a
/// reader knows them, with the article's id only where the outlet has
/// several articles in the story; by id where the outlet is unknown (the
/// list of articles at the end pairs ids with outlets).
struct Cite<'a> {
    outlets: HashMap<&'a str, &'a str>,
    articles_of: HashMap<&'a str, usize>,
}

impl<'a> Cite<'a> {
    fn new(story: &'a StoryView) -> Self {
        let outlets: HashMap<&str, &str> =
            story.articles.iter().filter_map(|a| Some((a.id.as_str(), a.source.as_deref()?))).collect();
        let mut articles_of: HashMap<&str, usize> = HashMap::new();
        for outlet in outlets.values() {
            *articles_of.entry(outlet).or_default() += 1;
        }
        Self { outlets, articles_of }
    }

    /// One article: "outlet", "outlet, id" or "id".
    fn one(&self, id: &str) -> String {
        match self.outlets.get(id) {
            Some(outlet) if self.articles_of.get(outlet).copied().unwrap_or(0) > 1 => format!("{outlet}, {id}"),
            Some(outlet) => (*outlet).to_owned(),
            None => id.to_owned(),
        }
    }

    /// Several articles, one outlet's together: "a.example, b.example (b1,
    /// b2), 8d2d0dd60ee626e4" (the ids of an outlet with several articles
    /// in the story, even when one of them is cited).
    fn all(&self, ids: &[String]) -> String {
        let outlet_of = |id: &str| self.outlets.get(id).map_or_else(|| id.to_owned(), |outlet| (*outlet).to_owned());
        let parts: Vec<String> = dossier_engine::by_outlet(ids, outlet_of)
            .into_iter()
            .map(|(outlet, articles)| match articles[..] {
                [id] if !self.outlets.contains_key(id) => id.to_owned(),
                [_] if self.articles_of.get(outlet.as_str()).copied().unwrap_or(0) == 1 => outlet,
                _ => format!("{outlet} ({})", articles.join(", ")),
            })
            .collect();
        parts.join(", ")
    }
}

/// Sentences shown under each version of a conflict, and their length.
const EVIDENCE_SHOWN: usize = 3;
const EVIDENCE_CHARS: usize = 400;
/// The length of the one sentence shown under each fact.
const FACT_EVIDENCE_CHARS: usize = 160;
/// The length of a timeline step's sentence (the JSON and the web page
/// carry it whole).
const TIMELINE_CHARS: usize = 200;

/// The sentences a version of a conflict is stated in, one per source,
/// the first few, then how many sources are left.
fn write_evidence(
    out: &mut impl Write,
    cite: &Cite<'_>,
    evidence: &[dossier_engine::EvidenceView],
    sources: usize,
    indent: &str,
) -> std::io::Result<()> {
    for said in evidence.iter().take(EVIDENCE_SHOWN) {
        writeln!(out, "{indent}{}: “{}”", cite.one(&said.article), dossier_text::clip(&said.sentence, EVIDENCE_CHARS))?;
    }
    let shown = evidence.len().min(EVIDENCE_SHOWN);
    if sources > shown && shown > 0 {
        let more = sources - shown;
        writeln!(out, "{indent}and {more} more {}", if more == 1 { "source" } else { "sources" })?;
    }
    Ok(())
}

/// The first sentence a fact is stated in, `named` with its article; none
/// for a quote, which is its own sentence.
fn write_said(
    out: &mut impl Write,
    cite: &Cite<'_>,
    fact: &dossier_engine::FactView,
    indent: &str,
    named: bool,
) -> std::io::Result<()> {
    match fact.evidence.first() {
        Some(said) if fact.kind != "quote" => {
            let words = cut_words(&fact.value);
            let sentence = dossier_text::clip_around(&said.sentence, &words, FACT_EVIDENCE_CHARS);
            if named {
                writeln!(out, "{indent}“{sentence}” ({})", cite.one(&said.article))
            } else {
                writeln!(out, "{indent}“{sentence}”")
            }
        }
        _ => Ok(()),
    }
}

/// The words of a fact's value to cut its sentence around, in order: its
/// figures first, then its longest word ("200" of "up to 200 metres
/// (visibility)", where the sentence may say "less than 200 metres").
fn cut_words(value: &str) -> Vec<&str> {
    let mut words: Vec<&str> = value
        .split(|c: char| !c.is_alphanumeric() && c != '.' && c != ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_by_key(|w| {
        (std::cmp::Reverse(w.chars().any(|c| c.is_ascii_digit())), std::cmp::Reverse(w.chars().count()))
    });
    words
}

/// "Sunday " for `2024-08-11` (Zeller's congruence; no date library in the
/// CLI for one weekday).
fn chrono_free_weekday(day: &str) -> String {
    let parts: Vec<i64> = day.split('-').filter_map(|p| p.parse().ok()).collect();
    let [year, month, date] = parts[..] else { return String::new() };
    let (y, m) = if month < 3 { (year - 1, month + 12) } else { (year, month) };
    let h = (date + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400) % 7;
    let names = ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    format!("{} ", names[h as usize])
}

pub fn export(db: &Path) -> Result<u8> {
    let engine = open(db)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    engine
        .export(|line| {
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")
        })
        .context("export failed")?;
    out.flush()?;
    Ok(exit::OK)
}

#[cfg(test)]
mod tests {
    use super::cut_words;

    #[test]
    fn a_facts_sentence_is_cut_around_its_figure_first() {
        assert_eq!(cut_words("up to 200 metres (visibility)"), ["200", "visibility", "metres", "up", "to"]);
        let sentence = "Harbour officials said a bank of fog drifted in from the estuary shortly before the crossing \
                        and cut visibility on the approach to the pier to less than 200 metres.";
        let cut = dossier_text::clip_around(sentence, &cut_words("up to 200 metres (visibility)"), 80);
        assert!(cut.contains("200 metres"), "{cut}");
    }
}
