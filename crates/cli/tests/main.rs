//! The `dossier` binary as a user runs it: real processes, real SQLite
//! files, exit codes, and a SIGKILL in the middle of an ingest.

use dossier_testkit::shared;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn dossier(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command.arg("--db").arg(db).env_remove("DOSSIER_DB").env_remove("DOSSIER_LOG");
    command
}

fn run(command: &mut Command) -> (i32, String, String) {
    let Output { status, stdout, stderr } = command.output().unwrap();
    (status.code().unwrap_or(-1), String::from_utf8(stdout).unwrap(), String::from_utf8(stderr).unwrap())
}

fn summary_value(stdout: &str, key: &str) -> u64 {
    stdout
        .lines()
        .find_map(|line| line.strip_prefix(key).map(|rest| rest.split_whitespace().next().unwrap().parse().unwrap()))
        .unwrap_or_else(|| panic!("no {key:?} in summary:\n{stdout}"))
}

/// A store in a temporary folder with the example articles ingested.
fn examples_store() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let (code, _, stderr) = run(dossier(&db).arg("ingest").arg(dossier_testkit::examples()));
    assert_eq!(code, 0, "{stderr}");
    (dir, db)
}

#[test]
fn seeds_end_to_end() {
    let Some(seeds) = shared("seeds") else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");

    let (code, stdout, _) = run(dossier(&db).arg("ingest").arg(&seeds));
    assert_eq!(code, 0);
    assert_eq!(summary_value(&stdout, "new"), 2);
    assert_eq!(summary_value(&stdout, "stories opened"), 1);

    let (code, stdout, _) = run(dossier(&db).arg("stories"));
    assert_eq!(code, 0);
    let rows: Vec<&str> = stdout.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{stdout}");
    assert!(rows[0].contains("2024-08-12"), "{stdout}");

    let (code, stdout, _) = run(dossier(&db).args(["story", "1", "--json"]));
    assert_eq!(code, 0);
    let story: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(story["id"], 1);
    assert!(story["headline"].as_str().is_some_and(|h| !h.is_empty()));
    let articles = story["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    for field in ["id", "source", "title", "url", "published", "language", "duplicate_of"] {
        assert!(articles.iter().all(|a| a.get(field).is_some()), "missing {field}");
    }
    let seed = articles.iter().find(|a| a["id"] == "000_0a268e9d4ae5c4e2").unwrap();
    assert_eq!(seed["published"], "2024-08-12");
    // The name conflict, each spelling with the sentence its source writes
    // it in.
    let versions = story["conflicts"][0]["values"].as_array().unwrap();
    assert_eq!(versions.len(), 2);
    for version in versions {
        let value = version["value"].as_str().unwrap();
        let evidence = version["evidence"].as_array().unwrap();
        assert_eq!(evidence.len(), 1, "{version}");
        assert_eq!(evidence[0]["article"], version["sources"][0]);
        assert!(evidence[0]["sentence"].as_str().unwrap().contains(value), "{version}");
    }

    let (code, stdout, _) = run(dossier(&db).args(["story", "1"]));
    assert_eq!(code, 0);
    assert!(stdout.starts_with("Story 1: "), "{stdout}");
    assert!(stdout.contains("2 articles from 2 sources"), "{stdout}");
    let cited = stdout.lines().find(|l| l.trim_start().starts_with("000_0a268e9d4ae5c4e2: “"));
    assert!(cited.is_some_and(|l| l.contains("Simon Biles")), "{stdout}");
    // A corroborated fact with its sources and the sentence it came from.
    let lines: Vec<&str> = stdout.lines().collect();
    let cruise = lines.iter().position(|l| l.starts_with("  Tom Cruise ")).expect("Tom Cruise corroborated");
    assert!(lines[cruise + 1].contains("000_0a268e9d4ae5c4e2") && lines[cruise + 1].contains("004_bacb1b1643c1e2ea"));
    assert!(lines[cruise + 2].trim_start().starts_with('“') && lines[cruise + 2].contains("Tom Cruise"), "{stdout}");

    let (code, stdout, _) = run(dossier(&db).arg("export"));
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["story"] == 1 && l["duplicate_of"].is_null()));
}

#[test]
fn the_readme_example_runs_on_the_default_store() {
    let dir = tempfile::tempdir().unwrap();
    let examples = dossier_testkit::examples();
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command.current_dir(dir.path()).env_remove("DOSSIER_DB").arg("ingest").arg(&examples);
    let (code, stdout, stderr) = run(&mut command);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(summary_value(&stdout, "duplicates"), 1);
    assert!(dir.path().join("dossier.db").exists(), "the default store is ./dossier.db");

    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command.current_dir(dir.path()).env("DOSSIER_DB", "dossier.db").arg("stories");
    let (code, stdout, _) = run(&mut command);
    assert_eq!(code, 0);
    assert!(stdout.contains("Kittiwake") || stdout.contains("ferry") || stdout.contains("Ferry"), "{stdout}");
    // The ferry story counts its syndicated copy as one.
    let ferry = stdout.lines().find(|l| l.contains("Ferry hits Brennick")).unwrap_or_else(|| panic!("{stdout}"));
    let id = ferry.split_whitespace().next().unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command.current_dir(dir.path()).env("DOSSIER_DB", "dossier.db").args(["story", id]);
    let (code, stdout, _) = run(&mut command);
    assert_eq!(code, 0);
    assert!(stdout.lines().nth(1).is_some_and(|l| l.ends_with(", 1 of them a copy of another")), "{stdout}");
}

