//! The ingest pipeline end to end on real files: the seeds, our examples,
//! and the shared data sets.

use dossier_engine::{Engine, IngestEvent, IngestOptions, IngestSummary, StoryView};
use dossier_sources::Input;
use dossier_testkit::{examples, shared};
use std::path::Path;

struct Run {
    summary: IngestSummary,
    skipped: Vec<(String, &'static str)>,
}

pub(crate) fn ingest(engine: &mut Engine, paths: &[&Path]) -> Run {
    let inputs = paths.iter().map(|path| Input::Path(path.to_path_buf())).collect();
    let mut skipped = Vec::new();
    let summary = engine
        .ingest(inputs, &IngestOptions::default(), &mut |event| {
            if let IngestEvent::Skipped { origin, reason, .. } = event {
                skipped.push((origin, reason));
            }
        })
        .unwrap();
    Run { summary, skipped }
}

/// A fresh in-memory store with `lines` ingested from one JSON Lines file.
fn ingest_lines(lines: &[serde_json::Value]) -> (Engine, Run) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("articles.jsonl");
    let text: Vec<String> = lines.iter().map(|line| line.to_string()).collect();
    std::fs::write(&file, text.join("\n")).unwrap();
    let mut engine = Engine::open_in_memory().unwrap();
    let run = ingest(&mut engine, &[&file]);
    (engine, run)
}

fn story_of(engine: &Engine, article_id: &str) -> StoryView {
    for listing in engine.stories().unwrap() {
        let story = engine.story(listing.id).unwrap().unwrap();
        if story.articles.iter().any(|a| a.id == article_id) {
            return story;
        }
    }
    panic!("article {article_id} is in no story");
}

#[test]
fn the_seed_reports_make_one_story() {
    let Some(seeds) = shared("seeds") else { return };
    let mut engine = Engine::open_in_memory().unwrap();
    let run = ingest(&mut engine, &[&seeds]);
    assert_eq!((run.summary.read, run.summary.new, run.summary.stories_opened), (2, 2, 1));
    let stories = engine.stories().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].sources, 2);
    let story = engine.story(stories[0].id).unwrap().unwrap();
    let first = story.articles.iter().find(|a| a.id == "000_0a268e9d4ae5c4e2").unwrap();
    assert_eq!(first.published.as_deref(), Some("2024-08-12"));
    assert!(first.text.starts_with("Setting out"), "{}", &first.text[..40]);
    assert_eq!(first.language.as_deref(), Some("eng"));
    assert!(story.articles.iter().any(|a| a.id == "004_bacb1b1643c1e2ea"));
}

#[test]
fn examples_fold_the_syndicated_copy_and_separate_the_events() {
    let mut engine = Engine::open_in_memory().unwrap();
    let run = ingest(&mut engine, &[&examples()]);
    assert!(run.skipped.iter().all(|(origin, _)| origin.ends_with("README.md")), "{:?}", run.skipped);
    assert_eq!(run.summary.duplicates, 1);

    let ferry = story_of(&engine, "ferry-pier-northsea-wire");
    let copy = ferry.articles.iter().find(|a| a.id == "ferry-pier-evening-post").unwrap();
    assert_eq!(copy.duplicate_of.as_deref(), Some("ferry-pier-northsea-wire"));
    for id in ["ferry-pier-coastal-courier", "valley-herald-ferry-collision", "tidewater-times-ferry-inquiry"] {
        assert!(ferry.articles.iter().any(|a| a.id == id), "{id} is not in the ferry story");
    }
    let transit = story_of(&engine, "transit-budget-wexmoor-observer");
    let cup = story_of(&engine, "cup-final-sportsline");
    assert_ne!(ferry.id, transit.id);
    assert_ne!(ferry.id, cup.id);
    assert_ne!(transit.id, cup.id);
    assert!(transit.articles.iter().any(|a| a.id == "coastal-courier-wexmoor-transit"));
    assert!(cup.articles.iter().any(|a| a.id == "cup-final-metro-ledger"));
    let metadata = &ferry.articles.iter().find(|a| a.id == "ferry-pier-coastal-courier").unwrap().metadata;
    assert!(metadata.contains_key("author"), "unknown fields are kept: {metadata:?}");

    let again = ingest(&mut engine, &[&examples()]);
    assert_eq!(again.summary.new, 0);
    assert_eq!(again.summary.already_stored, run.summary.read);
    assert_eq!(again.summary.stories_opened, 0);
}

