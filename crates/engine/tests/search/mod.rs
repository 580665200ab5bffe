//! Search kept in step with the store: after every ingest, after a crash
//! between the store's commit and the index's, and across processes; and
//! the story pages the server browses.

use super::ingest;
use dossier_engine::{Engine, IngestEvent, IngestOptions, StoryOrder, StoryQuery};
use dossier_search::{IndexDocument, SearchIndex};
use dossier_sources::{read_stream, ReadOptions};
use dossier_testkit::examples;
use std::path::Path;

fn post(engine: &mut Engine, jsonl: &str) -> Vec<String> {
    let records = read_stream(std::io::Cursor::new(jsonl.to_owned().into_bytes()), ReadOptions::default());
    let mut outcomes = Vec::new();
    engine
        .ingest_records(records, &IngestOptions::default(), &mut |event| match event {
            IngestEvent::Stored { id, .. } => outcomes.push(format!("stored {id}")),
            IngestEvent::AlreadyStored { id, .. } => outcomes.push(format!("already {id}")),
            IngestEvent::Skipped { reason, .. } => outcomes.push(format!("skipped {reason}")),
            _ => {}
        })
        .unwrap();
    outcomes
}

fn found(engine: &Engine, query: &str) -> Vec<String> {
    let mut ids: Vec<String> = engine.search(query, 50, 0).unwrap().articles.into_iter().map(|a| a.id).collect();
    ids.sort();
    ids
}

const HERON: &str = r#"{"id":"heron-1","source":"marsh.example","title":"Grey herons return to Wexmoor marsh","text":"Grey herons nested again at Wexmoor marsh this spring, wardens said.","published":"2026-04-02"}"#;

#[test]
fn every_ingest_is_searchable_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut engine = Engine::open(&dir.path().join("dossier.db")).unwrap();
    ingest(&mut engine, &[&examples()]);
    assert!(!found(&engine, "\"ferry struck a pier\"").is_empty());
    assert!(found(&engine, "herons").is_empty());

    assert_eq!(post(&mut engine, HERON), ["stored heron-1"]);
    assert_eq!(found(&engine, "\"grey herons\""), ["heron-1"]);
    assert_eq!(post(&mut engine, HERON), ["already heron-1"], "the same record again is a no-op");
    assert_eq!(found(&engine, "herons"), ["heron-1"], "and is not indexed twice");

    let results = engine.search("herons wardens", 10, 0).unwrap();
    let hit = &results.articles[0];
    assert!(hit.snippet.iter().any(|part| part.mark && part.text == "wardens"), "{:?}", hit.snippet);
    assert_eq!(results.stories.len(), 1);
    assert_eq!(results.stories[0].story.id, hit.story);
    let counts = engine.counts().unwrap();
    assert_eq!(counts.indexed, Some(counts.articles));
}

#[test]
fn an_ingest_commits_the_index_at_its_end_not_per_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let mut engine = Engine::open(&db).unwrap();
    // What another process sees committed after each of the ingest's
    // batches: a commit per batch flushed and merged a segment per batch,
    // which cost a long ingest a third of its time.
    let reader = SearchIndex::open_for_reading(&db.with_file_name("dossier.db.search")).unwrap();
    let mut seen = Vec::new();
    let options = IngestOptions { batch_size: 1, ..IngestOptions::default() };
    let inputs = vec![dossier_sources::Input::Path(examples())];
    let summary = engine
        .ingest(inputs, &options, &mut |event| {
            if let IngestEvent::Committed { .. } = event {
                seen.push(reader.indexed_through().unwrap());
            }
        })
        .unwrap();
    assert!(seen.len() >= 8, "a batch per article, and enough of them: {}", summary.new);
    assert!(seen.iter().all(|&through| through == 0), "{seen:?}");
    let articles = engine.counts().unwrap().articles;
    assert_eq!(engine.counts().unwrap().indexed, Some(articles));
    assert_eq!(reader.indexed_through().unwrap(), articles as i64, "committed once, at the end");
    assert!(!found(&engine, "\"ferry struck a pier\"").is_empty());
}

#[test]
fn an_index_behind_the_store_catches_up_when_opened() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let articles = {
        let mut engine = Engine::open(&db).unwrap();
        ingest(&mut engine, &[&examples()]);
        engine.counts().unwrap().articles
    };
    // As if the process died after the store committed and before the index
    // did: the index holds nothing past mark 0.
    SearchIndex::open(&db.with_file_name("dossier.db.search")).unwrap().clear().unwrap();

    let engine = Engine::open(&db).unwrap();
    assert_eq!(engine.counts().unwrap().indexed, Some(articles));
    assert!(!found(&engine, "\"ferry struck a pier\"").is_empty());
}