#[test]
fn exit_codes_are_the_documented_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();

    let (code, _, stderr) = run(dossier(&db).arg("ingest").arg(&empty));
    assert_eq!(code, 3, "nothing readable: {stderr}");
    // A folder or a file of another kind named as the store is said to be
    // no store.
    let junk = dir.path().join("notes.db");
    std::fs::write(&junk, "not a database, just notes").unwrap();
    for (store, reason) in [(&empty, "it is a folder"), (&junk, "the file is not an SQLite database")] {
        for command in [&["stories"][..], &["ingest", "-"]] {
            let (code, _, stderr) = run(dossier(store).args(command));
            assert_eq!(code, 1, "{stderr}");
            assert!(stderr.contains(&format!("is not a dossier store: {reason}")), "{stderr}");
        }
    }
    let (code, _, stderr) = run(dossier(&dir.path().join("absent.db")).arg("stories"));
    assert_eq!(code, 4, "{stderr}");
    assert!(stderr.contains("no store at"), "{stderr}");
    // Serving a store that is not there, with no token to post to it, is a
    // mistyped --db: said, and nothing is made.
    let (code, _, stderr) = run(dossier(&dir.path().join("absent.db")).env_remove("DOSSIER_TOKEN").args([
        "serve",
        "--addr",
        "127.0.0.1:0",
    ]));
    assert_eq!(code, 4, "{stderr}");
    assert!(stderr.contains("no store at") && stderr.contains("DOSSIER_TOKEN"), "{stderr}");
    assert!(!dir.path().join("absent.db").exists());
    // A config file that is not TOML, or names an unknown setting, is a
    // usage error that says which file, before anything is served.
    let config = dir.path().join("serve.toml");
    for text in ["addr = [unclosed", "adress = \"127.0.0.1:0\"\n"] {
        std::fs::write(&config, text).unwrap();
        let (code, _, stderr) = run(dossier(&db).arg("serve").arg("--config").arg(&config));
        assert_eq!(code, 2, "{text}: {stderr}");
        assert!(stderr.contains("serve.toml"), "{stderr}");
    }
    let (code, _, stderr) = run(dossier(&db).args(["story", "99"]));
    assert_eq!(code, 4, "{stderr}");
    let (code, _, _) = run(dossier(&db).args(["ingest", "--no-such-flag", "x"]));
    assert_eq!(code, 2);
    // A path that does not exist is a usage error, before anything is
    // read or created, even beside one that does.
    let fresh = dir.path().join("fresh.db");
    let typo = dir.path().join("artcles.jsonl");
    let (code, _, stderr) = run(dossier(&fresh).arg("ingest").arg(&empty).arg(&typo));
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no such file or folder") && stderr.contains("artcles.jsonl"), "{stderr}");
    assert!(!fresh.exists(), "no store is created for a run that reads nothing");
    let (code, _, stderr) = run(dossier(&fresh).arg("dedup").arg(&typo));
    assert_eq!(code, 2, "{stderr}");
    let (code, stdout, _) = run(dossier(&db).arg("--help"));
    assert_eq!(code, 0);
    assert!(stdout.contains("Exit codes:") && stdout.contains("3  nothing readable"), "{stdout}");
}

#[test]
fn standard_input_takes_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let mut child = dossier(&db)
        .args(["ingest", "--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\":\"s1\",\"title\":\"Ferry hits pier\",\"text\":\"A ferry hit the pier.\"}\nnot json\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    let summary: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(summary["new"], 1);
    assert_eq!(summary["skipped"]["malformed-json"], 1);
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("<stdin>:2"), "{stderr}");
}

/// Writes `count` distinct articles about a handful of invented events.
fn write_corpus(path: &Path, count: usize) {
    let places = ["Brennick", "Wexmoor", "Ostrey", "Harlow", "Dunmere", "Kittiwake", "Saltmarsh", "Tidewater"];
    let things = ["ferry", "council", "bridge", "festival", "storm", "election", "harbour", "stadium"];
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..count {
        let place = places[i % places.len()];
        let thing = things[(i / 7) % things.len()];
        let line = serde_json::json!({
            "id": format!("gen-{i}"),
            "source": format!("outlet{}.example", i % 13),
            "title": format!("{place} {thing} report number {i}"),
            "text": format!(
                "Officials in {place} said on Monday that the {thing} matter, item {i}, was under review. \
                 Residents gathered near the {thing} as {count} reports were filed. Figure {} was quoted.",
                i * 7
            ),
            "published": format!("2026-03-{:02}", 1 + i % 28),
        });
        writeln!(out, "{line}").unwrap();
    }
}

