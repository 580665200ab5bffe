//! `factcheck-eval`: plants contradictions into the multi-source stories of
//! a labelled data set and reports what the fact check finds.

use crate::exit;
use anyhow::{Context, Result};
use dossier_domain::Article;
use dossier_facteval::{evaluate, multi_source, Options, Report};
use dossier_sources::{read, Input, Record};
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// A data set folder with `articles.jsonl` and `gold.tsv` (id<TAB>event).
    #[arg(long)]
    data: PathBuf,
    /// Seed of the generator that plants the contradictions.
    #[arg(long, default_value_t = 5)]
    seed: u64,
    /// Contradictions of each kind planted per story (each in its own copy).
    #[arg(long, default_value_t = 1)]
    trials: usize,
    /// Conflicts on untouched stories printed for a human to judge.
    #[arg(long, default_value_t = 20)]
    sample: usize,
    /// Missed plants printed per kind, each with the changed sentence and
    /// what other outlets wrote.
    #[arg(long, default_value_t = 10)]
    missed: usize,
    /// Only the story whose first article has this id (as the missed plants
    /// name stories).
    #[arg(long)]
    story: Option<String>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

fn load(data: &std::path::Path) -> Result<Vec<Vec<Article>>> {
    let gold_path = data.join("gold.tsv");
    let gold = std::fs::read_to_string(&gold_path).with_context(|| format!("cannot read {}", gold_path.display()))?;
    let event_of: BTreeMap<&str, &str> = gold.lines().skip(1).filter_map(|line| line.split_once('\t')).collect();
    let mut stories: BTreeMap<String, Vec<Article>> = BTreeMap::new();
    for record in read(vec![Input::Path(data.join("articles.jsonl"))], Default::default()) {
        let Record::Article(raw) = record else { continue };
        let Ok(article) = dossier_text::normalize_article(raw) else { continue };
        if let Some(event) = event_of.get(article.id.as_str()) {
            stories.entry((*event).to_owned()).or_default().push(article);
        }
    }
    Ok(stories.into_values().collect())
}

pub fn run(args: Args) -> Result<u8> {
    let stories = multi_source(load(&args.data)?);
    let report =
        evaluate(&stories, &Options { seed: args.seed, trials: args.trials, sample: args.sample, story: args.story });
    let mut out = BufWriter::new(std::io::stdout().lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write_report(&mut out, &report, args.missed)?;
    }
    out.flush()?;
    Ok(exit::OK)
}

fn write_report(out: &mut impl Write, report: &Report, missed: usize) -> std::io::Result<()> {
    writeln!(out, "Fact-check evaluation: {} multi-source stories, seed {}", report.stories, report.seed)?;
    writeln!(out)?;
    writeln!(out, "Planted contradictions found")?;
    writeln!(out, "  {:<12} {:>7} {:>6} {:>7}", "kind", "planted", "found", "recall")?;
    for score in &report.planted {
        writeln!(out, "  {:<12} {:>7} {:>6} {:>7.3}", score.kind, score.planted, score.found, score.recall)?;
    }
    writeln!(
        out,
        "  {:<12} {:>7} {:>6} {:>7.3}",
        "overall", report.overall_planted, report.overall_found, report.overall_recall
    )?;
    for score in report.planted.iter().filter(|s| !s.missed.is_empty()) {
        writeln!(out, "  missed {}:", score.kind)?;
        for miss in score.missed.iter().take(missed) {
            writeln!(out, "    {} in {}: {} → {}", miss.story, miss.article, miss.original, miss.planted)?;
            if !miss.sentence.is_empty() {
                writeln!(out, "      “{}”", miss.sentence)?;
            }
            for other in &miss.elsewhere {
                writeln!(out, "      elsewhere: “{other}”")?;
            }
            if !miss.read_as.is_empty() {
                writeln!(out, "      read as: {}", miss.read_as.join("; "))?;
            }
            for conflict in &miss.reported {
                writeln!(out, "      reported: {conflict}")?;
            }
        }
    }
    let untouched = &report.untouched;
    writeln!(out)?;
    writeln!(
        out,
        "Untouched stories: {} conflicts reported in {} of {} stories ({:.2} per 10 stories)",
        untouched.conflicts,
        untouched.stories_with_conflicts,
        untouched.stories,
        untouched.conflicts as f64 * 10.0 / untouched.stories.max(1) as f64
    )?;
    for (kind, count) in &untouched.by_kind {
        writeln!(out, "  {kind}: {count}")?;
    }
    if !untouched.sample.is_empty() {
        writeln!(out)?;
        writeln!(out, "Sample to judge (is each a real disagreement between outlets?)")?;
        for (n, sample) in untouched.sample.iter().enumerate() {
            writeln!(out, "  {}. [{}] {} (story of {})", n + 1, sample.kind, sample.subject, sample.story)?;
            for (value, sources, sentence) in &sample.versions {
                writeln!(out, "     - {value}  ({})", sources.join(", "))?;
                if !sentence.is_empty() {
                    writeln!(out, "       “{sentence}”")?;
                }
            }
        }
    }
    Ok(())
}
