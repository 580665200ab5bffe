//! `stories`, `story` and `export`: printing what the store holds.

use crate::{exit, Exit};
use anyhow::{Context, Result};
use dossier_engine::{ArticleView, Engine, EngineError, StoryView};
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

pub fn stories(db: &Path, json: bool) -> Result<u8> {
    let engine = open(db)?;
    let stories = engine.stories()?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    if json {
        serde_json::to_writer_pretty(&mut out, &stories)?;
        writeln!(out)?;
    } else {
        writeln!(out, "{:>6}  {:>8}  {:>7}  {:<23}  HEADLINE", "STORY", "ARTICLES", "SOURCES", "PUBLISHED")?;
        for story in &stories {
            writeln!(
                out,
                "{:>6}  {:>8}  {:>7}  {:<23}  {}",
                story.id,
                story.articles,
                story.sources,
                span(story.first_published.as_deref(), story.last_published.as_deref()),
                story.headline
            )?;
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
        if copies > 0 { format!(", {copies} of them copies") } else { String::new() },
    )?;
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
