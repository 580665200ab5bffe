//! Store behaviour on real SQLite files: schema versions, batches, lookups.

use dossier_store::{CheckForm, NewArticle, Store, StoreError, StoryOrder, StoryQuery};

/// Undoes migration 3 (story counts and stored checks), leaving the schema
/// version 2 wrote.
fn back_to_version_2(conn: &rusqlite::Connection) {
    conn.execute_batch(
        "DROP INDEX stories_newest; DROP INDEX stories_most_sources; DROP INDEX stories_unchecked;
         DROP TABLE story_sources; DROP TABLE story_checks; DROP TABLE meta;
         ALTER TABLE stories DROP COLUMN articles; ALTER TABLE stories DROP COLUMN sources;
         ALTER TABLE stories DROP COLUMN duplicates; ALTER TABLE stories DROP COLUMN first_ts;
         ALTER TABLE stories DROP COLUMN last_ts; ALTER TABLE stories DROP COLUMN first_published;
         ALTER TABLE stories DROP COLUMN last_published; ALTER TABLE stories DROP COLUMN last_seq;
         ALTER TABLE stories DROP COLUMN checked_seq;
         PRAGMA user_version = 2;",
    )
    .unwrap();
}

/// Rows of SQL values, shown.
type Rows = Vec<Vec<Option<String>>>;

/// A story row's kept counts and span, and the same worked out from its
/// articles.
fn kept_and_computed(conn: &rusqlite::Connection) -> (Rows, Rows) {
    let rows = |sql: &str| -> Rows {
        let mut statement = conn.prepare(sql).unwrap();
        let rows = statement
            .query_map([], |row| {
                (0..8).map(|i| row.get::<_, rusqlite::types::Value>(i).map(|v| Some(format!("{v:?}")))).collect()
            })
            .unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    let kept = rows(
        "SELECT id, articles, sources, duplicates, first_published, last_published, first_ts, last_seq
         FROM stories ORDER BY id",
    );
    let computed = rows(
        "SELECT s.id, COUNT(*),
                COUNT(DISTINCT COALESCE(a.source,
                    (SELECT COALESCE(o.source, o.id) FROM articles o WHERE o.id = a.duplicate_of), a.id)),
                COUNT(a.duplicate_of),
                (SELECT published FROM articles WHERE story_id = s.id AND published_ts IS NOT NULL
                   ORDER BY published_ts ASC, seq ASC LIMIT 1),
                (SELECT published FROM articles WHERE story_id = s.id AND published_ts IS NOT NULL
                   ORDER BY published_ts DESC, seq ASC LIMIT 1),
                MIN(a.published_ts), MAX(a.seq)
         FROM stories s JOIN articles a ON a.story_id = s.id GROUP BY s.id ORDER BY s.id",
    );
    (kept, computed)
}

/// Articles over a few stories: dated and undated, tied times, repeated and
/// missing outlets, copies.
fn mixed_articles() -> Vec<NewArticle> {
    let mut out = Vec::new();
    for n in 0..60u32 {
        let mut row = article(&format!("m{n}"), u64::from(n % 7 + 1), n as u8);
        row.source = (n % 5 != 0).then(|| format!("outlet{}.example", n % 3));
        if n % 4 != 0 {
            let day = 1 + (n * 7919) % 13;
            row.published = Some(format!("2024-08-{day:02}"));
            row.published_ts = Some(1_722_470_400 + i64::from(day) * 86_400);
        }
        if n % 6 == 5 {
            row.duplicate_of = Some(format!("m{}", n - 1));
        }
        out.push(row);
    }
    out
}

fn article(id: &str, story_id: u64, content: u8) -> NewArticle {
    NewArticle {
        id: id.into(),
        claimed_id: id.into(),
        title: Some(format!("Title {id}")),
        headline: Some(format!("Title {id}")),
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
fn processes_opening_a_new_file_at_once_migrate_it_once() {
    // Each round a fresh file, opened by eight connections at the same
    // moment (SQLite locks files the same way across threads as across
    // processes): every one opens, none finds a table already made.
    for round in 0..8 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("race-{round}.db"));
        let start = std::sync::Barrier::new(8);
        std::thread::scope(|scope| {
            let openers: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| {
                        start.wait();
                        Store::open(&path).map(|_| ())
                    })
                })
                .collect();
            for opener in openers {
                let opened = opener.join().unwrap();
                assert!(opened.is_ok(), "round {round}: {opened:?}");
            }
        });
    }
}

