//! `dossier`: the command line.
//!
//! A thin layer: it parses arguments, opens the engine, prints what the
//! engine returns, and maps failures to the documented exit codes. It holds
//! no pipeline logic of its own.

mod dedup;
mod eval;
mod factcheck;
mod ingest;
mod progress;
mod serve;
mod show;
mod spill;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc, with `--features mimalloc`: the server allocates many small,
/// short-lived strings from several threads, where it is measurably faster
/// than the system allocator (see ARCHITECTURE.md, serving figures). It is
/// not the default because it holds on to freed memory: `dedup` ran past
/// its `--memory-limit` with it, and slower.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit codes, as documented in `--help` and the README.
pub mod exit {
    /// Success, including runs that skipped and reported some records.
    pub const OK: u8 = 0;
    /// A failure: the store could not be opened or written, output could not
    /// be written.
    pub const FAILURE: u8 = 1;
    /// The command line was wrong (clap's own code).
    pub const USAGE: u8 = 2;
    /// Nothing readable: `ingest` or `dedup` found no article in any input,
    /// or `eval` no gold label, or no prediction for any gold id.
    pub const NOTHING_READABLE: u8 = 3;
    /// What was asked for does not exist: no such story, or no store.
    pub const NOT_FOUND: u8 = 4;
    /// Interrupted (Ctrl-C or SIGTERM), as shells report a SIGINT: 128 + 2.
    pub const INTERRUPTED: u8 = 130;
}

const AFTER_HELP: &str = "\
Exit codes:
  0  success, including runs that skipped and reported bad records
  1  failure: the store could not be opened or written, or output failed
  2  usage error, including an input path that does not exist
  3  nothing readable: ingest or dedup found no article in any input,
     eval no gold label or no prediction for any gold id
  4  not found: no such story, or no store at --db
  130  dedup interrupted (Ctrl-C or SIGTERM)

Environment:
  DOSSIER_DB      the store to use when --db is not given (default ./dossier.db)
  DOSSIER_TOKEN   serve: the bearer token that POST /api/articles requires
  DOSSIER_CONFIG  serve: a TOML config file (addr, token, public_reads, max_body_bytes, readers)
  DOSSIER_LOG     log filter for diagnostics on stderr (e.g. info, debug)";

/// dossier: a story engine for news. It folds duplicate and syndicated
/// copies, groups articles that report the same event into stories, and
/// lines up what the sources say.
#[derive(Parser)]
#[command(name = "dossier", version, after_help = AFTER_HELP)]
struct Cli {
    /// The store: a single SQLite file, created on first ingest.
    #[arg(long, global = true, env = "DOSSIER_DB", default_value = "dossier.db")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reads articles from files, folders (recursively) or `-` (stdin) into
    /// the store, folds copies and assigns stories.
    Ingest(ingest::Args),
    /// Lists the stories, the most recently published first.
    Stories {
        /// Print JSON (one array) instead of a table.
        #[arg(long)]
        json: bool,
        /// Make the fact check of every story not checked yet first, and
        /// keep it, so that every story's conflicts are counted.
        #[arg(long)]
        check: bool,
    },
    /// Shows one story with all its articles.
    Story {
        /// The story id, as `dossier stories` lists it.
        id: u64,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Writes one JSON line per article: {"id", "story", "duplicate_of"}.
    Export,
    /// Scores the stored stories (or `--pred` lines) against gold event
    /// labels: pairwise and B-cubed precision/recall/F1, ARI, NMI.
    Eval(eval::Args),
    /// Finds near-duplicates in a corpus without a store: one JSON line
    /// per document, {"id", "cluster"}, or verified pairs with --pairs.
    Dedup(dedup::Args),
    /// Plants contradictions (changed numbers, misspelt names, moved
    /// weekdays, swapped speakers) into the multi-source stories of a
    /// labelled data set and reports how many the fact check finds, and the
    /// conflicts it reports on the untouched stories.
    FactcheckEval(factcheck::Args),
    /// Serves the JSON API and the web UI over HTTP.
    Serve(serve::Args),
    /// Rebuilds the full-text search index (`<db>.search/`) from the store.
    Reindex,
}

/// An error that carries its exit code.
#[derive(Debug)]
pub struct Exit {
    pub code: u8,
    pub message: String,
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Exit {}

/// The inputs named on the command line (`-` is standard input). A path that
/// does not exist is a usage error, found before anything is read or
/// created: a mistyped name should not pass as a run that read less.
pub fn inputs(args: &[String]) -> Result<Vec<dossier_sources::Input>, Exit> {
    let missing: Vec<&str> = args
        .iter()
        .filter(|arg| *arg != "-")
        .filter(|arg| std::fs::symlink_metadata(arg).is_err_and(|error| error.kind() == std::io::ErrorKind::NotFound))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        return Err(Exit { code: exit::USAGE, message: format!("no such file or folder: {}", missing.join(", ")) });
    }
    Ok(args.iter().map(|arg| dossier_sources::Input::parse(arg)).collect())
}

fn main() -> ExitCode {
    // Colours only on a terminal: a log file or a collector gets plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_env("DOSSIER_LOG").unwrap_or_else(|_| "warn".into()))
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .init();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // `dossier export | head`: the reader left, which is not a failure.
        Err(error) if is_broken_pipe(&error) => ExitCode::from(exit::OK),
        Err(error) => {
            let code = error.downcast_ref::<Exit>().map_or(exit::FAILURE, |exit| exit.code);
            eprintln!("error: {error:#}");
            ExitCode::from(code)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    error.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == broken
            || cause.downcast_ref::<serde_json::Error>().and_then(serde_json::Error::io_error_kind) == broken
    })
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Ingest(args) => ingest::run(&cli.db, args),
        Command::Stories { json, check } => show::stories(&cli.db, json, check),
        Command::Story { id, json } => show::story(&cli.db, id, json),
        Command::Export => show::export(&cli.db),
        Command::Eval(args) => eval::run(&cli.db, args),
        Command::Dedup(args) => dedup::run(args),
        Command::FactcheckEval(args) => factcheck::run(args),
        Command::Serve(args) => serve::run(&cli.db, args),
        Command::Reindex => serve::reindex(&cli.db),
    }
}
