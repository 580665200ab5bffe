//! `dossier dedup`: store-less near-duplicate detection over a corpus.
//!
//! Reads anything `ingest` reads, sketches every document in parallel
//! (dossier-dedup), groups near-duplicates, and writes one JSON line per
//! document, `{"id", "cluster"}` (the id of its group's first document), or
//! with `--pairs` one `id<TAB>id<TAB>similarity` line per verified pair.
//!
//! Memory: shingle sets and band tables stay in memory while they fit the
//! budget (`--memory-limit` > `DOSSIER_DEDUP_MEMORY` > half the machine's
//! memory). Past it, the sets move to a file and the band tables are sorted
//! and spilled in runs, merged band by band at the end ([`crate::spill`]).
//! Both modes give the same output.
//!
//! Input rules (each counted in the summary):
//! - a record the sources cannot read (malformed line, binary file, larger
//!   than `--max-doc-bytes`) is skipped, reported on stderr, and has no
//!   output line;
//! - a document whose text has no word is compared by its title; with no
//!   word at all it is "empty": it gets a line and is never grouped;
//! - a document with fewer words than a shingle is one short shingle, and
//!   groups only with documents of exactly the same words;
//! - a document without an id gets 16 hex digits of its content hash;
//! - an id seen before is written as `id~2`, `id~3`, … (never merged).

use crate::progress::{skipped_by_reason, Progress};
use crate::spill::{Runs, SetFile};
use crate::{exit, Exit};
use anyhow::{Context, Result};
use dossier_dedup::{
    content_key, BandTables, DocumentSketch, Grouper, Grouping, NearDupConfig, Scratch, ShingleArena, Shingling,
};
use dossier_sources::{ReadOptions, Record};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    /// Files, folders (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<String>,
    /// Jaccard similarity (of shingle sets) at which two documents are
    /// near-duplicates.
    #[arg(long, default_value_t = 0.8)]
    threshold: f64,
    /// Shingles: `word:N` (word n-grams) or `char:N` (character n-grams).
    #[arg(long, default_value = "word:5")]
    shingles: String,
    /// Write here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Write verified pairs (`id<TAB>id<TAB>similarity`) instead of one
    /// line per document; a tab, newline, carriage return or backslash in
    /// an id is written `\t`, `\n`, `\r`, `\\`.
    #[arg(long)]
    pairs: bool,
    /// Memory budget before spilling to disk, e.g. `512M`, `4G` (default:
    /// half the machine's memory).
    #[arg(long, env = "DOSSIER_DEDUP_MEMORY", value_name = "BYTES")]
    memory_limit: Option<String>,
    /// Where spill files go (default: the system's temporary folder).
    #[arg(long, value_name = "DIR")]
    temp_dir: Option<PathBuf>,
    /// Skip any single document larger than this many bytes.
    #[arg(long, default_value_t = ReadOptions::default().max_article_bytes)]
    max_doc_bytes: usize,
    /// Print the summary as one JSON object (on stderr).
    #[arg(long)]
    json: bool,
}

/// Documents handed to the parallel sketching at a time, at most.
const CHUNK: usize = 4_096;
/// A chunk also ends once its texts reach this share of the memory budget:
/// with two chunks queued, one read and one sketched, the records in
/// flight stay within an eighth of it.
const CHUNK_SHARE: usize = 32;
/// Bytes per document of bookkeeping outside the sets and tables: the id
/// map entry and its offset.
const ID_OVERHEAD: usize = 32;

/// What a run counted.
#[derive(Debug, Default)]
struct Summary {
    documents: u64,
    groups: u64,
    duplicates: u64,
    empty: u64,
    short: u64,
    missing_ids: u64,
    id_clashes: u64,
    skipped: BTreeMap<&'static str, u64>,
    /// Verified pairs, when they are listed (`--pairs`).
    pairs: Option<u64>,
    verified: u64,
    spilled_runs: usize,
    disk: bool,
}

