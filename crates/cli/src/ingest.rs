//! `dossier ingest`: read inputs into the store and print the summary.

use crate::progress::{skipped_by_reason, Progress};
use crate::{exit, Exit};
use anyhow::Result;
use dossier_engine::{Engine, IngestEvent, IngestOptions, IngestSummary};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Files, folders (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
    /// Skip any single article larger than this many bytes.
    #[arg(long, default_value_t = dossier_sources::ReadOptions::default().max_article_bytes)]
    max_article_bytes: usize,
    /// Articles per transaction.
    #[arg(long, default_value_t = IngestOptions::default().batch_size)]
    batch_size: usize,
}

pub fn run(db: &Path, args: Args) -> Result<u8> {
    let inputs = crate::inputs(&args.paths)?;
    let mut engine = Engine::open(db)?;
    let mut options = IngestOptions { batch_size: args.batch_size, ..IngestOptions::default() };
    options.read.max_article_bytes = args.max_article_bytes;

    let progress = Progress::on_terminal();
    let say = |line: String| progress.say(line);
    let started = Instant::now();
    let summary = engine.ingest(inputs, &options, &mut |event| match event {
        IngestEvent::Skipped { origin, reason, message } => say(format!("skipped {origin}: {message} [{reason}]")),
        IngestEvent::IdClash { origin, id, stored_as } => {
            say(format!("id clash {origin}: id {id} is taken by a different article; stored as {stored_as}"))
        }
        IngestEvent::UnreadDate { origin, field, value } => {
            say(format!("undated {origin}: `{field}` {value:?} is no date dossier reads; stored without one"))
        }
        IngestEvent::Stored { .. } | IngestEvent::AlreadyStored { .. } => {}
        IngestEvent::Committed { summary } => {
            progress.set_message(format!(
                "{} read, {} new, {} duplicates, {} stories opened",
                summary.read, summary.new, summary.duplicates, summary.stories_opened
            ));
        }
    })?;
    progress.finish();
    let seconds = started.elapsed().as_secs_f64();
    print_summary(&summary, args.json)?;
    eprintln!(
        "ingested into {} in {seconds:.2} s ({:.0} articles/s)",
        db.display(),
        summary.read as f64 / seconds.max(1e-9)
    );
    if summary.read == 0 {
        return Err(
            Exit { code: exit::NOTHING_READABLE, message: "nothing readable: no article in any input".into() }.into()
        );
    }
    Ok(exit::OK)
}

fn print_summary(summary: &IngestSummary, json: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        let value = serde_json::json!({
            "read": summary.read,
            "new": summary.new,
            "already_stored": summary.already_stored,
            "duplicates": summary.duplicates,
            "near_duplicates": summary.near_duplicates,
            "stories_opened": summary.stories_opened,
            "stories_extended": summary.stories_extended,
            "id_clashes": summary.id_clashes,
            "undated": summary.undated,
            "skipped": summary.skipped,
        });
        writeln!(out, "{value}")?;
    } else {
        let skipped = skipped_by_reason(&summary.skipped);
        writeln!(out, "read              {}", summary.read)?;
        writeln!(out, "new               {}", summary.new)?;
        writeln!(out, "already stored    {}", summary.already_stored)?;
        writeln!(out, "duplicates        {} ({} of them near copies)", summary.duplicates, summary.near_duplicates)?;
        writeln!(out, "stories opened    {}", summary.stories_opened)?;
        writeln!(out, "stories extended  {}", summary.stories_extended)?;
        writeln!(out, "id clashes        {}", summary.id_clashes)?;
        writeln!(out, "undated           {}", summary.undated)?;
        writeln!(out, "skipped           {skipped}")?;
    }
    out.flush()?;
    Ok(())
}
