//! The JSON API: shapes, paging, filters, search, ingest outcomes, errors,
//! and the OpenAPI document against the routes that really answer.

use crate::{article, examples_body, TestServer};
use dossier_engine::Engine;

fn loaded() -> TestServer {
    let server = TestServer::start();
    let (status, answer) = server.post(&examples_body());
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer["stored"], 7, "{answer}");
    server
}

#[test]
fn posting_answers_per_record_and_the_articles_appear() {
    let server = loaded();
    let heron = article(
        "heron-1",
        "marsh.example",
        "Grey herons return to Wexmoor marsh",
        "Grey herons nested again at Wexmoor marsh this spring, wardens said.",
        "2026-04-02",
    );
    // The same article twice: stored once, then already stored.
    let body = [heron.clone(), "{not json".to_owned(), heron, r#"{"id":"empty","source":"marsh.example"}"#.to_owned()]
        .join("\n");
    let (status, answer) = server.post(&body);
    assert_eq!(status, 200);
    assert_eq!(
        (answer["stored"].as_u64(), answer["already_stored"].as_u64(), answer["rejected"].as_u64()),
        (Some(1), Some(1), Some(2))
    );
    let records = answer["records"].as_array().unwrap();
    let summary: Vec<(u64, &str)> =
        records.iter().map(|r| (r["record"].as_u64().unwrap(), r["status"].as_str().unwrap())).collect();
    assert_eq!(summary, [(1, "stored"), (2, "rejected"), (3, "already_stored"), (4, "rejected")]);
    assert_eq!(records[0]["id"], "heron-1");
    assert!(records[1]["reason"].is_string() && records[1]["message"].is_string());
    let story = records[0]["story"].as_u64().unwrap();

    let (status, found) = server.get_json("/api/search?q=%22grey%20herons%22");
    assert_eq!(status, 200);
    assert_eq!(found["total"], 1);
    assert_eq!(found["articles"][0]["id"], "heron-1");
    assert_eq!(found["stories"][0]["id"], story);
    let (_, newest) = server.get_json("/api/stories?limit=1");
    assert_eq!(newest["stories"][0]["id"], story, "the newest story is the one just posted");
    let (status, detail) = server.get_json("/api/articles/heron-1");
    assert_eq!(status, 200);
    assert_eq!(detail["origin"], "POST /api/articles:1", "where it came from, for an operator");
    assert_eq!((detail["story"].as_u64(), detail["source"].as_str()), (Some(story), Some("marsh.example")));

    let (status, one) =
        server.post(&article("heron-2", "birds.example", "Herons", "Herons again at the marsh.", "2026-04-03"));
    assert_eq!((status, one["stored"].as_u64()), (200, Some(1)), "one JSON object is one record");
    // A body opened by a byte-order mark, as some Windows tools write it.
    let marked = format!(
        "\u{feff}{}",
        article("heron-3", "birds.example", "Herons", "A third heron report from the marsh.", "2026-04-03")
    );
    let (status, one) = server.post(&marked);
    assert_eq!((status, one["stored"].as_u64()), (200, Some(1)), "{one}");

    // A JSON array: each element is answered with its own number.
    let array = format!(
        "[{}, \"not an article\", {}]",
        article("egret-1", "marsh.example", "Egrets", "Little egrets fed on the marsh at dawn.", "2026-04-04"),
        article("egret-2", "birds.example", "Egrets seen", "Egrets were seen at the marsh this week.", "2026-04-05"),
    );
    let (status, answer) = server.post(&array);
    assert_eq!(status, 200);
    let records = answer["records"].as_array().unwrap();
    let numbers: Vec<(u64, &str)> =
        records.iter().map(|r| (r["record"].as_u64().unwrap(), r["status"].as_str().unwrap())).collect();
    assert_eq!(numbers, [(1, "stored"), (2, "rejected"), (3, "stored")]);

    // Nothing went in: 422, with the reason of each record.
    let (status, answer) = server.post("{not json\n{\"id\":\"empty\",\"source\":\"marsh.example\"}");
    assert_eq!((status, answer["stored"].as_u64(), answer["rejected"].as_u64()), (422, Some(0), Some(2)), "{answer}");
    assert!(answer["records"].as_array().unwrap().iter().all(|r| r["reason"].is_string()), "{answer}");
    // An article stored before is no failure.
    let again = article("egret-1", "marsh.example", "Egrets", "Little egrets fed on the marsh at dawn.", "2026-04-04");
    let (status, answer) = server.post(&format!("{again}\n{{not json"));
    assert_eq!((status, answer["already_stored"].as_u64()), (200, Some(1)), "{answer}");
    // A different article under that id is stored under a new one, and
    // its answer says why.
    let other =
        article("egret-1", "marsh.example", "Egrets", "Two grey herons joined the egrets at noon.", "2026-04-05");
    let (status, answer) = server.post(&other);
    let record = &answer["records"][0];
    assert_eq!((status, record["status"].as_str(), record["id"].as_str()), (200, Some("stored"), Some("egret-1~2")));
    assert!(
        record["message"].as_str().is_some_and(|m| m.contains("\"egret-1\"") && m.contains("egret-1~2")),
        "{answer}"
    );
    // A date that is not read: stored undated, and said.
    let body = r#"{"id": "egret-9", "title": "Egrets", "text": "Egrets nested.", "published": "yesterday-ish"}"#;
    let (status, answer) = server.post(body);
    let record = &answer["records"][0];
    assert_eq!((status, record["status"].as_str()), (200, Some("stored")), "{answer}");
    let said = record["message"].as_str().unwrap_or_default();
    assert!(said.contains("yesterday-ish") && said.contains("without one"), "{answer}");
}

#[test]
fn a_client_that_accepts_gzip_gets_the_same_answer_gzipped() {
    use std::io::Read;
    let server = loaded();
    let (_, plain) = server.get("/api/stories?limit=5");
    let response = ureq::get(&server.url("/api/stories?limit=5")).set("accept-encoding", "gzip").call().unwrap();
    assert_eq!(response.header("content-encoding"), Some("gzip"));
    let mut zipped = Vec::new();
    response.into_reader().read_to_end(&mut zipped).unwrap();
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(zipped.as_slice()).read_to_string(&mut unzipped).unwrap();
    assert_eq!(unzipped, plain);
    assert!(zipped.len() < plain.len(), "{} gzipped against {} plain", zipped.len(), plain.len());
    // Without asking, nothing is compressed.
    let response = ureq::get(&server.url("/api/stories?limit=5")).call().unwrap();
    assert_eq!(response.header("content-encoding"), None);
}

#[test]
fn a_story_is_the_same_shape_as_the_cli_json() {
    let server = loaded();
    let (_, list) = server.get_json("/api/stories?sort=sources&limit=1");
    let id = list["stories"][0]["id"].as_u64().unwrap();
    let (status, story) = server.get_json(&format!("/api/stories/{id}"));
    assert_eq!(status, 200);
    let engine = Engine::open_read_only(&server.db).unwrap();
    let expected = serde_json::to_value(engine.story(id).unwrap().unwrap()).unwrap();
    assert_eq!(story, expected);
    assert_eq!(story["articles"].as_array().unwrap().len(), 3);
}

#[test]
fn story_lists_page_sort_and_filter() {
    let server = loaded();
    let (_, all) = server.get_json("/api/stories");
    assert_eq!(all["total"], 3);
    let headlines: Vec<&str> =
        all["stories"].as_array().unwrap().iter().map(|s| s["headline"].as_str().unwrap()).collect();
    assert!(headlines[0].contains("budget") || headlines[0].contains("Wexmoor"), "newest first: {headlines:?}");

    let (_, page) = server.get_json("/api/stories?limit=1&offset=1");
    assert_eq!((page["total"].as_u64(), page["stories"].as_array().unwrap().len()), (Some(3), 1));
    assert_eq!(page["stories"][0]["id"], all["stories"][1]["id"]);

    let (_, most) = server.get_json("/api/stories?sort=sources");
    assert_eq!(most["stories"][0]["sources"], 3);

    let (_, by_source) = server.get_json("/api/stories?source=metro-ledger.example");
    assert_eq!(by_source["total"], 2);
    let (_, by_source) = server.get_json("/api/stories?source=Metro-Ledger.Example");
    assert_eq!(by_source["total"], 2, "an outlet is found whatever its case");
    let (_, march_15) = server.get_json("/api/stories?from=2026-03-15&to=2026-03-16");
    assert_eq!(march_15["total"], 1);
    let (_, after) = server.get_json("/api/stories?from=2026-03-18T00:00:00Z");
    assert_eq!(after["total"], 1);
    let (_, mentioning) = server.get_json("/api/stories?entity=Kittiwake%20Pier");
    assert_eq!(mentioning["total"], 1);
    assert!(mentioning["stories"][0]["headline"].as_str().unwrap().to_lowercase().contains("pier"));
}

#[test]
fn search_marks_the_words_and_pages() {
    let server = loaded();
    let (status, found) = server.get_json("/api/search?q=fog%20pier&limit=1");
    assert_eq!(status, 200);
    assert!(found["total"].as_u64().unwrap() >= 2, "{found}");
    assert_eq!(found["articles"].as_array().unwrap().len(), 1);
    let marked: Vec<String> = found["articles"][0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|part| part["mark"] == true)
        .map(|part| part["text"].as_str().unwrap().to_lowercase())
        .collect();
    assert!(marked.iter().any(|word| word == "fog" || word == "pier"), "{marked:?}");
    let (_, phrase) = server.get_json("/api/search?q=%22extra%20time%22");
    assert!(phrase["total"].as_u64().unwrap() >= 1);
    let (_, none) = server.get_json("/api/search?q=%22pier%20extra%22");
    assert_eq!(none["total"], 0);
}

#[test]
fn errors_have_one_shape_with_a_stable_code() {
    let server = loaded();
    for (path, status, code) in [
        ("/api/stories/999", 404, "story_not_found"),
        ("/api/stories/abc", 404, "story_not_found"),
        ("/api/articles/no-such-article", 404, "article_not_found"),
        ("/api/stories?limit=0", 400, "invalid_limit"),
        ("/api/stories?limit=many", 400, "invalid_query"),
        ("/api/stories?from=yesterday", 400, "invalid_date"),
        ("/api/stories?from=2019-01-01&to=2018-01-01", 400, "invalid_date"),
        ("/api/search", 400, "missing_query"),
        ("/api/search?q=ferry&offset=10001", 400, "invalid_offset"),
        ("/api/nowhere", 404, "route_not_found"),
    ] {
        let (got, body) = server.get_json(path);
        assert_eq!(got, status, "{path}: {body}");
        assert_eq!(body["code"], code, "{path}: {body}");
        assert_eq!(body["status"], status, "{path}");
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()) && body["type"].is_string(), "{path}: {body}");
    }
    let (status, body) = crate::answer(ureq::delete(&server.url("/api/stories")).call());
    assert_eq!(status, 405);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&body).unwrap()["code"], "method_not_allowed");
    let (status, body) = server.post("just some text");
    assert_eq!((status, body["code"].as_str()), (400, Some("invalid_body")));
}