#[test]
fn news_cluster_ingests_383_once_from_either_form() {
    let (Some(jsonl), Some(raw)) = (shared("data/news-cluster/articles.jsonl"), shared("data/news-cluster/raw")) else {
        return;
    };
    let mut engine = Engine::open_in_memory().unwrap();
    let first = ingest(&mut engine, &[&jsonl]);
    assert_eq!((first.summary.read, first.summary.new), (383, 383), "{:?}", first.skipped);
    let second = ingest(&mut engine, &[&jsonl]);
    assert_eq!((second.summary.new, second.summary.already_stored), (0, 383));

    let mut fresh = Engine::open_in_memory().unwrap();
    let from_raw = ingest(&mut fresh, &[&raw]);
    assert_eq!((from_raw.summary.read, from_raw.summary.new), (383, 383), "{:?}", from_raw.skipped);
}

#[test]
fn wikiref_decodes_cp1252_and_bbc_folds_identical_files() {
    let (Some(wikiref), Some(bbc)) = (shared("data/wikiref/raw"), shared("data/bbc/raw")) else { return };
    let mut engine = Engine::open_in_memory().unwrap();
    let run = ingest(&mut engine, &[&wikiref]);
    assert_eq!((run.summary.read, run.summary.new), (220, 220), "{:?}", run.skipped);

    let mut engine = Engine::open_in_memory().unwrap();
    let run = ingest(&mut engine, &[&bbc]);
    assert_eq!(run.summary.read, 2225, "{:?}", run.skipped);
    let business = story_of(&engine, "business/001");
    assert!(business.articles[0].title.as_deref().is_some_and(|title| title.starts_with("Ad sales")));

    // Every group of byte-identical files is folded onto its first file.
    let mut duplicate_of = std::collections::HashMap::new();
    engine
        .export(|line| {
            duplicate_of.insert(line.id, line.duplicate_of);
            Ok(())
        })
        .unwrap();
    let mut groups: std::collections::BTreeMap<Vec<u8>, Vec<String>> = Default::default();
    for topic in std::fs::read_dir(&bbc).unwrap().map(|entry| entry.unwrap().path()).filter(|p| p.is_dir()) {
        for file in std::fs::read_dir(&topic).unwrap().map(|entry| entry.unwrap().path()) {
            let id = format!(
                "{}/{}",
                topic.file_name().unwrap().to_str().unwrap(),
                file.file_stem().unwrap().to_str().unwrap()
            );
            groups.entry(std::fs::read(&file).unwrap()).or_default().push(id);
        }
    }
    let identical: Vec<Vec<String>> = groups.into_values().filter(|ids| ids.len() > 1).collect();
    assert_eq!(identical.len(), 98);
    for ids in &identical {
        let originals = ids.iter().filter(|id| duplicate_of[*id].is_none()).count();
        assert!(originals <= 1, "{ids:?} is not folded");
    }
    // Beyond those, 40 files repeat another's body word for word under a new
    // headline ("China continues rapid growth" / "… breakneck growth"): the
    // syndicated-copy case, folded too.
    assert_eq!(run.summary.duplicates - run.summary.near_duplicates, 138);
    // And 31 more are near copies (issue 4): BBC's own revised versions of a
    // story, a sentence added or a headline changed, at word-3-gram Jaccard
    // 0.52 to 0.99.
    assert_eq!(run.summary.near_duplicates, 31);
}

#[test]
fn an_id_clash_stores_both_articles_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clash.jsonl");
    std::fs::write(
        &file,
        concat!(
            r#"{"id":"x1","title":"Ferry hits pier","text":"The ferry hit the pier in fog."}"#,
            "\n",
            r#"{"id":"x1","title":"Council passes budget","text":"The council passed the budget."}"#,
            "\n",
        ),
    )
    .unwrap();
    let mut engine = Engine::open_in_memory().unwrap();
    let mut clashes = Vec::new();
    let summary = engine
        .ingest(vec![Input::Path(file.clone())], &IngestOptions::default(), &mut |event| {
            if let IngestEvent::IdClash { origin, id, stored_as } = event {
                clashes.push((origin, id.to_owned(), stored_as.to_owned()));
            }
        })
        .unwrap();
    assert_eq!((summary.new, summary.id_clashes), (2, 1));
    assert_eq!(clashes.len(), 1);
    assert!(clashes[0].0.ends_with("clash.jsonl:2"), "{:?}", clashes[0]);
    assert_eq!((clashes[0].1.as_str(), clashes[0].2.as_str()), ("x1", "x1~2"));
    let again = ingest(&mut engine, &[&file]);
    assert_eq!((again.summary.new, again.summary.already_stored, again.summary.id_clashes), (0, 2, 0));
}