#[test]
fn an_index_ahead_of_the_store_is_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    {
        let index = SearchIndex::open(&db.with_file_name("dossier.db.search")).unwrap();
        let ghost = IndexDocument { seq: 7, id: "ghost", title: None, text: "A ghost article.", entities: &[] };
        index.add(&[ghost]).unwrap();
        index.commit(7).unwrap();
    }
    let mut engine = Engine::open(&db).unwrap();
    assert!(found(&engine, "ghost").is_empty());
    post(&mut engine, HERON);
    assert_eq!(engine.reindex().unwrap(), 1);
    assert_eq!(found(&engine, "herons"), ["heron-1"]);
    drop(engine);

    // Ahead by more than the store holds: the store's articles are indexed
    // again and committed, though their last mark is below the ghost's.
    {
        let index = SearchIndex::open(&db.with_file_name("dossier.db.search")).unwrap();
        let ghost = IndexDocument { seq: 1_000, id: "ghost", title: None, text: "A ghost article.", entities: &[] };
        index.add(&[ghost]).unwrap();
        index.commit(1_000).unwrap();
    }
    let engine = Engine::open(&db).unwrap();
    assert!(found(&engine, "ghost").is_empty());
    assert_eq!(found(&engine, "herons"), ["heron-1"]);
    assert_eq!(engine.counts().unwrap().indexed, Some(1));
}

#[test]
fn a_second_writer_leaves_indexing_to_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let mut first = Engine::open(&db).unwrap();
    let mut second = Engine::open(&db).unwrap();
    assert_eq!(post(&mut second, HERON), ["stored heron-1"]);
    assert!(second.reindex().is_err(), "the second may not rebuild an index it does not own");
    assert!(found(&first, "herons").is_empty());
    assert_eq!(first.sync_search().unwrap(), 1);
    assert_eq!(found(&first, "herons"), ["heron-1"]);
    second.sync_search().unwrap();
    assert_eq!(found(&second, "herons"), ["heron-1"], "readers see what the writer committed");
}

fn export(engine: &Engine) -> Vec<String> {
    let mut lines = Vec::new();
    engine
        .export(|line| {
            lines.push(format!("{} {} {:?}", line.id, line.story, line.duplicate_of));
            Ok(())
        })
        .unwrap();
    lines
}

#[test]
fn a_warm_engine_assigns_stories_as_a_fresh_one_would() {
    let files: Vec<std::path::PathBuf> = {
        let mut files: Vec<_> = std::fs::read_dir(examples())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| !path.ends_with("README.md"))
            .collect();
        files.sort();
        files
    };
    let paths: Vec<&Path> = files.iter().map(|path| path.as_path()).collect();
    let dir = tempfile::tempdir().unwrap();
    let mut warm = Engine::open(&dir.path().join("warm.db")).unwrap();
    for path in &paths {
        ingest(&mut warm, &[path]);
    }
    let cold_db = dir.path().join("cold.db");
    for path in &paths {
        ingest(&mut Engine::open(&cold_db).unwrap(), &[path]);
    }
    assert_eq!(export(&warm), export(&Engine::open(&cold_db).unwrap()));
}

#[test]
fn story_pages_filter_sort_and_count() {
    let mut engine = Engine::open_in_memory().unwrap();
    ingest(&mut engine, &[&examples()]);
    post(&mut engine, HERON);
    let all = engine.story_page(&StoryQuery { limit: 100, ..StoryQuery::default() }).unwrap();
    assert_eq!(all.total as usize, all.stories.len());
    assert!(all.total >= 3, "{all:?}");
    assert_eq!(all.stories[0].headline, "Grey herons return to Wexmoor marsh", "newest first");

    let most = engine.story_page(&StoryQuery { limit: 100, order: StoryOrder::MostSources, ..StoryQuery::default() });
    let sources: Vec<u64> = most.unwrap().stories.iter().map(|s| s.sources).collect();
    assert!(sources.windows(2).all(|pair| pair[0] >= pair[1]), "{sources:?}");

    let paged = engine.story_page(&StoryQuery { limit: 1, offset: 1, ..StoryQuery::default() }).unwrap();
    assert_eq!((paged.total, paged.stories.len()), (all.total, 1));
    assert_eq!(paged.stories[0].id, all.stories[1].id);
    let past = engine.story_page(&StoryQuery { limit: 5, offset: 1_000, ..StoryQuery::default() }).unwrap();
    assert_eq!((past.total, past.stories.len()), (all.total, 0));

    let by_source = StoryQuery { source: Some("marsh.example".into()), limit: 10, ..StoryQuery::default() };
    let by_source = engine.story_page(&by_source).unwrap();
    assert_eq!(
        by_source.stories.iter().map(|s| s.headline.as_str()).collect::<Vec<_>>(),
        ["Grey herons return to Wexmoor marsh"]
    );

    let april = chrono_day(2026, 4, 1);
    let dated = StoryQuery { published_from: Some(april), limit: 10, ..StoryQuery::default() };
    assert_eq!(engine.story_page(&dated).unwrap().total, 1);
    let before = StoryQuery { published_to: Some(april), limit: 100, ..StoryQuery::default() };
    assert_eq!(engine.story_page(&before).unwrap().total, all.total - 1);

    let mentioning = StoryQuery { entity: Some("Wexmoor marsh".into()), limit: 10, ..StoryQuery::default() };
    assert_eq!(engine.story_page(&mentioning).unwrap().total, 1);
    let nobody = StoryQuery { entity: Some("Nobody Atall".into()), limit: 10, ..StoryQuery::default() };
    assert_eq!(engine.story_page(&nobody).unwrap().total, 0);
}

/// Midnight UTC of a day, in Unix seconds.
fn chrono_day(year: i32, month: u32, day: u32) -> i64 {
    chrono::NaiveDate::from_ymd_opt(year, month, day).unwrap().and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp()
}