#[test]
fn the_openapi_document_matches_the_routes() {
    let server = loaded();
    let (status, document) = server.get_json("/openapi.json");
    assert_eq!(status, 200);
    let paths = document["paths"].as_object().unwrap();
    let mut documented: Vec<&str> = paths.keys().map(String::as_str).collect();
    documented.sort();
    assert_eq!(
        documented,
        [
            "/api/articles",
            "/api/articles/{id}",
            "/api/search",
            "/api/stories",
            "/api/stories/{id}",
            "/health",
            "/metrics"
        ]
    );
    for (path, operations) in paths {
        for method in operations.as_object().unwrap().keys() {
            let concrete = path
                .replace("{id}", "ferry-pier-northsea-wire")
                .replace("/api/stories/ferry-pier-northsea-wire", "/api/stories/1");
            let concrete = if concrete == "/api/search" { "/api/search?q=ferry".to_owned() } else { concrete };
            let status = match method.as_str() {
                "get" => server.get(&concrete).0,
                "post" => {
                    server.post(&article("openapi-probe", "probe.example", "Probe", "A probe text.", "2026-01-01")).0
                }
                other => panic!("undocumented method {other}"),
            };
            assert_eq!(status, 200, "{method} {concrete}");
        }
    }
    assert!(document["components"]["schemas"]["StoryView"].is_object());
    assert!(document["components"]["securitySchemes"]["token"].is_object());
    // The posted body is described as an article, JSON Lines as text.
    let body = &paths["/api/articles"]["post"]["requestBody"]["content"];
    assert_eq!(body["application/json"]["schema"]["$ref"], "#/components/schemas/ArticleInput", "{body}");
    assert!(body["application/x-ndjson"].is_object(), "{body}");
    let input = &document["components"]["schemas"]["ArticleInput"]["properties"];
    for field in ["id", "title", "text", "url", "source", "published"] {
        assert!(input[field].is_object(), "{field}: {input}");
    }
}

