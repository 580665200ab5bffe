//! Eight writers posting while readers browse: afterwards every article is
//! stored exactly once, counted through the API and the engine.

use crate::{article, TestServer};
use std::collections::BTreeSet;

const WRITERS: usize = 8;
const POSTS_PER_WRITER: usize = 12;
const ARTICLES_PER_POST: usize = 3;

fn body(writer: usize, post: usize) -> String {
    (0..ARTICLES_PER_POST)
        .map(|n| {
            let id = format!("w{writer}-p{post}-a{n}");
            let text = format!(
                "Report {id}: the harbour board met on day {post} to discuss berth {n} and writer {writer}'s notes."
            );
            article(&id, &format!("outlet{writer}.example"), &format!("Harbour board notes {id}"), &text, "2026-06-01")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn concurrent_writers_lose_nothing_and_store_nothing_twice() {
    let server = TestServer::start();
    let expected = WRITERS * POSTS_PER_WRITER * ARTICLES_PER_POST;
    std::thread::scope(|scope| {
        for writer in 0..WRITERS {
            let server = &server;
            scope.spawn(move || {
                for post in 0..POSTS_PER_WRITER {
                    let (status, answer) = server.post(&body(writer, post));
                    assert_eq!(status, 200, "{answer}");
                    // Every writer also re-posts another writer's batch: it
                    // must be stored once, whoever comes first.
                    let (status, _) = server.post(&body((writer + 1) % WRITERS, post));
                    assert_eq!(status, 200);
                }
            });
        }
        for reader in 0..2 {
            let server = &server;
            scope.spawn(move || {
                for round in 0..40 {
                    assert_eq!(server.get("/api/stories?limit=5").0, 200);
                    assert_eq!(server.get(&format!("/api/search?q=harbour+w{}", (reader + round) % WRITERS)).0, 200);
                    assert_eq!(server.get("/").0, 200);
                }
            });
        }
    });
    let (_, health) = server.get_json("/health");
    assert_eq!(health["articles"].as_u64(), Some(expected as u64), "{health}");
    assert_eq!(health["indexed"].as_u64(), Some(expected as u64), "{health}");
    let (_, found) = server.get_json("/api/search?q=harbour&limit=1");
    assert_eq!(found["total"].as_u64(), Some(expected as u64));

    let engine = dossier_engine::Engine::open_read_only(&server.db).unwrap();
    let mut ids = BTreeSet::new();
    engine
        .export(|line| {
            assert!(ids.insert(line.id.clone()), "{} stored twice", line.id);
            Ok(())
        })
        .unwrap();
    let wanted: BTreeSet<String> = (0..WRITERS)
        .flat_map(|w| {
            (0..POSTS_PER_WRITER).flat_map(move |p| (0..ARTICLES_PER_POST).map(move |n| format!("w{w}-p{p}-a{n}")))
        })
        .collect();
    assert_eq!(ids, wanted);
}