/// The ids, back to back, with a map to find clashes.
#[derive(Default)]
struct Ids {
    text: String,
    ends: Vec<usize>,
    seen: HashMap<u64, u32>,
}

impl Ids {
    fn get(&self, document: usize) -> &str {
        let start = if document == 0 { 0 } else { self.ends[document - 1] };
        &self.text[start..self.ends[document]]
    }

    fn hash(id: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        id.hash(&mut hasher);
        hasher.finish()
    }

    fn taken(&self, id: &str) -> bool {
        self.seen.get(&Self::hash(id)).is_some_and(|&document| self.get(document as usize) == id)
    }

    /// Adds the next document's id, suffixed if taken; returns whether it
    /// was.
    fn push(&mut self, id: &str) -> bool {
        let mut chosen = id.to_owned();
        let mut suffix = 2u64;
        while self.taken(&chosen) {
            chosen = format!("{id}~{suffix}");
            suffix += 1;
        }
        let document = self.ends.len() as u32;
        self.seen.entry(Self::hash(&chosen)).or_insert(document);
        self.text.push_str(&chosen);
        self.ends.push(self.text.len());
        suffix > 2
    }

    fn bytes(&self) -> usize {
        self.text.capacity() + self.ends.capacity() * 8 + self.seen.capacity() * ID_OVERHEAD
    }
}

/// Set when the run is asked to stop (Ctrl-C, SIGTERM). The run checks it
/// after each chunk and each band and stops with [`exit::INTERRUPTED`];
/// its spill folder is removed on the way out, as on any other exit.
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Catches Ctrl-C and SIGTERM, once per process. The first sets
/// [`INTERRUPTED`]; a second ends the process at once (a run stuck where
/// it cannot check, such as a read from a slow disk).
fn catch_interruptions() {
    static CAUGHT: std::sync::Once = std::sync::Once::new();
    CAUGHT.call_once(|| {
        let caught = ctrlc::set_handler(|| {
            if INTERRUPTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
                std::process::exit(exit::INTERRUPTED.into());
            }
        });
        if let Err(error) = caught {
            tracing::warn!("cannot catch interruptions; an interrupted run may leave its spill files: {error}");
        }
    });
}

/// How long the run waits for the next chunk before it looks whether it
/// was interrupted (input from a pipe may pause for any time).
const WAIT_FOR_INPUT: std::time::Duration = std::time::Duration::from_millis(200);

/// Output lines written between checks for an interruption.
const CHECK_EVERY: usize = 1 << 16;

/// Stops the run if it was asked to.
fn check_interrupted() -> Result<()> {
    if INTERRUPTED.load(std::sync::atomic::Ordering::SeqCst) {
        return Err(Exit {
            code: exit::INTERRUPTED,
            message: "interrupted: spill files removed, no output written".into(),
        }
        .into());
    }
    Ok(())
}

/// Where shingle sets are kept: in memory until the budget runs out.
enum Sets {
    Memory(ShingleArena),
    Disk(SetFile),
}