#[test]
fn health_and_metrics_count_what_is_stored() {
    let server = loaded();
    // The examples again: every record already stored, one that is no
    // article rejected.
    let (status, answer) = server.post(&format!("{}\n[1]", examples_body()));
    assert_eq!((status, answer["already_stored"].as_u64()), (200, Some(7)), "{answer}");
    server.get("/api/stories");
    let (_, health) = server.get_json("/health");
    assert_eq!(
        (health["status"].as_str(), health["articles"].as_u64(), health["indexed"].as_u64()),
        (Some("ok"), Some(7), Some(7))
    );
    let (status, metrics) = server.get("/metrics");
    assert_eq!(status, 200);
    for line in ["dossier_articles 7", "dossier_stories 3", "dossier_duplicates 1", "dossier_search_indexed_articles 7"]
    {
        assert!(metrics.lines().any(|l| l == line), "{line} missing:\n{metrics}");
    }
    assert!(
        metrics.contains(
            r#"dossier_http_request_duration_seconds_count{method="GET",route="/api/stories",status="200"} 1"#
        ),
        "{metrics}"
    );
    // Label values as the API's JSON names outcomes.
    for line in ["stored\"} 7", "already_stored\"} 7", "rejected\"} 1"] {
        let line = format!("dossier_api_records_total{{outcome=\"{line}");
        assert!(metrics.lines().any(|l| l == line), "{line} missing:\n{metrics}");
    }
}