#[test]
fn exact_copies_join_their_original_and_its_story() {
    let body = "Fog closed Kittiwake Pier on Tuesday after the evening ferry struck it at four knots, the harbour \
                master said, and divers will inspect the pilings before walkers are let back.";
    let lines = [
        serde_json::json!({"id": "wire", "source": "wire.example", "title": "Ferry strikes pier", "text": body}),
        serde_json::json!({"id": "reprint", "source": "paper.example", "title": "Pier struck in fog",
                           "text": body.replace(' ', "  ").to_uppercase()}),
    ];
    let (engine, run) = ingest_lines(&lines);
    assert_eq!((run.summary.new, run.summary.duplicates, run.summary.stories_opened), (2, 1, 1));
    let story = story_of(&engine, "wire");
    assert_eq!(story.articles[1].duplicate_of.as_deref(), Some("wire"));
    assert_eq!(story.sources, 2);
}

#[test]
fn pages_of_the_same_boilerplate_are_copies_only_under_the_same_title() {
    // Video pages whose text extraction found only the site's footer.
    let footer = "Watch this clip on our app. Find out what is happening in the world as it unfolds.";
    let lines = [
        serde_json::json!({"id": "ferry", "source": "tv.example", "title": "Ferry strikes Kittiwake pier", "text": footer}),
        serde_json::json!({"id": "budget", "source": "tv.example", "title": "Larnport council passes budget", "text": footer}),
        serde_json::json!({"id": "again", "source": "news.example", "title": "Ferry strikes Kittiwake pier!", "text": footer}),
    ];
    let (engine, run) = ingest_lines(&lines);
    assert_eq!((run.summary.new, run.summary.duplicates), (3, 1));
    let duplicate_of = |id: &str| {
        let story = story_of(&engine, id);
        story.articles.iter().find(|a| a.id == id).and_then(|a| a.duplicate_of.clone())
    };
    assert_eq!(duplicate_of("budget"), None);
    assert_eq!(duplicate_of("again").as_deref(), Some("ferry"));
}

#[test]
fn a_page_titled_with_its_sites_name_gives_its_story_no_headline() {
    // A search page scraped under its site's name opens the story; the
    // headline is the first report's that tells the event.
    let (engine, _) = ingest_lines(&[
        serde_json::json!({"id": "search", "source": "www.metroledger.example", "title": "Metro Ledger Search : Metro Ledger",
            "published": "2024-03-02",
            "text": "A fire broke out aboard the Dunmore ferry on Saturday as it berthed at Kittiwake pier. \
                     Crews evacuated forty passengers and the harbour master closed the pier."}),
        serde_json::json!({"id": "report", "source": "coastal.example", "title": "Fire aboard Dunmore ferry closes Kittiwake pier",
            "published": "2024-03-02",
            "text": "Forty passengers were evacuated after a fire broke out aboard the Dunmore ferry at Kittiwake pier \
                     on Saturday, and the harbour master closed the pier to traffic."}),
    ]);
    let story = story_of(&engine, "search");
    assert!(story.articles.iter().any(|a| a.id == "report"), "the report joins the search page's story");
    assert_eq!(story.headline, "Fire aboard Dunmore ferry closes Kittiwake pier");
    // The page keeps its title as written.
    let page = story.articles.iter().find(|a| a.id == "search").unwrap();
    assert_eq!(page.title.as_deref(), Some("Metro Ledger Search : Metro Ledger"));
}

