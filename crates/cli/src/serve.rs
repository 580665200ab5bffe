//! `dossier serve` and `dossier reindex`.

use crate::{exit, Exit};
use anyhow::{Context, Result};
use dossier_engine::{Engine, EngineError};
use dossier_server::{Overrides, RawConfig, ServerConfig};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(clap::Args)]
pub struct Args {
    /// The address to listen on [default: 127.0.0.1:8080, or `addr` in the config file].
    #[arg(long)]
    addr: Option<String>,
    /// A TOML config file: addr, token, public_reads, max_body_bytes, readers.
    #[arg(long, env = "DOSSIER_CONFIG")]
    config: Option<PathBuf>,
}

pub fn run(db: &Path, args: Args) -> Result<u8> {
    // A config file that cannot be read or parsed is a usage error, as a
    // bad setting in it is.
    let file = match &args.config {
        Some(path) => {
            RawConfig::read(path).map_err(|error| Exit { code: exit::USAGE, message: format!("{error:#}") })?
        }
        None => RawConfig::default(),
    };
    let token = std::env::var("DOSSIER_TOKEN").ok();
    let config = ServerConfig::resolve(db.to_owned(), file, Overrides { addr: args.addr, token })
        .map_err(|error| Exit { code: exit::USAGE, message: error.to_string() })?;
    // Without a token nothing can be posted: a store that is not there
    // would be made only to be served empty (a mistyped --db).
    if config.token.is_none() && !db.exists() {
        let error = EngineError::NoStore { path: db.to_owned() };
        let message = format!("{error}; set DOSSIER_TOKEN to serve a new store that articles are posted to");
        return Err(Exit { code: exit::NOT_FOUND, message }.into());
    }
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("cannot start the runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("cannot listen on {}", config.addr))?;
        let local = listener.local_addr().context("cannot read the listening address")?;
        eprintln!(
            "dossier serving {} on http://{local}/ (writes {}, reads {})",
            db.display(),
            if config.token.is_some() { "need the token" } else { "disabled: set DOSSIER_TOKEN" },
            if config.public_reads { "open" } else { "need the token" },
        );
        dossier_server::serve(config, listener, shutdown()).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(exit::OK)
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = interrupt => {}, _ = terminate => {} }
}

pub fn reindex(db: &Path) -> Result<u8> {
    if !db.exists() {
        let error = EngineError::NoStore { path: db.to_owned() };
        return Err(Exit { code: exit::NOT_FOUND, message: error.to_string() }.into());
    }
    let mut engine = Engine::open_to_reindex(db)?;
    let indexed = engine.reindex()?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "indexed {indexed} articles")?;
    out.flush()?;
    Ok(exit::OK)
}
