//! dossier's HTTP side: the JSON API (with its OpenAPI document), the
//! server-rendered web UI, health and metrics, on one axum router over the
//! same [`dossier_engine::Engine`] the CLI uses.
//!
//! It never touches the store or the search index itself: every read and
//! write is an engine call. It decides nothing about articles or stories;
//! it parses requests, checks tokens, renders answers.
//!
//! ```no_run
//! # async fn run() -> Result<(), dossier_server::ServerError> {
//! use dossier_server::{serve, ServerConfig};
//! let config = ServerConfig::new("dossier.db".into(), "127.0.0.1:8080".parse().unwrap(), None);
//! let listener = tokio::net::TcpListener::bind(config.addr).await.unwrap();
//! serve(config, listener, std::future::pending()).await
//! # }
//! ```

mod api;
mod config;
mod error;
mod metrics;
mod openapi;
mod security;
mod state;
mod ui;

pub use config::{Overrides, RawConfig, ServerConfig, Token, DEFAULT_ADDR, DEFAULT_MAX_BODY_BYTES};
pub use error::{ApiError, ErrorBody, ErrorType, ServerError};
pub use security::CONTENT_SECURITY_POLICY;
pub use state::AppState;

use axum::middleware::{from_fn, from_fn_with_state};
use axum::routing::{get, post};
use axum::Router;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// How often the server brings its search index up to date with what
/// other processes (a `dossier ingest` beside it) stored.
const SEARCH_SYNC_EVERY: Duration = Duration::from_secs(2);
/// How long the background fact checker rests when no story needs a check.
const CHECKER_REST: Duration = Duration::from_secs(1);
/// Stories the background checker takes at a time.
const CHECKER_BATCH: u64 = 16;

/// The whole application: API, UI, health, metrics, with security headers
/// and latency tracking on every response, gzipped for clients that accept
/// it.
pub fn router(state: Arc<AppState>) -> Router {
    let reads = Router::new()
        .route("/api/stories", get(api::list_stories))
        .route("/api/stories/{id}", get(api::get_story))
        .route("/api/articles/{*id}", get(api::get_article))
        .route("/api/search", get(api::search))
        .route("/metrics", get(api::metrics))
        .route("/", get(ui::stories))
        .route("/search", get(ui::search))
        .route("/stories/{id}", get(ui::story))
        .route("/articles/{*id}", get(ui::article))
        .route_layer(from_fn_with_state(Arc::clone(&state), security::require_reader));
    let writes = Router::new()
        .route("/api/articles", post(api::post_articles))
        .route_layer(from_fn_with_state(Arc::clone(&state), security::require_writer));
    let open = Router::new()
        .route("/health", get(api::health))
        .route("/openapi.json", get(api::openapi))
        .route("/static/style.css", get(ui::stylesheet));
    let api_fallback = Router::new().fallback(api::not_found);
    Router::new()
        .merge(reads)
        .merge(writes)
        .merge(open)
        .nest("/api", api_fallback)
        .fallback(ui::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(from_fn_with_state(Arc::clone(&state), metrics::track))
        .layer(from_fn(security::headers))
        // A client that accepts gzip gets it: a big story's page and JSON
        // shrink several times over.
        .layer(tower_http::compression::CompressionLayer::new())
        .with_state(state)
}

/// Opens the store and serves on `listener` until `shutdown` completes.
pub async fn serve(
    config: ServerConfig,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let state = {
        let config = config.clone();
        tokio::task::spawn_blocking(move || AppState::open(config))
            .await
            .map_err(|error| ServerError::Serve(std::io::Error::other(error)))??
    };
    let state = Arc::new(state);
    let syncing = Arc::clone(&state);
    let sync = tokio::spawn(async move {
        let mut ticks = tokio::time::interval(SEARCH_SYNC_EVERY);
        loop {
            ticks.tick().await;
            if let Err(error) = syncing.write(|engine| Ok(engine.sync_search()?)).await {
                tracing::warn!(target: "dossier::serve", message = %error.message, "search index sync failed");
            }
        }
    });
    let (stop_checker, checker) = spawn_checker(&config.db);
    let app = router(state);
    let served = axum::serve(listener, app).with_graceful_shutdown(shutdown).await.map_err(ServerError::Serve);
    sync.abort();
    drop(stop_checker);
    if let Some(checker) = checker {
        // It stops after the story it is on; never block the runtime on it.
        tokio::task::spawn_blocking(move || checker.join()).await.ok();
    }
    served
}

/// The background fact checker: its own connection to the store, making
/// the fact checks of stories that have none or a stale one, the most
/// recently extended first, so story pages find them ready. It stops when
/// the returned sender is dropped.
fn spawn_checker(db: &std::path::Path) -> (std::sync::mpsc::Sender<()>, Option<std::thread::JoinHandle<()>>) {
    let (stop, stopped) = std::sync::mpsc::channel::<()>();
    let db = db.to_owned();
    let spawned = std::thread::Builder::new().name("dossier-checker".into()).spawn(move || {
        let engine = match dossier_engine::Engine::open_without_search(&db) {
            Ok(engine) => engine,
            Err(error) => {
                tracing::warn!(target: "dossier::serve", %error, "background fact checker not started");
                return;
            }
        };
        loop {
            let rest = match engine.refresh_checks(CHECKER_BATCH) {
                Ok(0) => CHECKER_REST,
                Ok(_) => Duration::ZERO,
                Err(error) => {
                    tracing::warn!(target: "dossier::serve", %error, "background fact check failed");
                    CHECKER_REST * 10
                }
            };
            match stopped.recv_timeout(rest) {
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                _ => return,
            }
        }
    });
    match spawned {
        Ok(handle) => (stop, Some(handle)),
        Err(error) => {
            tracing::warn!(target: "dossier::serve", %error, "background fact checker not started");
            (stop, None)
        }
    }
}
