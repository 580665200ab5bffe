//! Store behaviour on real SQLite files: schema versions, batches, lookups.

use dossier_store::{NewArticle, Store, StoreError};

fn article(id: &str, story_id: u64, content: u8) -> NewArticle {
    NewArticle {
        id: id.into(),
        claimed_id: id.into(),
        title: Some(format!("Title {id}")),
        text: format!("Text {id}"),
        metadata: "{}".into(),
        origin: "test.jsonl:1".into(),
        content_key: [content; 16],
        copy_key: Some([content; 16]),
        story_id,
        ..NewArticle::default()
    }
}

#[test]
fn a_new_file_gets_the_schema_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.db");
    {
        let mut store = Store::open(&path).unwrap();
        let mut batch = store.batch().unwrap();
        batch.insert(&article("a1", 1, 1)).unwrap();
        batch.commit().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap().articles, 1);
    let read_only = Store::open_read_only(&path).unwrap();
    assert_eq!(read_only.article("a1").unwrap().unwrap().title.as_deref(), Some("Title a1"));
}

#[test]
fn a_batch_dropped_without_commit_leaves_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    {
        let mut batch = store.batch().unwrap();
        batch.insert(&article("a1", 1, 1)).unwrap();
        assert!(batch.id_taken("a1").unwrap(), "a batch sees its own rows");
    }
    assert_eq!(store.counts().unwrap().articles, 0);
}

#[test]
fn lookups_find_the_same_record_and_the_first_original() {
    let mut store = Store::open_in_memory().unwrap();
    let mut batch = store.batch().unwrap();
    let mut first = article("a1", 1, 7);
    first.url = Some("https://example.com/a".into());
    batch.insert(&first).unwrap();
    let mut copy = article("a2", 1, 8);
    copy.copy_key = Some([7; 16]);
    copy.duplicate_of = Some("a1".into());
    batch.insert(&copy).unwrap();

    assert_eq!(batch.find_same("a1", None, &[7; 16]).unwrap().as_deref(), Some("a1"));
    assert_eq!(batch.find_same("other", Some("https://example.com/a"), &[7; 16]).unwrap().as_deref(), Some("a1"));
    assert_eq!(batch.find_same("a1", None, &[9; 16]).unwrap(), None);
    assert_eq!(batch.find_original(&[7; 16]).unwrap(), Some(("a1".into(), 1)));
    assert_eq!(batch.find_original(&[9; 16]).unwrap(), None);
    assert!(!batch.id_taken("a3").unwrap());
    batch.commit().unwrap();

    let counts = store.counts().unwrap();
    assert_eq!((counts.articles, counts.stories, counts.duplicates), (2, 1, 1));
}

#[test]
fn stories_list_counts_sources_and_dates() {
    let mut store = Store::open_in_memory().unwrap();
    let mut batch = store.batch().unwrap();
    for (id, story, source, published, ts) in [
        ("a", 1, Some("one.example"), "2024-08-11", 1_723_377_600),
        ("b", 1, Some("two.example"), "2024-08-12T09:00:00+00:00", 1_723_453_200),
        ("c", 1, Some("two.example"), "2024-08-12", 1_723_464_000),
        ("d", 2, None, "2024-08-01", 1_722_513_600),
        ("e", 2, None, "2024-08-01", 1_722_513_600),
    ] {
        let mut row = article(id, story, id.as_bytes()[0]);
        row.source = source.map(str::to_owned);
        row.published = Some(published.into());
        row.published_ts = Some(ts);
        batch.insert(&row).unwrap();
    }
    batch.commit().unwrap();
    let stories = store.stories().unwrap();
    assert_eq!(stories.iter().map(|s| s.id).collect::<Vec<_>>(), [1, 2], "newest first");
    assert_eq!((stories[0].articles, stories[0].sources), (3, 2));
    assert_eq!(stories[0].first_published.as_deref(), Some("2024-08-11"));
    assert_eq!(stories[0].last_published.as_deref(), Some("2024-08-12"));
    assert_eq!(stories[0].headline.as_deref(), Some("Title a"));
    assert_eq!(stories[1].sources, 2, "articles of unknown outlet count as their own");

    let mut seen = Vec::new();
    store
        .for_each_article::<StoreError>(false, |a| {
            seen.push(a.id);
            Ok(())
        })
        .unwrap();
    assert_eq!(seen, ["a", "b", "c", "d", "e"]);
}

#[test]
fn a_store_from_a_newer_dossier_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let error = Store::open(&path).err().unwrap();
    assert!(matches!(error, StoreError::TooNew { found: 999, .. }), "{error}");
    assert!(error.to_string().contains("upgrade dossier"));
}

#[test]
fn a_missing_store_is_not_created_by_readers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    assert!(matches!(Store::open_read_only(&path), Err(StoreError::Missing { .. })));
    assert!(!path.exists());
}

#[test]
fn issue_4_near_duplicate_index_adds_finds_and_removes() {
    let mut store = Store::open_in_memory().unwrap();
    let mut batch = store.batch().unwrap();
    let first = batch.insert(&article("wire", 1, 1)).unwrap();
    let second = batch.insert(&article("other", 2, 2)).unwrap();
    assert!(second > first);
    batch.index_near_duplicate(first, &[10, 11, 12], &[1, 5, 9]).unwrap();
    batch.index_near_duplicate(second, &[20, 11], &[2, 3]).unwrap();

    let found = batch.near_duplicate_candidates(&[11, 99]).unwrap();
    let ids: Vec<&str> = found.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["wire", "other"]);
    assert_eq!(found[0].shingles, [1, 5, 9]);
    assert_eq!(found[1].story_id, 2);
    assert!(batch.near_duplicate_candidates(&[99]).unwrap().is_empty());
    assert!(batch.near_duplicate_candidates(&[]).unwrap().is_empty());

    assert!(batch.remove_from_near_duplicate_index("wire").unwrap());
    assert!(!batch.remove_from_near_duplicate_index("wire").unwrap());
    assert!(!batch.remove_from_near_duplicate_index("missing").unwrap());
    let ids: Vec<String> = batch.near_duplicate_candidates(&[10, 11, 12]).unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(ids, ["other"]);
    batch.commit().unwrap();
    // The article itself stays stored.
    assert_eq!(store.counts().unwrap().articles, 2);
}

#[test]
fn issue_4_a_version_1_store_migrates_to_the_near_duplicate_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut store = Store::open(&path).unwrap();
        let mut batch = store.batch().unwrap();
        batch.insert(&article("a1", 1, 1)).unwrap();
        batch.commit().unwrap();
    }
    {
        // Back to what version 1 wrote: articles, no index.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("DROP TABLE neardup_bands; DROP TABLE neardup_sketches; PRAGMA user_version = 1;").unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let mut batch = store.batch().unwrap();
    assert!(batch.near_duplicate_candidates(&[1]).unwrap().is_empty());
    batch.index_near_duplicate(1, &[1], &[7]).unwrap();
    assert_eq!(batch.near_duplicate_candidates(&[1]).unwrap()[0].id, "a1");
}