/// A document after the parallel part: its id and sketch, or a skip.
enum Sketched {
    Document { id: String, id_given: bool, sketch: DocumentSketch },
    Skipped { origin: String, reason: &'static str, message: String },
}

fn sketch_record(record: Record, config: &NearDupConfig, scratch: &mut Scratch) -> Sketched {
    let raw = match record {
        Record::Article(raw) => raw,
        Record::Skipped(diagnostic) => {
            return Sketched::Skipped {
                origin: diagnostic.origin.to_string(),
                reason: diagnostic.error.kind(),
                message: diagnostic.error.to_string(),
            }
        }
    };
    let mut sketch = config.sketch(&raw.text, scratch);
    if sketch.shingle_count == 0 {
        if let Some(title) = &raw.title {
            sketch = config.sketch(title, scratch);
        }
    }
    match raw.id.or(raw.path_id) {
        Some(id) => Sketched::Document { id, id_given: true, sketch },
        None => {
            // No id: the content's, as `ingest` gives.
            let key = content_key(raw.title.as_deref(), &raw.text);
            Sketched::Document { id: format!("{:016x}", (key.0 >> 64) as u64), id_given: false, sketch }
        }
    }
}

pub fn run(args: Args) -> Result<u8> {
    let started = Instant::now();
    catch_interruptions();
    let usage = |error: dossier_dedup::DedupError| Exit { code: exit::USAGE, message: error.to_string() };
    let shingling = Shingling::parse(&args.shingles).map_err(usage)?;
    let config = NearDupConfig::new(shingling, args.threshold).map_err(usage)?;
    let budget = match &args.memory_limit {
        Some(limit) => parse_bytes(limit).ok_or_else(|| Exit {
            code: exit::USAGE,
            message: format!("cannot read the memory limit {limit:?}: write bytes such as 512M or 4G"),
        })?,
        None => default_budget(),
    };
    let inputs = crate::inputs(&args.inputs)?;
    let read_options = ReadOptions { max_article_bytes: args.max_doc_bytes };

    let progress = Progress::on_terminal();
    let say = |line: String| progress.say(line);

    // Reading runs on its own thread, a chunk ahead of the sketching.
    let (sender, receiver) = std::sync::mpsc::sync_channel::<Vec<Record>>(2);
    let chunk_bytes = budget / CHUNK_SHARE;
    let reader = std::thread::spawn(move || {
        let mut records = dossier_sources::read(inputs, read_options);
        loop {
            let mut chunk = Vec::new();
            let mut bytes = 0;
            for record in records.by_ref() {
                if let Record::Article(raw) = &record {
                    bytes += raw.text.len() + raw.title.as_ref().map_or(0, String::len);
                }
                chunk.push(record);
                if chunk.len() == CHUNK || bytes >= chunk_bytes {
                    break;
                }
            }
            if chunk.is_empty() || sender.send(chunk).is_err() {
                break;
            }
        }
    });

    let mut summary = Summary::default();
    let mut ids = Ids::default();
    let mut sets = Sets::Memory(ShingleArena::default());
    let mut tables = BandTables::new(config.banding.bands);
    let mut runs = Runs::default();
    let mut spill_folder: Option<tempfile::TempDir> = None;
    // In disk mode the tables are spilled at this many entries per band.
    let disk_table_entries = (budget / 4 / (8 * config.banding.bands)).max(1024);

    loop {
        check_interrupted()?;
        let chunk = match receiver.recv_timeout(WAIT_FOR_INPUT) {
            Ok(chunk) => chunk,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => continue,
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
        };
        let sketched: Vec<Sketched> = chunk
            .into_par_iter()
            .map_init(Scratch::default, |scratch, record| sketch_record(record, &config, scratch))
            .collect();
        for item in sketched {
            let (id, id_given, sketch) = match item {
                Sketched::Skipped { origin, reason, message } => {
                    *summary.skipped.entry(reason).or_default() += 1;
                    say(format!("skipped {origin}: {message} [{reason}]"));
                    continue;
                }
                Sketched::Document { id, id_given, sketch } => (id, id_given, sketch),
            };
            let document = summary.documents;
            if document >= u64::from(u32::MAX) {
                return Err(dossier_dedup::DedupError::TooManyDocuments { max: u64::from(u32::MAX) }.into());
            }
            summary.documents += 1;
            if !id_given {
                summary.missing_ids += 1;
            }
            if ids.push(&id) {
                summary.id_clashes += 1;
            }
            match sketch.shingle_count {
                0 => summary.empty += 1,
                1 if sketch.shingles.len() == 1 => summary.short += 1,
                _ => {}
            }
            if let Some(keys) = &sketch.band_keys {
                tables.push(document as u32, keys);
            }
            match &mut sets {
                Sets::Memory(arena) => arena.push(&sketch.shingles),
                Sets::Disk(file) => file.push(&sketch.shingles).context("cannot write the spill file")?,
            }
        }
        // Keep within the budget: sets, tables and ids within three
        // quarters of it, the records in flight within an eighth.
        let sets_bytes = match &sets {
            Sets::Memory(arena) => arena.bytes(),
            Sets::Disk(file) => file.bytes(),
        };
        let in_memory = matches!(sets, Sets::Memory(_));
        if in_memory && sets_bytes + tables.bytes() + ids.bytes() > budget / 4 * 3 {
            let folder = match &args.temp_dir {
                Some(dir) => tempfile::Builder::new().prefix("dossier-dedup-").tempdir_in(dir),
                None => tempfile::Builder::new().prefix("dossier-dedup-").tempdir(),
            }
            .context("cannot create a folder for spill files: name a writable one with --temp-dir")?;
            let Sets::Memory(arena) = std::mem::replace(&mut sets, Sets::Memory(ShingleArena::default())) else {
                unreachable!("checked above")
            };
            sets = Sets::Disk(SetFile::create(folder.path(), arena).context("cannot write the spill file")?);
            runs.spill(folder.path(), &mut tables).context("cannot write a spill run")?;
            spill_folder = Some(folder);
            summary.disk = true;
        } else if !in_memory && tables.len() >= disk_table_entries {
            let folder = spill_folder.as_ref().map(tempfile::TempDir::path).unwrap_or(Path::new("."));
            runs.spill(folder, &mut tables).context("cannot write a spill run")?;
        }
        progress.set_message(format!(
            "{} documents read{}",
            summary.documents,
            if summary.disk { format!(", {} runs spilled", runs.len()) } else { String::new() }
        ));
    }
    reader.join().map_err(|_| anyhow::anyhow!("the input reader failed"))?;
    progress.set_message(format!("{} documents read, grouping", summary.documents));
    let documents = summary.documents as usize;
    let mut grouper = Grouper::new(&config, documents, args.pairs);
    let grouping: Grouping = match &mut sets {
        Sets::Memory(arena) => {
            for table in tables.take_sorted() {
                check_interrupted()?;
                let Ok(()) = grouper.band(table.into_iter(), &*arena);
            }
            grouper.finish()
        }
        Sets::Disk(file) => {
            let folder = spill_folder.as_ref().map(tempfile::TempDir::path).unwrap_or(Path::new("."));
            if !tables.is_empty() {
                runs.spill(folder, &mut tables).context("cannot write a spill run")?;
            }
            file.finish_writing().context("cannot write the spill file")?;
            for band in 0..config.banding.bands {
                check_interrupted()?;
                let (streams, error) = runs.band_streams(band).context("cannot read a spill run")?;
                grouper.band(dossier_dedup::merge_sorted(streams), &*file).context("cannot read the spill file")?;
                error.check().context("cannot read a spill run")?;
            }
            grouper.finish()
        }
    };
    summary.spilled_runs = runs.len();
    drop(sets);
    drop(spill_folder);
    progress.finish();

    summary.groups = grouping.groups();
    summary.duplicates = grouping.duplicates();
    summary.pairs = args.pairs.then_some(grouping.pairs.len() as u64);
    summary.verified = grouping.stats.verified;
    // A run that read nothing leaves `--output` as it was.
    if summary.documents > 0 || args.output.is_none() {
        write_output(&args, &ids, &grouping)?;
    }
    print_summary(&summary, &config, budget, started.elapsed().as_secs_f64(), args.json);
    if summary.documents == 0 {
        return Err(Exit {
            code: exit::NOTHING_READABLE,
            message: "nothing readable: no document in any input".into(),
        }
        .into());
    }
    Ok(exit::OK)
}

/// Writes the groups or pairs to standard output, or to `--output`: there
/// through a temporary file beside it, renamed over it at the end, so a
/// run that fails or is interrupted while writing leaves the file as it
/// was.
fn write_output(args: &Args, ids: &Ids, grouping: &Grouping) -> Result<()> {
    let Some(path) = &args.output else {
        return write_lines(&mut BufWriter::with_capacity(1 << 20, std::io::stdout().lock()), args, ids, grouping);
    };
    let cannot = || format!("cannot write the output file {}", path.display());
    // A symbolic link is written through, to the end of a chain of links:
    // the file it leads to is replaced, the links kept.
    let target = link_target(path);
    let path = target.as_deref().unwrap_or(path);
    // A device or a pipe (`-o /dev/null`) is written as it is, never
    // replaced.
    let existing = std::fs::metadata(path).ok();
    if existing.as_ref().is_some_and(|metadata| !metadata.is_file()) {
        let file = std::fs::OpenOptions::new().write(true).open(path).with_context(cannot)?;
        return write_lines(&mut BufWriter::with_capacity(1 << 20, file), args, ids, grouping);
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let temporary = tempfile::Builder::new().prefix(".dossier-dedup-").tempfile_in(folder).with_context(cannot)?;
    let mut out = BufWriter::with_capacity(1 << 20, temporary);
    write_lines(&mut out, args, ids, grouping)?;
    let temporary = out.into_inner().map_err(|error| error.into_error()).with_context(cannot)?;
    // The file keeps the permissions it had, or gets the usual ones: read
    // and write for its owner, read for others (a temporary file is private
    // to its owner).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions =
            existing.map_or_else(|| std::fs::Permissions::from_mode(0o644), |metadata| metadata.permissions());
        temporary.as_file().set_permissions(permissions).with_context(cannot)?;
    }
    temporary.persist(path).map_err(|error| error.error).with_context(cannot)?;
    Ok(())
}

/// Where a chain of symbolic links from `path` ends (the file there need
/// not exist yet); `None` when `path` is no link. At most 40 links are
/// followed, as the kernel does.
fn link_target(path: &Path) -> Option<PathBuf> {
    let mut current = path.to_owned();
    let mut followed = false;
    for _ in 0..40 {
        if !std::fs::symlink_metadata(&current).is_ok_and(|metadata| metadata.file_type().is_symlink()) {
            break;
        }
        let target = std::fs::read_link(&current).ok()?;
        current = match current.parent() {
            Some(parent) => parent.join(target),
            None => target,
        };
        followed = true;
    }
    followed.then_some(current)
}

fn write_lines(out: &mut impl Write, args: &Args, ids: &Ids, grouping: &Grouping) -> Result<()> {
    if args.pairs {
        for (n, pair) in grouping.pairs.iter().enumerate() {
            if n % CHECK_EVERY == 0 {
                check_interrupted()?;
            }
            writeln!(
                out,
                "{}\t{}\t{:.4}",
                tsv_field(ids.get(pair.first as usize)),
                tsv_field(ids.get(pair.second as usize)),
                pair.similarity
            )?;
        }
    } else {
        for (document, &root) in grouping.roots.iter().enumerate() {
            if document % CHECK_EVERY == 0 {
                check_interrupted()?;
            }
            serde_json::to_writer(
                &mut *out,
                &serde_json::json!({"id": ids.get(document), "cluster": ids.get(root as usize)}),
            )?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// An id as a field of a tab-separated line: a backslash, tab, newline or
/// carriage return inside it is written as `\\`, `\t`, `\n` or `\r`, so
/// that every pair stays one line of three fields.
fn tsv_field(id: &str) -> std::borrow::Cow<'_, str> {
    if !id.contains(['\\', '\t', '\n', '\r']) {
        return std::borrow::Cow::Borrowed(id);
    }
    let mut escaped = String::with_capacity(id.len() + 2);
    for c in id.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\t' => escaped.push_str("\\t"),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            c => escaped.push(c),
        }
    }
    std::borrow::Cow::Owned(escaped)
}

fn print_summary(summary: &Summary, config: &NearDupConfig, budget: usize, seconds: f64, json: bool) {
    let peak = peak_memory_bytes();
    let mode = if summary.disk { format!("disk ({} runs)", summary.spilled_runs) } else { "memory".to_owned() };
    if json {
        let value = serde_json::json!({
            "documents": summary.documents,
            "groups": summary.groups,
            "duplicates": summary.duplicates,
            "pairs": summary.pairs,
            "verified_candidates": summary.verified,
            "empty": summary.empty,
            "short": summary.short,
            "missing_ids": summary.missing_ids,
            "id_clashes": summary.id_clashes,
            "skipped": summary.skipped,
            "shingles": config.shingling.to_string(),
            "threshold": config.threshold,
            "bands": config.banding.bands,
            "rows": config.banding.rows,
            "mode": if summary.disk { "disk" } else { "memory" },
            "spilled_runs": summary.spilled_runs,
            "memory_limit_bytes": budget,
            "seconds": (seconds * 1000.0).round() / 1000.0,
            "peak_memory_bytes": peak,
        });
        eprintln!("{value}");
        return;
    }
    let skipped = skipped_by_reason(&summary.skipped);
    eprintln!("documents         {}", summary.documents);
    eprintln!("groups            {}", summary.groups);
    eprintln!("duplicates        {}", summary.duplicates);
    if let Some(pairs) = summary.pairs {
        eprintln!("pairs             {pairs}");
    }
    eprintln!("empty             {}", summary.empty);
    eprintln!("short             {}", summary.short);
    eprintln!("missing ids       {}", summary.missing_ids);
    eprintln!("id clashes        {}", summary.id_clashes);
    eprintln!("skipped           {skipped}");
    eprintln!(
        "settings          {} at {}, {} bands x {} rows, {} candidates verified",
        config.shingling, config.threshold, config.banding.bands, config.banding.rows, summary.verified
    );
    eprintln!("mode              {mode}, budget {} MiB", budget >> 20);
    eprintln!("seconds           {seconds:.2}");
    match peak {
        Some(bytes) => eprintln!("peak memory       {} MiB", bytes >> 20),
        None => eprintln!("peak memory       unknown"),
    }
}

/// Reads `512M`, `4G`, `1.5GiB`, `100000` (bytes).
fn parse_bytes(text: &str) -> Option<usize> {
    let text = text.trim();
    let split = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.trim().parse().ok()?;
    let scale = match unit.trim().to_ascii_lowercase().trim_end_matches("ib").trim_end_matches('b') {
        "" => 1.0,
        "k" => 1024.0,
        "m" => 1024.0 * 1024.0,
        "g" => 1024.0 * 1024.0 * 1024.0,
        "t" => 1024.0_f64.powi(4),
        _ => return None,
    };
    let bytes = number * scale;
    (bytes.is_finite() && bytes >= 1.0).then_some(bytes as usize)
}

/// Half the machine's memory, or 4 GiB when it cannot be told.
fn default_budget() -> usize {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            let line = info.lines().find(|line| line.starts_with("MemTotal:"))?;
            let kib: usize = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kib * 1024 / 2)
        })
        .unwrap_or(4 << 30)
}

/// The process's peak resident memory (`VmHWM`), where the system tells.
fn peak_memory_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_limits_read_as_bytes() {
        assert_eq!(parse_bytes("512M"), Some(512 << 20));
        assert_eq!(parse_bytes("4G"), Some(4 << 30));
        assert_eq!(parse_bytes("1.5GiB"), Some(3 << 29));
        assert_eq!(parse_bytes("2048"), Some(2048));
        assert_eq!(parse_bytes("12 kb"), Some(12 << 10));
        assert_eq!(parse_bytes("lots"), None);
        assert_eq!(parse_bytes("0"), None);
        assert_eq!(parse_bytes("5X"), None);
    }

    #[test]
    fn clashing_ids_get_suffixes() {
        let mut ids = Ids::default();
        assert!(!ids.push("a"));
        assert!(ids.push("a"));
        assert!(!ids.push("a~3x"));
        assert!(ids.push("a"));
        assert_eq!((0..4).map(|d| ids.get(d)).collect::<Vec<_>>(), ["a", "a~2", "a~3x", "a~3"]);
    }
}