#[test]
fn briefs_under_one_generic_headline_are_copies_only_when_they_say_the_same() {
    let lines = [
        serde_json::json!({"id": "rain", "source": "a.example", "title": "Weather",
                           "text": "Heavy rain flooded Marrowby on Monday, forcing 300 residents from their homes."}),
        serde_json::json!({"id": "bridge", "source": "b.example", "title": "Weather",
                           "text": "Frost closed the old stone bridge in Tellmouth, and drivers face a long detour."}),
        serde_json::json!({"id": "rain-again", "source": "c.example", "title": "Weather",
                           "text": "Heavy rain flooded Marrowby on Monday, forcing about 300 residents from their homes."}),
    ];
    let (engine, run) = ingest_lines(&lines);
    assert_eq!((run.summary.new, run.summary.duplicates), (3, 1));
    let duplicate_of = |id: &str| {
        let story = story_of(&engine, id);
        story.articles.iter().find(|a| a.id == id).and_then(|a| a.duplicate_of.clone())
    };
    assert_eq!(duplicate_of("bridge"), None);
    assert_eq!(duplicate_of("rain-again").as_deref(), Some("rain"));
}

mod search;

/// An invented wire report, about 90 words, written for these tests.
const WIRE: &str = "Harbour officials in Kittiwake said on Tuesday that the evening ferry from Larnport \
struck the north pier in thick fog, injuring four passengers and damaging two mooring posts. The ferry \
operator said the vessel had slowed to four knots before the collision and that its radar had been \
working normally. Divers will inspect the hull on Wednesday morning, and the pier will stay closed to \
foot traffic until engineers have checked the pilings. The harbour master asked residents to avoid the \
seafront while cranes remove the broken timber, and said a full report would follow within a month.";

#[test]
fn issue_4_edited_syndicated_copies_are_marked_duplicate_of_their_original() {
    // A reprint with a few words changed and a footer, as papers run wire copy.
    let reprint = format!(
        "{} Reporting by the Coastal Desk.",
        WIRE.replace("four passengers", "three passengers").replace("Wednesday morning", "Wednesday")
    );
    // The same event in another outlet's own words: not a copy.
    let own = "A ferry hit the north pier at Kittiwake in fog on Tuesday evening. Four people on \
board were hurt, none seriously, according to the port. Engineers want to check the pilings before \
walkers are allowed back, and the operator insists the radar worked. A report is due next month.";
    let lines = [
        serde_json::json!({"id": "wire", "source": "wire.example", "title": "Ferry strikes pier", "text": WIRE}),
        serde_json::json!({"id": "reprint", "source": "paper.example", "title": "Fog ferry crash", "text": reprint}),
        serde_json::json!({"id": "own", "source": "gazette.example", "title": "Pier closed", "text": own}),
    ];
    let (engine, run) = ingest_lines(&lines);
    assert_eq!((run.summary.new, run.summary.duplicates, run.summary.near_duplicates), (3, 1, 1));
    let story = story_of(&engine, "wire");
    let duplicate_of = |id: &str| story.articles.iter().find(|a| a.id == id).map(|a| a.duplicate_of.clone());
    assert_eq!(duplicate_of("reprint"), Some(Some("wire".to_owned())));
    assert_eq!(duplicate_of("own").flatten(), None);
}

#[test]
fn a_rewrite_that_changes_a_figure_conflicts_with_its_original_unless_it_is_the_same_outlet() {
    let reprint = WIRE.replace("injuring four passengers", "injuring 7 passengers");
    let story = |copy_source: Option<&str>| {
        let mut copy = serde_json::json!({"id": "reprint", "title": "Ferry strikes pier", "text": reprint});
        if let Some(source) = copy_source {
            copy["source"] = source.into();
        }
        let wire =
            serde_json::json!({"id": "wire", "source": "wire.example", "title": "Ferry strikes pier", "text": WIRE});
        let (engine, run) = ingest_lines(&[wire, copy]);
        assert_eq!(run.summary.near_duplicates, 1, "a near copy");
        story_of(&engine, "wire")
    };
    // Another outlet's rewrite: its 7 stands against the wire's four.
    let other = story(Some("paper.example"));
    assert!(other.conflicts.iter().any(|c| c.subject == "injured"), "{:#?}", other.conflicts);
    // A copy that names no outlet is the original's outlet's: no outlet
    // contradicts itself.
    let same = story(None);
    assert!(same.conflicts.is_empty(), "{:#?}", same.conflicts);
}

