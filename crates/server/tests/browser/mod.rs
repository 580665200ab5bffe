//! The web UI in a real browser: `ui.mjs` (playwright-core driving
//! Debian's chromium) against a live server with the seeds, our examples
//! and hostile articles.
//!
//! Needs `node`, `/usr/bin/chromium` and `npm install` in this folder
//! (`.ci/run` installs all three). Without them the test skips with a
//! message; under `CI=true` it fails instead.

use crate::{examples_body, TestServer, TOKEN};
use std::path::{Path, PathBuf};
use std::process::Command;

fn script_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// What is missing to run the browser tests, if anything.
fn missing() -> Option<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return Some(format!("{chromium} (apt-get install chromium)"));
    }
    if Command::new("node").arg("--version").output().map_or(true, |output| !output.status.success()) {
        return Some("node (apt-get install nodejs)".into());
    }
    if !script_dir().join("node_modules/playwright-core").is_dir() {
        return Some(format!("playwright-core (npm install --prefix {})", script_dir().display()));
    }
    None
}

#[test]
fn the_web_ui_in_chromium() {
    if let Some(what) = missing() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but the browser tests cannot run: no {what}");
        eprintln!("skipping the browser tests: no {what}; .ci/run installs it");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dossier.db");
    let seeds = dossier_testkit::shared("seeds");
    if let Some(seeds) = &seeds {
        // Ingested as `dossier ingest` reads them: plain-text files.
        let mut engine = dossier_engine::Engine::open(&db).unwrap();
        let inputs = vec![dossier_sources::Input::Path(seeds.clone())];
        let summary = engine.ingest(inputs, &dossier_engine::IngestOptions::default(), &mut |_| {}).unwrap();
        assert_eq!(summary.new, 2);
    }
    let server = TestServer::on(&db, |_| {});
    assert_eq!(server.post(&examples_body()).0, 200);
    // Kept after the run: the screenshot of the story page is here.
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&out).unwrap();
    let status = Command::new("node")
        .arg(script_dir().join("ui.mjs"))
        .current_dir(script_dir())
        .env("BASE_URL", &server.base)
        .env("TOKEN", TOKEN)
        .env("OUT_DIR", &out)
        .env("WITH_SEEDS", if seeds.is_some() { "1" } else { "0" })
        .status()
        .expect("node runs");
    assert!(status.success(), "the browser tests failed; see the output above and {}", out.display());
    if seeds.is_some() {
        assert!(out.join("story.png").is_file(), "the story page screenshot is kept in {}", out.display());
        eprintln!("story page screenshot: {}", out.join("story.png").display());
    }
}