#[test]
fn an_article_is_read_by_arrival_order_without_copying_its_text() {
    let mut store = Store::open_in_memory().unwrap();
    let mut batch = store.batch().unwrap();
    let mut first = article("a1", 4, 1);
    first.url = Some("https://example.com/a1".into());
    first.published = Some("2024-08-11".into());
    batch.insert(&first).unwrap();
    let mut copy = article("a2", 4, 2);
    copy.title = None;
    copy.duplicate_of = Some("a1".into());
    batch.insert(&copy).unwrap();
    batch.commit().unwrap();

    let read = |seq| {
        store
            .with_article_at(seq, |row| {
                (
                    row.id.to_owned(),
                    row.title.map(str::to_owned),
                    row.text.to_owned(),
                    row.url.map(str::to_owned),
                    row.published.map(str::to_owned),
                    row.duplicate_of.map(str::to_owned),
                    row.story_id,
                )
            })
            .unwrap()
    };
    let (id, title, text, url, published, duplicate_of, story) = read(1).unwrap();
    assert_eq!((id.as_str(), title.as_deref(), text.as_str()), ("a1", Some("Title a1"), "Text a1"));
    assert_eq!(
        (url.as_deref(), published.as_deref(), duplicate_of, story),
        (Some("https://example.com/a1"), Some("2024-08-11"), None, 4)
    );
    let (id, title, _, _, _, duplicate_of, _) = read(2).unwrap();
    assert_eq!((id.as_str(), title, duplicate_of.as_deref()), ("a2", None, Some("a1")));
    assert!(read(3).is_none(), "no article arrived third");
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

#[cfg(unix)]
#[test]
fn a_store_in_a_folder_that_cannot_be_written_is_read_as_it_is() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("snapshot");
    std::fs::create_dir(&folder).unwrap();
    let path = folder.join("dossier.db");
    {
        let mut store = Store::open(&path).unwrap();
        let mut batch = store.batch().unwrap();
        batch.insert(&article("a1", 1, 1)).unwrap();
        batch.commit().unwrap();
    }
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root may write anywhere: the folder is read-only only to others (the
    // immutable reading itself is tested in the crate, whoever runs it).
    let writable = std::fs::write(folder.join("probe"), b"").is_ok();
    let read_only = Store::open_read_only(&path);
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    if writable {
        eprintln!("skipped the read-only folder: this user may write in any folder");
    }
    assert_eq!(read_only.unwrap().counts().unwrap().articles, 1);
}

#[test]
fn a_missing_store_is_not_created_by_readers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    assert!(matches!(Store::open_read_only(&path), Err(StoreError::Missing { .. })));
    assert!(!path.exists());
    // An empty file holds no store either, and a reader leaves it empty.
    std::fs::write(&path, b"").unwrap();
    assert!(matches!(Store::open_read_only(&path), Err(StoreError::Missing { .. })));
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
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
        back_to_version_2(&conn);
        conn.execute_batch("DROP TABLE neardup_bands; DROP TABLE neardup_sketches; PRAGMA user_version = 1;").unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let mut batch = store.batch().unwrap();
    assert!(batch.near_duplicate_candidates(&[1]).unwrap().is_empty());
    batch.index_near_duplicate(1, &[1], &[7]).unwrap();
    assert_eq!(batch.near_duplicate_candidates(&[1]).unwrap()[0].id, "a1");
}

#[test]
fn issue_6_story_rows_keep_their_counts_and_span_as_articles_arrive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kept.db");
    let mut store = Store::open(&path).unwrap();
    for chunk in mixed_articles().chunks(9) {
        let mut batch = store.batch().unwrap();
        for row in chunk {
            batch.insert(row).unwrap();
        }
        batch.commit().unwrap();
    }
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (kept, computed) = kept_and_computed(&conn);
    assert_eq!(kept.len(), 7);
    assert_eq!(kept, computed);
}

#[test]
fn a_version_3_store_counts_a_sourceless_copy_as_its_originals_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let mut store = Store::open(&path).unwrap();
        let mut batch = store.batch().unwrap();
        batch.insert(&article("original", 1, 1)).unwrap();
        batch.insert(&NewArticle { duplicate_of: Some("original".into()), ..article("again", 1, 2) }).unwrap();
        batch.commit().unwrap();
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let sources = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row("SELECT sources FROM stories WHERE id = 1", [], |row| row.get(0)).unwrap()
    };
    assert_eq!(sources(&conn), 1);
    // What version 3 kept: the copy an outlet of its own, and no index of
    // outlets without case (migration 5's).
    conn.execute_batch(
        "INSERT INTO story_sources (story_id, source) VALUES (1, 'again');
         UPDATE stories SET sources = 2 WHERE id = 1; DROP INDEX story_sources_source_nocase;
         PRAGMA user_version = 3;",
    )
    .unwrap();
    drop(conn);
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(sources(&conn), 1);
    let (kept, computed) = kept_and_computed(&conn);
    assert_eq!(kept, computed);
}

