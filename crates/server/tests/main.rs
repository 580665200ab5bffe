//! The server as a client sees it: a real server on a loopback port, a
//! real SQLite store in a temporary folder, requests over HTTP.

mod api;
mod browser;
mod concurrency;
mod security;

use dossier_server::{RawConfig, ServerConfig};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

pub const TOKEN: &str = "test-token-0123456789";

/// A server on 127.0.0.1:<free port>, stopped when dropped.
pub struct TestServer {
    pub base: String,
    pub db: PathBuf,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
    _dir: Option<tempfile::TempDir>,
}

impl TestServer {
    /// A server over a fresh store, writes guarded by [`TOKEN`].
    pub fn start() -> Self {
        Self::with(|_| {})
    }

    /// A fresh store with `configure` applied to the default config.
    pub fn with(configure: impl FnOnce(&mut ServerConfig)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("dossier.db");
        let mut server = Self::on(&db, configure);
        server._dir = Some(dir);
        server
    }

    /// A server over the store at `db`.
    pub fn on(db: &Path, configure: impl FnOnce(&mut ServerConfig)) -> Self {
        let file = RawConfig { token: Some(TOKEN.into()), readers: Some(4), ..RawConfig::default() };
        let overrides = dossier_server::Overrides { addr: Some("127.0.0.1:0".into()), ..Default::default() };
        let mut config = ServerConfig::resolve(db.to_owned(), file, overrides).unwrap();
        configure(&mut config);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (bound, address) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::bind(config.addr).await.unwrap();
                bound.send(listener.local_addr().unwrap()).unwrap();
                dossier_server::serve(config, listener, async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
            });
        });
        let address = address.recv().unwrap();
        let server = Self {
            base: format!("http://{address}"),
            db: db.to_owned(),
            stop: Some(stop),
            thread: Some(thread),
            _dir: None,
        };
        server.wait_until_up();
        server
    }

    fn wait_until_up(&self) {
        // The listener is bound before `serve` opens the store; poll until
        // the store answers (bounded by attempts, not by a clock).
        for _ in 0..500 {
            if let Ok(response) = ureq::get(&self.url("/health")).call() {
                if response.status() == 200 {
                    return;
                }
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the server did not come up");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// GET: (status, body).
    pub fn get(&self, path: &str) -> (u16, String) {
        answer(ureq::get(&self.url(path)).call())
    }

    pub fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let (status, body) = self.get(path);
        (status, serde_json::from_str(&body).unwrap_or_else(|_| panic!("not JSON from {path}: {body}")))
    }

    /// POST with the right token.
    pub fn post(&self, body: &str) -> (u16, serde_json::Value) {
        self.post_as(Some(TOKEN), body)
    }

    pub fn post_as(&self, token: Option<&str>, body: &str) -> (u16, serde_json::Value) {
        let mut request = ureq::post(&self.url("/api/articles")).set("content-type", "application/json");
        if let Some(token) = token {
            request = request.set("authorization", &format!("Bearer {token}"));
        }
        let (status, body) = answer(request.send_string(body));
        (status, serde_json::from_str(&body).unwrap_or_else(|_| panic!("not JSON: {body}")))
    }
}

pub fn answer(result: Result<ureq::Response, ureq::Error>) -> (u16, String) {
    match result {
        Ok(response) => (response.status(), response.into_string().unwrap()),
        Err(ureq::Error::Status(status, response)) => (status, response.into_string().unwrap()),
        Err(error) => panic!("request failed: {error}"),
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// One JSONL line of an article we made up.
pub fn article(id: &str, source: &str, title: &str, text: &str, published: &str) -> String {
    serde_json::json!({"id": id, "source": source, "title": title, "text": text, "published": published,
        "url": format!("https://{source}/{id}")})
    .to_string()
}

/// The example articles shipped in the repository, as one JSONL body.
pub fn examples_body() -> String {
    let wire = std::fs::read_to_string(dossier_testkit::examples().join("wire.jsonl")).unwrap();
    wire.lines().filter(|line| !line.trim().is_empty()).collect::<Vec<_>>().join("\n")
}
