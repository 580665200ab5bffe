//! What every request shares: the writing engine, a pool of reading
//! engines, the templates and the metrics.
//!
//! SQLite work is blocking, so it runs on tokio's blocking threads. Reads
//! take one of `readers` read-only engines (each its own connection to the
//! store, all sharing one search index); writes take the single writing
//! engine, one at a time, which is what keeps concurrent posts from storing
//! an article twice.

use crate::metrics::Metrics;
use crate::{ApiError, ServerConfig, ServerError};
use dossier_engine::Engine;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

pub struct AppState {
    pub config: ServerConfig,
    writer: Arc<Mutex<Engine>>,
    readers: Arc<Mutex<Vec<Engine>>>,
    permits: Semaphore,
    pub metrics: Metrics,
    pub templates: minijinja::Environment<'static>,
}

fn locked<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // An engine whose holder panicked is still consistent: every write is
    // a transaction that rolled back.
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    /// Opens the store (creating it if needed) and its search index.
    pub fn open(config: ServerConfig) -> Result<Self, ServerError> {
        let writer = Engine::open(&config.db)?;
        let readers = (0..config.readers).map(|_| writer.reader()).collect::<Result<Vec<_>, _>>()?;
        Ok(Self {
            permits: Semaphore::new(readers.len()),
            readers: Arc::new(Mutex::new(readers)),
            writer: Arc::new(Mutex::new(writer)),
            metrics: Metrics::default(),
            templates: crate::ui::templates(),
            config,
        })
    }

    /// Runs `work` with a reading engine, on a blocking thread.
    pub async fn read<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Engine) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit = self.permits.acquire().await.map_err(|error| ApiError::internal(&error))?;
        let readers = Arc::clone(&self.readers);
        let joined = tokio::task::spawn_blocking(move || {
            let engine = locked(&readers).pop().expect("a permit guarantees a free reader");
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&engine)));
            locked(&readers).push(engine);
            result
        })
        .await;
        match joined {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(ApiError::new(
                axum::http::StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "the request failed unexpectedly; the error was logged",
            )),
            Err(error) => Err(ApiError::internal(&error)),
        }
    }

    /// Runs `work` with the writing engine, on a blocking thread, one
    /// writer at a time.
    pub async fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Engine) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let writer = Arc::clone(&self.writer);
        tokio::task::spawn_blocking(move || work(&mut locked(&writer)))
            .await
            .map_err(|error| ApiError::internal(&error))?
    }
}