#[test]
fn issue_4_near_copies_are_found_across_runs_and_not_with_the_index_off() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = (dir.path().join("first.jsonl"), dir.path().join("second.jsonl"));
    std::fs::write(&first, serde_json::json!({"id": "wire", "text": WIRE}).to_string()).unwrap();
    let copy = WIRE.replace("two mooring posts", "three mooring posts");
    std::fs::write(&second, serde_json::json!({"id": "copy", "text": copy}).to_string()).unwrap();
    let db = dir.path().join("dossier.db");
    {
        let mut engine = Engine::open(&db).unwrap();
        ingest(&mut engine, &[&first]);
    }
    let mut engine = Engine::open(&db).unwrap();
    let run = ingest(&mut engine, &[&second]);
    assert_eq!(run.summary.near_duplicates, 1);

    let mut engine = Engine::open_in_memory().unwrap();
    let options = IngestOptions { near_duplicates: None, ..IngestOptions::default() };
    let inputs = vec![Input::Path(first.clone()), Input::Path(second.clone())];
    let summary = engine.ingest(inputs, &options, &mut |_| {}).unwrap();
    assert_eq!((summary.new, summary.duplicates), (2, 0));
}

#[test]
fn the_seed_story_view_carries_its_fact_check() {
    let Some(seeds) = shared("seeds") else { return };
    let mut engine = Engine::open_in_memory().unwrap();
    ingest(&mut engine, &[&seeds]);
    let story = engine.story(engine.stories().unwrap()[0].id).unwrap().unwrap();
    assert_eq!(story.event_date.as_deref(), Some("2024-08-11"));
    let kinds: Vec<&str> = story.conflicts.iter().map(|c| c.kind.as_str()).collect();
    assert_eq!(kinds, ["name"]);
    let cruise = story.facts.iter().find(|f| f.value == "Tom Cruise").unwrap();
    assert_eq!((cruise.status.as_str(), cruise.sources.len()), ("corroborated", 2));
    assert!(cruise.evidence.iter().all(|e| !e.sentence.is_empty()));
    assert!(!story.timeline.is_empty());
    let json = serde_json::to_value(&story).unwrap();
    for key in ["facts", "conflicts", "timeline", "articles", "headline", "event_date"] {
        assert!(json.get(key).is_some(), "{key} in the story JSON");
    }
}

#[test]
fn the_example_ferry_story_shows_its_planted_conflicts() {
    let mut engine = Engine::open_in_memory().unwrap();
    ingest(&mut engine, &[&examples()]);
    let ferry = story_of(&engine, "ferry-pier-northsea-wire");
    let subjects: Vec<(&str, &str)> = ferry.conflicts.iter().map(|c| (c.kind.as_str(), c.subject.as_str())).collect();
    assert_eq!(subjects, [("name", "Maria Lindqvist"), ("quantity", "injured"), ("quantity", "passengers")]);
    let injured = &ferry.conflicts[1];
    // The syndicated copy is not counted as a source of its original's value.
    assert!(injured.values.iter().all(|v| !v.sources.contains(&"ferry-pier-evening-post".to_owned())));
    // Each source of each version comes with the sentence it gives the
    // value in.
    for (version, written) in injured.values.iter().zip([["12", "12"], ["15", "Fifteen"]]) {
        let cited: Vec<&str> = version.evidence.iter().map(|e| e.article.as_str()).collect();
        assert_eq!(cited, version.sources, "{version:?}");
        for evidence in &version.evidence {
            assert!(written.iter().any(|w| evidence.sentence.contains(w)), "{evidence:?}");
        }
    }
}

#[test]
fn a_story_list_counts_conflicts_of_this_build_s_fact_check_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let mut engine = Engine::open(&db).unwrap();
    ingest(&mut engine, &[&examples()]);
    let ferry = story_of(&engine, "ferry-pier-northsea-wire");
    engine.refresh_checks(100).unwrap();
    let listed = |engine: &Engine| engine.stories().unwrap().into_iter().find(|s| s.id == ferry.id).unwrap().conflicts;
    assert_eq!(listed(&Engine::open_read_only(&db).unwrap()), Some(ferry.conflicts.len() as u64));
    // A check another build made (a store opened read-only after an
    // upgrade holds the older build's) counts nothing here.
    drop(engine);
    let store = dossier_store::Store::open(&db).unwrap();
    let through = store.story_articles(ferry.id, 0, 1_000).unwrap().iter().map(|a| a.seq).max().unwrap();
    store.save_check(ferry.id, through, 1_000, 99, "{}", "{}").unwrap();
    drop(store);
    assert_eq!(listed(&Engine::open_read_only(&db).unwrap()), None);
}