#[test]
fn issue_6_a_version_2_store_migrates_with_its_story_counts_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    {
        let mut store = Store::open(&path).unwrap();
        let mut batch = store.batch().unwrap();
        for row in mixed_articles() {
            batch.insert(&row).unwrap();
        }
        batch.commit().unwrap();
    }
    back_to_version_2(&rusqlite::Connection::open(&path).unwrap());
    // A reader brings an older store forward before reading it.
    let store = Store::open_read_only(&path).unwrap();
    let page = store.story_page(&StoryQuery { limit: 3, order: StoryOrder::MostSources, ..StoryQuery::default() });
    let page = page.unwrap();
    assert_eq!(page.total, 7);
    assert!(page.stories.windows(2).all(|w| w[0].sources >= w[1].sources));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (kept, computed) = kept_and_computed(&conn);
    assert_eq!(kept, computed);
}

#[test]
fn issue_6_a_stored_check_is_read_until_its_story_grows() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(!store.retire_checks_unless(1).unwrap(), "the first version is recorded, nothing retired");
    let mut batch = store.batch().unwrap();
    let first = batch.insert(&article("a", 1, 1)).unwrap();
    batch.insert(&article("z", 2, 2)).unwrap();
    batch.commit().unwrap();
    assert_eq!(store.unchecked_stories(10).unwrap(), [2, 1], "most recently extended first");
    assert_eq!(store.unchecked_stories(u64::MAX).unwrap(), [2, 1], "any limit, however large");
    let conflicts = |store: &Store, id: u64| store.story_summary(id).unwrap().unwrap().conflicts;
    assert_eq!(conflicts(&store, 1), None, "not checked yet");
    store.save_check(1, first, 1, 2, "{\"whole\":1}", "{\"page\":1}").unwrap();
    assert_eq!(conflicts(&store, 1), Some(2), "a story's list line counts its check's conflicts");
    assert_eq!(store.story_summary(1).unwrap().unwrap().check_version, Some(1), "with the check's version");
    assert_eq!(store.stories().unwrap().iter().find(|s| s.id == 1).unwrap().conflicts, Some(2));
    assert_eq!(store.fresh_check(1, CheckForm::Whole, 1).unwrap().as_deref(), Some("{\"whole\":1}"));
    assert_eq!(store.fresh_check(1, CheckForm::Page, 1).unwrap().as_deref(), Some("{\"page\":1}"));
    assert_eq!(store.unchecked_stories(10).unwrap(), [2]);
    let counts = store.check_counts().unwrap();
    assert_eq!((counts.fresh, counts.stale, counts.conflicts), (1, 1, 2));

    let mut batch = store.batch().unwrap();
    let later = batch.insert(&article("b", 1, 3)).unwrap();
    batch.commit().unwrap();
    assert_eq!(store.fresh_check(1, CheckForm::Whole, 1).unwrap(), None, "story 1 has an article the check lacks");
    assert_eq!(conflicts(&store, 1), None, "a stale check counts nothing");
    assert_eq!(store.unchecked_stories(10).unwrap(), [1, 2]);
    // An older check never replaces a newer one.
    store.save_check(1, later, 1, 0, "{}", "{}").unwrap();
    store.save_check(1, first, 1, 5, "{\"old\":1}", "{}").unwrap();
    assert_eq!(store.fresh_check(1, CheckForm::Whole, 1).unwrap().as_deref(), Some("{}"));
    assert_eq!(store.check_counts().unwrap().conflicts, 0);
    // A build whose fact check says other things makes every check again.
    assert!(!store.retire_checks_unless(1).unwrap());
    assert_eq!(store.unchecked_stories(10).unwrap(), [2]);
    assert!(store.retire_checks_unless(2).unwrap());
    assert_eq!(store.unchecked_stories(10).unwrap(), [1, 2]);
    assert_eq!(conflicts(&store, 1), None, "a retired check counts nothing");
    assert_eq!(store.fresh_check(1, CheckForm::Whole, 2).unwrap(), None);
    assert_eq!(store.check_counts().unwrap().fresh, 0);
}