fn export_ids(db: &Path) -> Vec<String> {
    let (code, stdout, stderr) = run(dossier(db).arg("export"));
    assert_eq!(code, 0, "{stderr}");
    stdout
        .lines()
        .map(|line| serde_json::from_str::<serde_json::Value>(line).unwrap()["id"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_killed_ingest_reruns_to_exactly_once() {
    const ARTICLES: usize = 6_000;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let corpus = dir.path().join("corpus.jsonl");
    write_corpus(&corpus, ARTICLES);

    let mut child = dossier(&db)
        .args(["ingest", "--batch-size", "100"])
        .arg(&corpus)
        .env("DOSSIER_LOG", "dossier=info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut commits = 0;
    for line in BufReader::new(child.stderr.take().unwrap()).lines() {
        if line.unwrap().contains("batch committed") {
            commits += 1;
            if commits == 5 {
                break;
            }
        }
    }
    assert_eq!(commits, 5, "the ingest ended before it could be killed");
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    assert!(!status.success(), "the ingest was killed, not finished");

    let stored = export_ids(&db);
    assert!(stored.len() >= 500 && stored.len() < ARTICLES, "{} stored before the kill", stored.len());

    let (code, stdout, stderr) = run(dossier(&db).arg("ingest").arg(&corpus));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(summary_value(&stdout, "already stored") as usize, stored.len());
    assert_eq!(summary_value(&stdout, "new") as usize, ARTICLES - stored.len());

    let mut ids = export_ids(&db);
    assert_eq!(ids.len(), ARTICLES);
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), ARTICLES, "every article stored exactly once");
}

#[test]
fn a_folder_of_bad_input_stores_every_good_record_and_reports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let root = dir.path().join("inbox");
    std::fs::create_dir_all(root.join("nested")).unwrap();
    std::fs::write(root.join("empty.txt"), b"").unwrap();
    std::fs::write(root.join("image.bin"), [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF, 0]).unwrap();
    std::fs::write(
        root.join("wire.jsonl"),
        concat!(
            "{\"id\":\"w1\",\"title\":\"Pier reopens\",\"text\":\"The pier reopened on Friday.\"}\n",
            "{\"id\":\"w2\",\"title\": oops}\n",
            "{\"id\":\"w3\",\"title\":\"Budget passes\",\"text\":\"The council passed the budget.\"}\n",
            "[1, 2\n",
            "{\"id\":\"w5\",\"title\":\"Cup final tonight\",\"text\":\"The final starts at eight.\"}\n",
        ),
    )
    .unwrap();
    std::fs::write(root.join("nested/no-columns.csv"), "author,words\nA. Writer,12\n").unwrap();
    let mut big = std::io::BufWriter::new(std::fs::File::create(root.join("huge.txt")).unwrap());
    let block = "fog over the harbour ".repeat(50_000);
    while big.get_ref().metadata().unwrap().len() < 50 * 1024 * 1024 {
        big.write_all(block.as_bytes()).unwrap();
        big.flush().unwrap();
    }
    drop(big);
    std::os::unix::fs::symlink(root.join("missing-target.txt"), root.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink(&root, root.join("nested/loop")).unwrap();
    std::fs::write(root.join("nested/good.txt"), "Ferry timetable changes\n\nThe spring timetable starts in May.\n")
        .unwrap();

    let (code, stdout, stderr) = run(dossier(&db).arg("ingest").arg(&root));
    assert_eq!(code, 0, "skipped records are not a failure:\n{stderr}");
    assert_eq!(summary_value(&stdout, "new"), 4, "{stdout}\n{stderr}");
    for expected in [
        "empty.txt: ",
        "image.bin: ",
        "wire.jsonl:2: ",
        "wire.jsonl:4: ",
        "no-columns.csv: ",
        "huge.txt: ",
        "dangling.txt",
        "loop",
    ] {
        assert!(
            stderr.lines().any(|line| line.starts_with("skipped") && line.contains(expected)),
            "{expected}:\n{stderr}"
        );
    }
    assert_eq!(summary_value(&stdout, "skipped"), 8, "{stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let mut ids = export_ids(&db);
    ids.sort_unstable();
    assert_eq!(ids, ["nested/good", "w1", "w3", "w5"]);
}

#[test]
fn an_article_whose_date_is_not_read_is_stored_undated_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let file = dir.path().join("briefs.jsonl");
    std::fs::write(
        &file,
        "{\"id\": \"b1\", \"title\": \"Ferry\", \"text\": \"A ferry docked.\", \"published\": \"last Tuesday-ish\"}\n\
         {\"id\": \"b2\", \"title\": \"Tram\", \"text\": \"A tram left.\", \"published\": \"2024-08-12\"}\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(dossier(&db).arg("ingest").arg(&file));
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(summary_value(&stdout, "new"), 2);
    assert_eq!(summary_value(&stdout, "undated"), 1);
    assert!(stderr.contains("briefs.jsonl:1") && stderr.contains("\"last Tuesday-ish\""), "{stderr}");
    assert!(!stderr.contains("briefs.jsonl:2"), "{stderr}");
}

#[test]
fn stories_count_each_story_s_conflicts_once_checked() {
    let (_dir, db) = examples_store();
    let conflicts_of = |stdout: &str| -> Vec<String> {
        stdout.lines().skip(1).map(|line| line.split_whitespace().nth(3).unwrap().to_owned()).collect()
    };
    let (code, stdout, stderr) = run(dossier(&db).arg("stories"));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.lines().next().unwrap().contains("CONFLICTS"), "{stdout}");
    assert!(conflicts_of(&stdout).iter().all(|c| c == "-"), "nothing checked yet: {stdout}");
    assert!(stderr.contains("--check"), "{stderr}");
    let (code, stdout, stderr) = run(dossier(&db).args(["stories", "--check"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(conflicts_of(&stdout).iter().all(|c| c.parse::<u64>().is_ok()), "{stdout}");
    // The ferry story's planted discrepancies, as `story` shows them.
    let (_, listed, _) = run(dossier(&db).args(["stories", "--json"]));
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    for story in listed.as_array().unwrap() {
        let (_, shown, _) = run(dossier(&db).args(["story", &story["id"].to_string(), "--json"]));
        let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
        assert_eq!(story["conflicts"].as_u64(), Some(shown["conflicts"].as_array().unwrap().len() as u64));
    }
    assert!(listed.as_array().unwrap().iter().any(|s| s["conflicts"].as_u64() > Some(0)), "{listed}");
}

#[test]
fn eval_scores_the_store_and_prediction_files() {
    let (dir, db) = examples_store();
    let gold = dir.path().join("gold.tsv");
    std::fs::write(
        &gold,
        "id\tevent\n\
         ferry-pier-northsea-wire\tferry\n\
         ferry-pier-evening-post\tferry\n\
         ferry-pier-coastal-courier\tferry\n\
         valley-herald-ferry-collision\tferry\n\
         tidewater-times-ferry-inquiry\tferry\n\
         transit-budget-wexmoor-observer\ttransit\n\
         transit-budget-metro-ledger\ttransit\n\
         coastal-courier-wexmoor-transit\ttransit\n\
         cup-final-sportsline\tcup\n\
         cup-final-metro-ledger\tcup\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(dossier(&db).args(["eval", "--json", "--gold"]).arg(&gold));
    assert_eq!(code, 0, "{stderr}");
    let scores: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(scores["items"], 10);
    assert_eq!(scores["gold_clusters"], 3);
    assert_eq!(scores["pairwise"]["f1"], 1.0, "{stdout}");
    assert_eq!(scores["unlabelled"], 3, "the three CSV headlines have no gold label");

    // Another tool's output, with one line that is not a prediction.
    let predictions = dir.path().join("pred.jsonl");
    std::fs::write(
        &predictions,
        "{\"id\":\"ferry-pier-northsea-wire\",\"story\":\"a\"}\nnot json\n{\"id\":\"ferry-pier-evening-post\",\"story\":\"b\"}\n",
    )
    .unwrap();
    let (code, stdout, stderr) =
        run(dossier(&db).args(["eval", "--json", "--gold"]).arg(&gold).arg("--pred").arg(&predictions));
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("pred.jsonl:2"), "{stderr}");
    let scores: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(scores["unpredicted"], 8);
    assert_eq!(scores["pairwise"]["recall"], 0.0);
    assert_eq!(scores["predicted_clusters"], 10);
}

#[test]
fn articles_stored_without_a_date_are_counted_and_written_out_days_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let input = dir.path().join("dated.jsonl");
    let line = |id: &str, published: &str| {
        serde_json::json!({"id": id, "title": format!("Harbour notice {id}"), "text": format!("The harbour at Vellmar posts notice {id} for the crews."), "published": published})
            .to_string()
    };
    let lines = [line("a", "August 12, 2024"), line("b", "12/08/2024"), line("c", "2024-08-12")];
    std::fs::write(&input, lines.join("\n")).unwrap();
    let (code, stdout, stderr) = run(dossier(&db).args(["ingest", "--json"]).arg(&input));
    assert_eq!(code, 0, "{stderr}");
    let summary: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!((summary["new"].as_u64(), summary["undated"].as_u64()), (Some(3), Some(1)), "{summary}");
}

#[test]
fn files_read_again_under_other_paths_are_copies_that_add_no_source() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let examples = dossier_testkit::examples();
    let sources = |db: &Path| -> Vec<(u64, u64)> {
        let (code, stdout, stderr) = run(dossier(db).args(["stories", "--json"]));
        assert_eq!(code, 0, "{stderr}");
        let stories: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
        let mut counts: Vec<(u64, u64)> =
            stories.iter().map(|s| (s["id"].as_u64().unwrap(), s["sources"].as_u64().unwrap())).collect();
        counts.sort_unstable();
        counts
    };
    let (code, _, stderr) = run(dossier(&db).arg("ingest").arg(&examples));
    assert_eq!(code, 0, "{stderr}");
    let before = sources(&db);
    // The folder above: the text files get other ids ("news/..."), and are
    // word-for-word copies of themselves, of no outlet but their originals'.
    let (code, stdout, stderr) = run(dossier(&db).arg("ingest").arg(examples.parent().unwrap()));
    assert_eq!(code, 0, "{stderr}");
    assert!(summary_value(&stdout, "duplicates") > 0, "{stdout}");
    assert_eq!(sources(&db), before);
}

#[test]
fn a_fact_one_outlet_states_in_two_articles_is_listed_under_both_together() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let input = dir.path().join("flood.jsonl");
    let at = "2025-05-05T08:00:00Z";
    let lines = [
        serde_json::json!({"id": "o1a", "source": "one.example", "published": at, "title": "Flood forces hundreds from homes in Marrowby",
            "text": "Heavy rain flooded the town of Marrowby on Monday, forcing hundreds of residents from their homes, Mayor Petra Oakhurst said. Shelters opened at Marrowby Grammar School."}),
        serde_json::json!({"id": "o1b", "source": "one.example", "published": at, "title": "Marrowby flood: residents leave homes",
            "text": "Hundreds of residents left their homes when the river flooded the town of Marrowby on Monday, Mayor Petra Oakhurst said. Families slept at Marrowby Grammar School."}),
        serde_json::json!({"id": "o2", "source": "two.example", "published": at, "title": "Hundreds flee as Marrowby floods",
            "text": "Hundreds of people left their homes in the town of Marrowby on Monday after the river flooded, Mayor Petra Oakhurst said."}),
    ];
    std::fs::write(&input, lines.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")).unwrap();
    let (code, _, stderr) = run(dossier(&db).arg("ingest").arg(&input));
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = run(dossier(&db).args(["story", "1"]));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("3 articles from 2 sources"), "{stdout}");
    let school = stdout.lines().position(|l| l.trim_start().starts_with("Marrowby Grammar School")).unwrap();
    let heading = stdout.lines().take(school).filter(|l| l.starts_with("  in ")).last();
    // Named by outlet, with the ids where the outlet has several articles.
    assert_eq!(heading, Some("  in one.example (o1a, o1b):"), "{stdout}");
    let mayor = stdout.lines().position(|l| l.starts_with("  Petra Oakhurst ")).unwrap();
    let cited: Vec<&str> = stdout.lines().skip(mayor + 1).take(2).collect();
    assert_eq!(cited[0], "      one.example (o1a, o1b), two.example", "{stdout}");
    assert!(cited[1].ends_with("(one.example, o1a)"), "{stdout}");
}

#[test]
fn reindex_rebuilds_a_damaged_search_index() {
    let (dir, db) = examples_store();
    std::fs::write(dir.path().join("dossier.db.search").join("meta.json"), "not an index\n").unwrap();
    let (code, _, stderr) = run(dossier(&db).arg("ingest").arg(dossier_testkit::examples()));
    assert_eq!(code, 1);
    assert!(stderr.contains("run `dossier reindex` to rebuild it"), "{stderr}");
    let (code, stdout, stderr) = run(dossier(&db).arg("reindex"));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("indexed ") && !stdout.starts_with("indexed 0 "), "{stdout}");
    let (code, _, stderr) = run(dossier(&db).arg("ingest").arg(dossier_testkit::examples()));
    assert_eq!(code, 0, "{stderr}");
    // A segment's file gone: the same.
    let index = dir.path().join("dossier.db.search");
    for entry in std::fs::read_dir(&index).unwrap().filter_map(Result::ok) {
        if entry.path().extension().is_some_and(|e| e == "idx") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    let (code, _, stderr) = run(dossier(&db).arg("stories"));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(dossier(&db).arg("ingest").arg(dossier_testkit::examples()));
    assert_eq!(code, 1);
    assert!(stderr.contains("run `dossier reindex` to rebuild it"), "{stderr}");
    let (code, _, stderr) = run(dossier(&db).arg("reindex"));
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn eval_reads_gold_files_strictly_and_says_what_it_skipped() {
    let (dir, db) = examples_store();
    let gold = dir.path().join("gold.tsv");
    // A third column is no part of the event; an empty id, and an id
    // labelled again with another event, are skipped with their line.
    std::fs::write(
        &gold,
        "ferry-pier-northsea-wire\tferry\t2026-03-16\n\
         ferry-pier-evening-post\tferry\t2026-03-17\n\
         \tferry\n\
         ferry-pier-evening-post\tcup\n\
         ferry-pier-northsea-wire\tferry\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(dossier(&db).args(["eval", "--json", "--gold"]).arg(&gold));
    assert_eq!(code, 0, "{stderr}");
    let scores: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(scores["items"], 2, "{stdout}");
    assert_eq!(scores["gold_clusters"], 1, "{stdout}");
    assert_eq!(scores["pairwise"]["precision"], 1.0, "{stdout}");
    assert!(stderr.contains("gold.tsv:1: more than two columns"), "{stderr}");
    assert!(stderr.contains("gold.tsv:3: an empty id or event"), "{stderr}");
    assert!(stderr.contains("gold.tsv:4: ferry-pier-evening-post is labelled \"ferry\" on line 2"), "{stderr}");
    // A byte-order mark before the header is no part of it; an id
    // predicted twice is scored once, by its first line.
    std::fs::write(&gold, "\u{feff}id\tevent\nferry-pier-northsea-wire\tferry\nferry-pier-evening-post\tferry\n")
        .unwrap();
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(
        &pred,
        "\u{feff}{\"id\":\"ferry-pier-northsea-wire\",\"story\":1}\n\
         {\"id\":\"ferry-pier-evening-post\",\"story\":1}\n\
         {\"id\":\"ferry-pier-evening-post\",\"story\":2}\n",
    )
    .unwrap();
    let (code, stdout, stderr) =
        run(dossier(&db).args(["eval", "--json", "--gold"]).arg(&gold).arg("--pred").arg(&pred));
    assert_eq!(code, 0, "{stderr}");
    let scores: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!((scores["items"].as_u64(), scores["gold_clusters"].as_u64()), (Some(2), Some(1)), "{stdout}");
    assert_eq!(scores["pairwise"]["f1"], 1.0, "{stdout}");
    assert!(stderr.contains("pred.jsonl:3: ferry-pier-evening-post is predicted on line 2 already"), "{stderr}");
    // Gold ids that name nothing ingested score nothing: an error, not a
    // perfect precision.
    std::fs::write(&gold, "id\tevent\nnot-ingested-1\tA\nnot-ingested-2\tA\n").unwrap();
    let (code, stdout, stderr) = run(dossier(&db).args(["eval", "--gold"]).arg(&gold));
    assert_eq!(code, 3, "{stdout}");
    assert!(stderr.contains("none of the 2 gold ids has a story"), "{stderr}");
}

#[test]
fn output_that_cannot_be_written_fails_cleanly_and_a_reader_that_leaves_is_no_failure() {
    let (dir, db) = examples_store();
    let gold = dir.path().join("gold.tsv");
    std::fs::write(&gold, "id\tevent\nferry-pier-northsea-wire\tferry\nferry-pier-evening-post\tferry\n").unwrap();
    let commands: [&[&str]; 4] =
        [&["ingest", "--json", "EXAMPLES"], &["eval", "--gold", "GOLD"], &["stories", "--json"], &["reindex"]];
    let examples = dossier_testkit::examples();
    for args in commands {
        let args: Vec<&std::ffi::OsStr> = args
            .iter()
            .map(|a| match *a {
                "GOLD" => gold.as_os_str(),
                "EXAMPLES" => examples.as_os_str(),
                _ => std::ffi::OsStr::new(*a),
            })
            .collect();
        // A reader that closes its end before anything is written.
        let mut child = dossier(&db)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        // A full disk is a failure, said plainly.
        if Path::new("/dev/full").exists() {
            let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
            let output = dossier(&db).args(&args).stdin(Stdio::null()).stdout(full).output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(stderr.contains("No space left on device") && !stderr.contains("panicked"), "{args:?}: {stderr}");
        }
    }
}

/// `dossier dedup` with `args`; returns (exit code, stdout, stderr).
fn dedup(args: &[&str]) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command.arg("dedup").args(args).env_remove("DOSSIER_DEDUP_MEMORY").env_remove("DOSSIER_LOG");
    run(&mut command)
}

/// `{"id": cluster}` from `dedup` output lines.
fn clusters(stdout: &str) -> Vec<(String, String)> {
    stdout
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            (value["id"].as_str().unwrap().to_owned(), value["cluster"].as_str().unwrap().to_owned())
        })
        .collect()
}

/// A made-up text of `n` words, distinct for each `seed`.
fn made_up(seed: usize, n: usize) -> String {
    (0..n).map(|i| format!("w{seed}x{i}")).collect::<Vec<_>>().join(" ")
}

#[test]
fn issue_4_dedup_writes_one_cluster_line_per_document_and_follows_the_bad_input_rules() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let base = made_up(1, 300);
    let edited = base.replacen("w1x150", "changed", 1);
    let lines = [
        serde_json::json!({"id": "a", "text": base}).to_string(),
        serde_json::json!({"id": "b", "text": made_up(2, 300)}).to_string(),
        serde_json::json!({"id": "c", "text": edited}).to_string(),
        serde_json::json!({"id": "empty", "text": "... -- !!"}).to_string(),
        serde_json::json!({"id": "empty2", "text": "?"}).to_string(),
        serde_json::json!({"id": "short", "text": "Two words"}).to_string(),
        serde_json::json!({"id": "short2", "text": "two, WORDS"}).to_string(),
        serde_json::json!({"id": "a", "text": made_up(3, 50)}).to_string(),
        serde_json::json!({"text": base}).to_string(),
        "{\"id\": \"broken\", \"text\": ".to_owned(),
        serde_json::json!({"id": "junk", "text": "\u{1}\u{2}\u{7f}\u{fffd}\u{fffd}"}).to_string(),
        serde_json::json!({"id": "big", "text": "x".repeat(5_000)}).to_string(),
    ];
    std::fs::write(&input, lines.join("\n")).unwrap();
    let (code, stdout, stderr) = dedup(&[input.to_str().unwrap(), "--max-doc-bytes", "4000", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let got = clusters(&stdout);
    let content_id = &got[8].0;
    assert_eq!(content_id.len(), 16);
    let expected = [
        ("a", "a"),
        ("b", "b"),
        ("c", "a"),
        ("empty", "empty"),
        ("empty2", "empty2"),
        ("short", "short"),
        ("short2", "short"),
        ("a~2", "a~2"),
        (content_id.as_str(), "a"),
        ("junk", "junk"),
    ];
    let got: Vec<(&str, &str)> = got.iter().map(|(id, cluster)| (id.as_str(), cluster.as_str())).collect();
    assert_eq!(got, expected);
    let summary: serde_json::Value = serde_json::from_str(stderr.lines().last().unwrap()).unwrap();
    assert_eq!(summary["documents"], 10);
    assert_eq!(summary["groups"], 2);
    assert_eq!(summary["duplicates"], 3);
    assert_eq!(summary["empty"], 3);
    assert_eq!(summary["short"], 2);
    assert_eq!(summary["missing_ids"], 1);
    assert_eq!(summary["id_clashes"], 1);
    assert_eq!(summary["skipped"]["malformed-json"], 1);
    assert_eq!(summary["skipped"]["too-large"], 1);
    assert!(stderr.contains("corpus.jsonl:10"), "{stderr}");

    // --pairs: verified pairs with their similarity, first-arrived first.
    let (code, stdout, stderr) = dedup(&[input.to_str().unwrap(), "--pairs"]);
    assert_eq!(code, 0);
    let pairs: Vec<Vec<&str>> = stdout.lines().map(|line| line.split('\t').collect()).collect();
    assert_eq!(pairs.len(), 4, "{stdout}");
    assert!(stderr.contains("pairs             4"), "{stderr}");
    assert_eq!(pairs[0][..2], ["a", "c"]);
    assert_eq!(pairs[0][2], format!("{:.4}", 291.0 / 301.0));
    assert_eq!(pairs[3][..3], ["short", "short2", "1.0000"]);
}

#[test]
fn issue_4_dedup_on_disk_gives_the_same_output_as_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let mut lines = Vec::new();
    for i in 0..3_000 {
        let mut text = made_up(i % 700, 120);
        if i >= 700 {
            text = text.replacen(&format!("x{}", i % 100), "edit", 1);
        }
        lines.push(serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
    }
    std::fs::write(&input, lines.join("\n")).unwrap();
    let memory = dir.path().join("memory.jsonl");
    let disk = dir.path().join("disk.jsonl");
    let (code, _, stderr) = dedup(&[input.to_str().unwrap(), "-o", memory.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("mode              memory"), "{stderr}");
    let (code, _, stderr) = dedup(&[
        input.to_str().unwrap(),
        "-o",
        disk.to_str().unwrap(),
        "--memory-limit",
        "64K",
        "--temp-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("mode              disk ("), "{stderr}");
    let (memory, disk) = (std::fs::read_to_string(memory).unwrap(), std::fs::read_to_string(disk).unwrap());
    assert_eq!(memory.lines().count(), 3_000);
    assert_eq!(memory, disk);
    assert_eq!(clusters(&memory).iter().filter(|(id, cluster)| id != cluster).count(), 2_300);
    // The spill folder is gone.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(left.len(), 3, "{left:?}");
}

#[test]
fn issue_4_dedup_stays_within_its_memory_limit() {
    // About 50 MB of text under a 16 MiB budget: the peak the run reports
    // (the process's own high-water mark) stays within the budget and what
    // the same program holds on a corpus of ten documents (its code and
    // stacks, more in a debug build than in a release one).
    let dir = tempfile::tempdir().unwrap();
    let peak_on = |documents: usize| -> Option<u64> {
        let input = dir.path().join(format!("corpus-{documents}.jsonl"));
        let lines: Vec<String> = (0..documents)
            .map(|i| serde_json::json!({"id": format!("d{i}"), "text": made_up(i % 15_000, 300)}).to_string())
            .collect();
        std::fs::write(&input, lines.join("\n")).unwrap();
        let output = dir.path().join("clusters.jsonl");
        // Two sketching threads and two allocator arenas whatever the
        // machine: each thread holds its own scratch memory.
        let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
        command.env_remove("DOSSIER_DEDUP_MEMORY").env("RAYON_NUM_THREADS", "2").env("MALLOC_ARENA_MAX", "2");
        let (code, _, stderr) = run(command.arg("dedup").args([
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "--memory-limit",
            "16M",
            "--temp-dir",
            dir.path().to_str().unwrap(),
            "--json",
        ]));
        assert_eq!(code, 0, "{stderr}");
        let summary: serde_json::Value = serde_json::from_str(stderr.lines().last().unwrap()).unwrap();
        assert_eq!(summary["duplicates"], documents.saturating_sub(15_000), "{summary}");
        summary["peak_memory_bytes"].as_u64()
    };
    let (Some(base), Some(peak)) = (peak_on(10), peak_on(20_000)) else { return };
    let allowed = base + (16 << 20) + (4 << 20);
    assert!(peak <= allowed, "peak {} MiB: 16 MiB budget, {} MiB at ten documents", peak >> 20, base >> 20);
}

#[cfg(unix)]
#[test]
fn an_interrupted_dedup_leaves_no_spill_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let lines: Vec<String> =
        (0..20_000).map(|i| serde_json::json!({"id": format!("d{i}"), "text": made_up(i, 300)}).to_string()).collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let spill = dir.path().join("spill");
    std::fs::create_dir(&spill).unwrap();
    let clusters = dir.path().join("clusters.jsonl");
    std::fs::write(&clusters, "the last run's output\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args([
            "dedup",
            input.to_str().unwrap(),
            "-o",
            clusters.to_str().unwrap(),
            "--memory-limit",
            "1M",
            "--temp-dir",
        ])
        .arg(&spill)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the run to spill, then ask it to stop as a service manager
    // would.
    let spilled = || std::fs::read_dir(&spill).unwrap().next().is_some();
    while !spilled() {
        assert!(child.try_wait().unwrap().is_none(), "the run ended before it spilled");
        std::thread::yield_now();
    }
    let terminated = Command::new("kill").arg("-TERM").arg(child.id().to_string()).status().unwrap();
    assert!(terminated.success());
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    assert!(stderr.contains("interrupted: spill files removed"), "{stderr}");
    let left: Vec<_> = std::fs::read_dir(&spill).unwrap().filter_map(Result::ok).map(|e| e.path()).collect();
    assert!(left.is_empty(), "{left:?}");
    assert_eq!(std::fs::read_to_string(&clusters).unwrap(), "the last run's output\n");
}

#[cfg(unix)]
#[test]
fn dedup_replaces_its_output_file_whole_keeping_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let lines: Vec<String> =
        (0..50).map(|i| serde_json::json!({"id": format!("d{i}"), "text": made_up(i % 40, 60)}).to_string()).collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let output = dir.path().join("clusters.jsonl");
    std::fs::write(&output, "old\n").unwrap();
    std::fs::set_permissions(&output, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (code, _, stderr) = dedup(&[input.to_str().unwrap(), "-o", output.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&output).unwrap().lines().count(), 50);
    assert_eq!(std::fs::metadata(&output).unwrap().permissions().mode() & 0o777, 0o640);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
    // A new file gets the usual permissions, not a temporary file's.
    let fresh = dir.path().join("fresh.jsonl");
    let (code, _, stderr) = dedup(&[input.to_str().unwrap(), "-o", fresh.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777, 0o644);
}

#[test]
fn issue_4_dedup_refuses_bad_settings_and_empty_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("one.txt");
    std::fs::write(&input, "A short text of our own.").unwrap();
    let (code, _, stderr) = dedup(&[input.to_str().unwrap(), "--threshold", "1.5"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("threshold"), "{stderr}");
    let (code, _, stderr) = dedup(&[input.to_str().unwrap(), "--shingles", "line:3"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("word:N"), "{stderr}");
    let (code, _, stderr) = dedup(&[input.to_str().unwrap(), "--memory-limit", "lots"]);
    assert_eq!(code, 2, "{stderr}");
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let (code, _, _) = dedup(&[empty.to_str().unwrap()]);
    assert_eq!(code, 3);
    // Nothing read leaves the last run's output as it was.
    let kept = dir.path().join("kept.jsonl");
    std::fs::write(&kept, "the last run's output\n").unwrap();
    let (code, _, _) = dedup(&[empty.to_str().unwrap(), "-o", kept.to_str().unwrap()]);
    assert_eq!(code, 3);
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "the last run's output\n");
}

#[cfg(unix)]
#[test]
fn dedup_writes_through_a_linked_output_and_keeps_pair_lines_whole() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    let text = made_up(3, 60);
    let lines = [
        serde_json::json!({"id": "tab\there", "text": text}).to_string(),
        serde_json::json!({"id": "line\nbreak", "text": text}).to_string(),
    ];
    std::fs::write(&input, lines.join("\n")).unwrap();
    let target = dir.path().join("pairs.tsv");
    std::fs::write(&target, "old\n").unwrap();
    let link = dir.path().join("latest.tsv");
    std::os::unix::fs::symlink("pairs.tsv", &link).unwrap();
    // A chain of links leads to the same file.
    let chain = dir.path().join("current.tsv");
    std::os::unix::fs::symlink("latest.tsv", &chain).unwrap();
    let (code, _, stderr) = dedup(&[input.to_str().unwrap(), "--pairs", "-o", chain.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::symlink_metadata(&chain).unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "tab\\there\tline\\nbreak\t1.0000\n");
}

/// Every group of identical bodies in a shared data set lands in one cluster.
fn identical_bodies_are_grouped(articles: &Path) {
    let (code, stdout, stderr) = dedup(&[articles.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let cluster: std::collections::HashMap<String, String> = clusters(&stdout).into_iter().collect();
    let mut bodies: std::collections::HashMap<String, Vec<String>> = Default::default();
    for line in std::fs::read_to_string(articles).unwrap().lines() {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = value["text"].as_str().unwrap_or("");
        if text.chars().any(char::is_alphanumeric) {
            bodies.entry(text.to_owned()).or_default().push(value["id"].as_str().unwrap().to_owned());
        }
    }
    let groups: Vec<&Vec<String>> = bodies.values().filter(|ids| ids.len() > 1).collect();
    assert!(!groups.is_empty());
    for ids in groups {
        let first = &cluster[&ids[0]];
        assert!(ids.iter().all(|id| &cluster[id] == first), "{ids:?} are split");
    }
}

#[test]
fn issue_4_dedup_groups_every_set_of_identical_bodies_in_bbc_and_reuters() {
    let (Some(bbc), Some(reuters)) = (shared("data/bbc/articles.jsonl"), shared("data/reuters21578/articles.jsonl"))
    else {
        return;
    };
    identical_bodies_are_grouped(&bbc);
    identical_bodies_are_grouped(&reuters);
}
