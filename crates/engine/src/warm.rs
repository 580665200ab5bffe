//! The clusterer kept warm between ingests of one long-lived engine (the
//! server's), so that posting one article does not replay the whole store.
//!
//! It is reused only while nobody else has written to the store since this
//! engine's last ingest committed (SQLite's `data_version` is unchanged) and
//! the cluster settings are the same; otherwise the store is replayed as
//! before. An ingest that fails drops it, since it may hold assignments of
//! articles that were rolled back.

use crate::{Engine, EngineError};
use dossier_cluster::{ClusterConfig, StreamClusterer};

pub(crate) struct WarmClusterer {
    clusterer: StreamClusterer,
    config: ClusterConfig,
    data_version: i64,
}

impl Engine {
    /// The clusterer for the next ingest: the warm one if still valid, else
    /// a replay of the stored originals.
    pub(crate) fn clusterer(&mut self, config: &ClusterConfig) -> Result<StreamClusterer, EngineError> {
        if let Some(warm) = self.warm.take() {
            if warm.config == *config && warm.data_version == self.store.data_version()? {
                return Ok(warm.clusterer);
            }
        }
        self.replay(config)
    }

    /// Keeps the clusterer of an ingest that committed everything.
    pub(crate) fn keep_warm(&mut self, clusterer: StreamClusterer, config: &ClusterConfig) -> Result<(), EngineError> {
        let data_version = self.store.data_version()?;
        self.warm = Some(WarmClusterer { clusterer, config: config.clone(), data_version });
        Ok(())
    }
}