#[test]
fn the_seed_story_over_http() {
    let Some(seeds) = dossier_testkit::shared("seeds") else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let mut engine = Engine::open(&db).unwrap();
    let inputs = vec![dossier_sources::Input::Path(seeds)];
    engine.ingest(inputs, &dossier_engine::IngestOptions::default(), &mut |_| {}).unwrap();
    drop(engine);
    let server = TestServer::on(&db, |_| {});
    let (_, found) = server.get_json("/api/search?q=%22Simone%20Biles%22");
    assert_eq!(found["total"], 1);
    let story = found["stories"][0]["id"].as_u64().unwrap();
    let (_, view) = server.get_json(&format!("/api/stories/{story}"));
    assert_eq!((view["sources"].as_u64(), view["articles"].as_array().map(Vec::len)), (Some(2), Some(2)));
    let (_, both) = server.get_json("/api/search?q=biles");
    assert_eq!(both["total"], 2, "both spellings' articles mention Biles");
}

#[test]
fn an_article_s_origin_is_served_without_the_folders_it_was_read_from() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let mut engine = Engine::open(&db).unwrap();
    let inputs = vec![dossier_sources::Input::Path(dossier_testkit::examples())];
    engine.ingest(inputs, &dossier_engine::IngestOptions::default(), &mut |_| {}).unwrap();
    drop(engine);
    let server = TestServer::on(&db, |_| {});
    let (status, detail) = server.get_json("/api/articles/tidewater-times-ferry-inquiry");
    assert_eq!(status, 200, "{detail}");
    assert_eq!(detail["origin"], "tidewater-times-ferry-inquiry.txt");
    let (_, story) = server.get_json(&format!("/api/stories/{}", detail["story"]));
    let origins: Vec<&str> =
        story["articles"].as_array().unwrap().iter().map(|a| a["origin"].as_str().unwrap()).collect();
    assert!(origins.iter().all(|origin| !origin.contains('/')), "{origins:?}");
    assert!(origins.iter().any(|origin| origin.starts_with("wire.jsonl:")), "{origins:?}");
}

