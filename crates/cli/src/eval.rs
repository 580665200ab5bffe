//! `dossier eval`: score the stored stories, or any tool's `{"id","story"}`
//! lines, against gold event labels.

use crate::show::open;
use crate::{exit, Exit};
use anyhow::{Context, Result};
use dossier_eval::{score, Scores};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// Gold labels: a TSV of `id<TAB>event`, with or without an `id` header line.
    #[arg(long, value_name = "GOLD.tsv")]
    gold: PathBuf,
    /// Score these predictions (JSONL with `id` and `story`) instead of the store.
    #[arg(long, value_name = "FILE.jsonl")]
    pred: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    json: bool,
}

/// Reads `path` line by line, calling `parse` on each non-blank line; a line
/// it cannot parse is reported with its number and skipped.
fn read_lines(path: &Path, mut parse: impl FnMut(usize, &str) -> Result<(), String>) -> Result<usize> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut skipped = 0;
    for (index, line) in BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}:{}", path.display(), index + 1))?;
        // A byte-order mark opens some files written on Windows.
        let line = if index == 0 { line.strip_prefix('\u{feff}').unwrap_or(&line) } else { &line };
        if line.trim().is_empty() {
            continue;
        }
        if let Err(reason) = parse(index + 1, line) {
            eprintln!("skipped {}:{}: {reason}", path.display(), index + 1);
            skipped += 1;
        }
    }
    Ok(skipped)
}

/// Gold labels, `id<TAB>event` per line: further columns are left out (and
/// said once), an empty id or event and an id labelled twice with different
/// events are skipped with their line.
fn read_gold(path: &Path) -> Result<Vec<(String, String)>> {
    let mut gold = Vec::new();
    let mut first_line: HashMap<String, (usize, String)> = HashMap::new();
    let mut wide = None;
    read_lines(path, |number, line| {
        let mut columns = line.trim_end_matches('\r').split('\t');
        let (id, event) = match (columns.next(), columns.next()) {
            (Some(id), Some(event)) => (id.trim(), event.trim()),
            _ => return Err("expected `id<TAB>event`".into()),
        };
        if number == 1 && id == "id" {
            return Ok(());
        }
        if columns.next().is_some() {
            wide.get_or_insert(number);
        }
        if id.is_empty() || event.is_empty() {
            return Err("an empty id or event".into());
        }
        match first_line.get(id) {
            Some((_, seen)) if seen == event => Ok(()),
            Some((at, seen)) => Err(format!("{id} is labelled {seen:?} on line {at}, not {event:?}")),
            None => {
                first_line.insert(id.to_owned(), (number, event.to_owned()));
                gold.push((id.to_owned(), event.to_owned()));
                Ok(())
            }
        }
    })?;
    if let Some(number) = wide {
        eprintln!("{}:{number}: more than two columns; the first is the id, the second the event", path.display());
    }
    Ok(gold)
}

/// Predictions, one `{"id", "story"}` object per line; an id given a
/// second time is skipped with its line, whatever its story (the first is
/// scored): a tool's output names each article once.
fn read_predictions(path: &Path) -> Result<Vec<(String, String)>> {
    let mut predicted = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    read_lines(path, |number, line| {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|error| format!("not JSON: {error}"))?;
        let id = value
            .get("id")
            .and_then(|id| id.as_str().map(str::to_owned).or_else(|| id.as_u64().map(|n| n.to_string())));
        let story = value.get("story").filter(|story| !story.is_null()).map(|story| match story.as_str() {
            Some(text) => text.to_owned(),
            None => story.to_string(),
        });
        match (id, story) {
            (Some(id), Some(_)) if first_line.contains_key(&id) => {
                Err(format!("{id} is predicted on line {} already; the first is scored", first_line[&id]))
            }
            (Some(id), Some(story)) => {
                first_line.insert(id.clone(), number);
                predicted.push((id, story));
                Ok(())
            }
            _ => Err("expected an object with `id` and `story`".into()),
        }
    })?;
    Ok(predicted)
}

fn stored_predictions(db: &Path) -> Result<Vec<(String, String)>> {
    let engine = open(db)?;
    let mut predicted = Vec::new();
    engine.export(|line| {
        predicted.push((line.id, line.story.to_string()));
        Ok(())
    })?;
    Ok(predicted)
}

pub fn run(db: &Path, args: Args) -> Result<u8> {
    let gold = read_gold(&args.gold)?;
    if gold.is_empty() {
        return Err(Exit {
            code: exit::NOTHING_READABLE,
            message: format!("no gold labels in {}", args.gold.display()),
        }
        .into());
    }
    let predicted = match &args.pred {
        Some(path) => read_predictions(path)?,
        None => stored_predictions(db)?,
    };
    let scores = score(gold, predicted);
    if scores.items > 0 && scores.unpredicted == scores.items {
        let source = match &args.pred {
            Some(path) => path.display().to_string(),
            None => format!("the store {}", db.display()),
        };
        return Err(Exit {
            code: exit::NOTHING_READABLE,
            message: format!(
                "none of the {} gold ids has a story in {source}: are they the ids that were ingested?",
                scores.items
            ),
        }
        .into());
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&scores)?)?;
    } else {
        print_scores(&mut out, &scores)?;
    }
    out.flush()?;
    Ok(exit::OK)
}

fn print_scores(out: &mut impl Write, scores: &Scores) -> std::io::Result<()> {
    writeln!(
        out,
        "items {} · gold events {} · predicted stories {}",
        scores.items, scores.gold_clusters, scores.predicted_clusters
    )?;
    for (name, pr) in [("pairwise", &scores.pairwise), ("B-cubed", &scores.bcubed)] {
        writeln!(out, "{name:<9} precision {:.3}  recall {:.3}  F1 {:.3}", pr.precision, pr.recall, pr.f1)?;
    }
    writeln!(out, "ARI {:.3}  NMI {:.3}", scores.adjusted_rand_index, scores.normalized_mutual_information)?;
    if scores.unpredicted > 0 || scores.unlabelled > 0 {
        writeln!(
            out,
            "{} gold items had no prediction (scored as singletons); {} predicted items had no gold label (ignored)",
            scores.unpredicted, scores.unlabelled
        )?;
    }
    Ok(())
}