#[test]
fn a_store_of_the_normalisation_before_decoding_entities_finds_its_articles_read_again() {
    use dossier_store::{NewArticle, Store};
    use dossier_text::{content_id, normalize_inline, normalize_text};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.db");
    let source = "www.marrowbyledger.example";
    let title = "Jos&#233; Brennick reopens the Dunmore mill &#124; Marrowby Ledger";
    let text = "Jos&#233; Brennick said Vellmar &amp; Co would pay. The sign read &amp;lt;open&amp;gt;.";
    let unsigned_text = "Wendy Marsh of Dunmore &amp; Sons said the mill reopens.";
    // As a build before decoding stored them: normalised, references kept,
    // keys and the made-up id hashed from that; a copy of the first points
    // at it. The story's headline is the title as that build shortened it:
    // the site's name was not seen behind "&#124;".
    {
        let mut store = Store::open(&db).unwrap();
        let mut batch = store.batch().unwrap();
        let old_title = normalize_inline(title);
        let unsigned = normalize_text(unsigned_text);
        let rows = [
            ("w1", "w1".to_owned(), Some(old_title.clone()), normalize_text(text), None, 1),
            ("w1-copy", "w1-copy".to_owned(), Some(old_title), normalize_text(text), Some("w1"), 1),
            ("", content_id(None, &unsigned).to_string(), None, unsigned, None, 2),
        ];
        for (id, claimed, title, text, copy_of, story) in rows {
            let id = if id.is_empty() { claimed.clone() } else { id.to_owned() };
            let (content_key, copy_key) = (
                dossier_dedup::content_key(title.as_deref(), &text).to_bytes(),
                dossier_dedup::copy_key(title.as_deref(), &text).map(|key| key.to_bytes()),
            );
            batch
                .insert(&NewArticle {
                    id,
                    claimed_id: claimed,
                    headline: title.clone(),
                    source: Some(source.into()),
                    content_key,
                    copy_key,
                    title,
                    text,
                    duplicate_of: copy_of.map(str::to_owned),
                    metadata: "{}".into(),
                    origin: "old.jsonl:1".into(),
                    story_id: story,
                    ..NewArticle::default()
                })
                .unwrap();
        }
        batch.commit().unwrap();
    }
    // A fact check made from the undecoded text before the upgrade.
    let before = Engine::open_without_search(&db).unwrap().story(1).unwrap().unwrap();
    let undecoded = |facts: &[dossier_engine::FactView]| {
        facts.iter().flat_map(|f| &f.evidence).any(|e| e.sentence.contains("&#233;"))
    };
    assert!(undecoded(&before.facts), "{:?}", before.facts);
    let file = dir.path().join("again.jsonl");
    let lines = [
        serde_json::json!({"id": "w1", "title": title, "text": text, "source": source}),
        serde_json::json!({"text": unsigned_text, "source": source}),
    ];
    std::fs::write(&file, lines.map(|line| line.to_string()).join("\n")).unwrap();
    let mut engine = Engine::open(&db).unwrap();
    let again = ingest(&mut engine, &[&file]);
    assert_eq!((again.summary.new, again.summary.already_stored, again.summary.id_clashes), (0, 2, 0));
    let story = engine.story(1).unwrap().unwrap();
    // The headline made again as ingest makes it now, the site's name left out.
    assert_eq!(story.headline, "José Brennick reopens the Dunmore mill");
    let ids: Vec<&str> = story.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["w1", "w1-copy"]);
    assert_eq!(story.articles[1].duplicate_of.as_deref(), Some("w1"));
    // The old check is not served: the facts are the decoded text's.
    assert!(story.facts.iter().any(|f| f.value.contains("José Brennick")), "{:?}", story.facts);
    assert!(!undecoded(&story.facts));
    // The search index is rebuilt from the decoded texts.
    assert_eq!(engine.search("José", 10, 0).unwrap().articles.len(), 2);
    // Opened again, nothing is normalised twice: "&amp;lt;" was decoded
    // once, to "&lt;", and stays so.
    drop(engine);
    let mut engine = Engine::open(&db).unwrap();
    let third = ingest(&mut engine, &[&file]);
    assert_eq!((third.summary.new, third.summary.already_stored), (0, 2));
    let detail = engine.article("w1").unwrap().unwrap();
    assert!(detail.article.text.contains("&lt;open&gt;"), "{}", detail.article.text);
}