#[test]
fn issue_6_a_story_comes_in_pages_of_articles_with_its_whole_fact_check() {
    let server = loaded();
    let (_, list) = server.get_json("/api/stories?sort=sources&limit=1");
    let id = list["stories"][0]["id"].as_u64().unwrap();
    let (status, first) = server.get_json(&format!("/api/stories/{id}?articles_limit=2"));
    assert_eq!(status, 200, "{first}");
    let (_, rest) = server.get_json(&format!("/api/stories/{id}?articles_limit=2&articles_offset=2"));
    let ids = |view: &serde_json::Value| -> Vec<String> {
        view["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!((ids(&first).len(), ids(&rest).len()), (2, 1));
    assert!(ids(&rest).iter().all(|id| !ids(&first).contains(id)), "pages do not overlap");
    assert_eq!((first["articles_total"].as_u64(), rest["articles_offset"].as_u64()), (Some(3), Some(2)));
    assert_eq!(first["facts"], rest["facts"], "every page carries the whole fact check");
    let engine = Engine::open_read_only(&server.db).unwrap();
    let whole = serde_json::to_value(engine.story(id).unwrap().unwrap()).unwrap();
    assert_eq!((&first["conflicts"], &first["facts"]), (&whole["conflicts"], &whole["facts"]));
    assert!(!whole["conflicts"].as_array().unwrap().is_empty(), "the ferry's name conflict");
    for bad in ["articles_limit=0", "articles_limit=1001", "articles_limit=many"] {
        let (status, error) = server.get_json(&format!("/api/stories/{id}?{bad}"));
        assert_eq!((status, error["code"].as_str()), (400, Some("invalid_query")), "{bad}: {error}");
    }
}

#[test]
fn issue_6_metrics_count_the_conflicts_of_checked_stories() {
    let server = loaded();
    // What the background checker does, done here and now: a test must not
    // wait on a timer.
    let checker = Engine::open_without_search(&server.db).unwrap();
    while checker.refresh_checks(16).unwrap() > 0 {}
    let (_, health) = server.get_json("/health");
    assert_eq!((health["checked"].as_u64(), health["unchecked"].as_u64()), (Some(3), Some(0)), "{health}");
    let conflicts: usize =
        checker.stories().unwrap().iter().map(|story| checker.story(story.id).unwrap().unwrap().conflicts.len()).sum();
    assert!(conflicts > 0);
    let (_, metrics) = server.get("/metrics");
    let conflicts = format!("dossier_conflicts {conflicts}");
    for line in [conflicts.as_str(), "dossier_stories_checked 3", "dossier_stories_unchecked 0"] {
        assert!(metrics.lines().any(|l| l == line), "{line} missing:\n{metrics}");
    }
    // A stored check is what a story page reads, and a new article makes it stale.
    let (_, list) = server.get_json("/api/stories?sort=sources&limit=1");
    let id = list["stories"][0]["id"].as_u64().unwrap();
    let (_, stored) = server.get_json(&format!("/api/stories/{id}"));
    let late = article(
        "ferry-late-follow-up",
        "harbour-gazette.example",
        "Brennick ferry struck pier in fog, harbour master says",
        "BRENNICK - The passenger ferry that struck Kittiwake Pier in thick fog on Tuesday carried 143 \
         passengers, harbour master Maria Lindqvist said. Twelve people were injured.",
        "2026-03-18",
    );
    let (status, answer) = server.post(&late);
    assert_eq!(status, 200, "{answer}");
    let (_, health) = server.get_json("/health");
    assert_eq!(health["unchecked"].as_u64(), Some(1), "{health}");
    let (_, grown) = server.get_json(&format!("/api/stories/{id}"));
    assert_eq!(grown["articles_total"].as_u64(), Some(4), "{grown}");
    assert_ne!(grown["facts"], stored["facts"], "the grown story is checked again, with its new article");
}

#[test]
fn issue_6_a_long_story_page_shows_its_articles_a_page_at_a_time() {
    let server = TestServer::start();
    let body: Vec<String> = (0..45)
        .map(|n| {
            article(
                &format!("berth-{n}"),
                &format!("outlet{n}.example"),
                "Harbour board votes to rebuild the old grain berth at Brennick",
                &format!(
                    "BRENNICK - The harbour board voted on Monday to rebuild the old grain berth, a project \
                     the board chair said would take two years. Report number {n} of the meeting."
                ),
                "2026-03-20",
            )
        })
        .collect();
    let (status, answer) = server.post(&body.join("\n"));
    assert_eq!((status, answer["stored"].as_u64()), (200, Some(45)), "{answer}");
    let (_, list) = server.get_json("/api/stories?limit=5");
    assert_eq!(list["total"], 1, "{list}");
    let id = list["stories"][0]["id"].as_u64().unwrap();
    let (status, first) = server.get(&format!("/stories/{id}"));
    assert_eq!(status, 200);
    assert!(first.contains("Articles 1–40 of 45"), "{first}");
    assert!(first.contains(&format!("href=\"/stories/{id}?page=2#sources\"")), "{first}");
    // Each article of the page is in the sources section, as a column or
    // folded under its original.
    let shown = |page: &str| -> std::collections::BTreeSet<String> {
        let sources = &page[page.find("id=\"sources-heading\"").unwrap()..];
        sources.split("href=\"/articles/").skip(1).map(|rest| rest.split('"').next().unwrap().to_owned()).collect()
    };
    assert_eq!(shown(&first).len(), 40);
    let (_, second) = server.get(&format!("/stories/{id}?page=2"));
    assert!(second.contains("Articles 41–45 of 45"), "{second}");
    assert_eq!(shown(&second).len(), 5);
    assert!(shown(&second).iter().all(|id| !shown(&first).contains(id)));
    assert!(second.contains("45 articles"), "the story's count, not the page's");
    // A page that is not a count, or past the last, is said to be one.
    for (page, status, words) in [
        ("abc", 400, "a whole number from 1"),
        ("0", 400, "a whole number from 1"),
        ("3", 404, "has 2 pages of articles"),
        ("230584300921369397", 404, "has 2 pages of articles"),
    ] {
        let (got, html) = server.get(&format!("/stories/{id}?page={page}"));
        assert_eq!(got, status, "page={page}: {html}");
        assert!(html.contains(words), "page={page}: {html}");
    }
}

#[test]
fn pages_past_the_end_empty_filters_and_bad_parameters_say_so_in_words() {
    let server = loaded();
    // Past the last story: the way back leads to a page with stories.
    let (status, html) = server.get("/?offset=200");
    assert_eq!(status, 200);
    assert!(html.contains("past the last story") && !html.contains("No stories yet"), "{html}");
    assert!(html.contains(r#"rel="prev" href="/?offset=0&"#), "{html}");
    let (_, html) = server.get("/?from=2031-01-01");
    assert!(html.contains("No story matches these filters"), "{html}");
    // The way back keeps the filters.
    let (_, html) = server.get("/?offset=200&source=northsea-wire.example");
    assert!(html.contains(r#"href="/?offset=0&amp;sort=newest&amp;source=northsea-wire.example&amp;"#), "{html}");
    let (status, html) = server.get("/?offset=-5");
    assert_eq!(status, 400);
    assert!(html.contains("the query parameter `offset` cannot be read") && !html.contains("deserialize"), "{html}");
    assert!(html.contains("expected a whole number, 0 or more") && !html.contains("invalid digit"), "{html}");
    let (status, body) = server.get_json("/api/stories?limit=-1");
    assert_eq!(status, 400);
    assert!(
        body["message"].as_str().unwrap().ends_with("`limit` cannot be read: expected a whole number, 0 or more"),
        "{body}"
    );
    let (status, body) = server.get_json("/api/stories?sort=bogus");
    assert_eq!(status, 400);
    assert!(body["message"].as_str().unwrap().contains("`sort`"), "{body}");
    let (_, html) = server.get("/search?q=ferry&offset=900");
    assert!(html.contains("past the last result"), "{html}");
}

#[test]
fn an_outlet_with_several_articles_is_listed_once_with_their_number() {
    let server = TestServer::start();
    let body = [
        article(
            "heron-a",
            "marsh.example",
            "Herons nest at Wexmoor",
            "Warden Ilse Brandt counted grey herons nesting at Wexmoor marsh on Monday, the trust said.",
            "2026-04-02",
        ),
        article(
            "heron-b",
            "marsh.example",
            "Wexmoor herons return in numbers",
            "Volunteers with binoculars lined the reed beds at dawn as Ilse Brandt, who runs the reserve, \
             logged every nest she could see from the hide beside the old pumping station at Wexmoor.",
            "2026-04-02",
        ),
        article(
            "heron-c",
            "birds.example",
            "Wexmoor heron count",
            "Grey herons are back at Wexmoor marsh. Ilse Brandt, the warden, counted the nests on Monday.",
            "2026-04-03",
        ),
    ]
    .join("\n");
    let (status, answer) = server.post(&body);
    assert_eq!((status, answer["stored"].as_u64()), (200, Some(3)), "{answer}");
    let story = answer["records"][0]["story"].as_u64().unwrap();
    assert!(answer["records"].as_array().unwrap().iter().all(|r| r["story"] == story && r["duplicate_of"].is_null()));
    let (status, html) = server.get(&format!("/stories/{story}"));
    assert_eq!(status, 200);
    let line =
        html.lines().find(|line| line.contains(r#"<span class="by">2 sources: "#)).unwrap_or_else(|| panic!("{html}"));
    assert_eq!(line.matches(">marsh.example</a>").count(), 1, "{line}");
    assert!(line.contains(">marsh.example</a> (2 articles)"), "{line}");
}
