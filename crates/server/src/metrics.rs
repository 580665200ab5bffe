//! Prometheus metrics (`GET /metrics`): what the store holds, what the API
//! ingested, and request latencies by route.
//!
//! The store's counts are read at scrape time, so they include what other
//! processes ingested. Conflicts are counted over the stories whose stored
//! fact check is up to date; `dossier_stories_unchecked` says how many are
//! still waiting for the background checker.

use crate::api::RecordStatus;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use dossier_engine::Counts;
use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue, LabelValueEncoder};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::Arc;
use std::time::Instant;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

/// What became of a posted record, labelled as the API's JSON names it:
/// `stored`, `already_stored`, `rejected`.
impl EncodeLabelValue for RecordStatus {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> Result<(), std::fmt::Error> {
        EncodeLabelValue::encode(&self.as_str(), encoder)
    }
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    outcome: RecordStatus,
}

fn latency_histogram() -> Histogram {
    // 0.25 ms to about 4 s.
    Histogram::new(exponential_buckets(0.000_25, 2.0, 15))
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Histogram, fn() -> Histogram>,
    posted: Family<OutcomeLabels, Counter>,
    articles: Gauge,
    stories: Gauge,
    duplicates: Gauge,
    indexed: Gauge,
    conflicts: Gauge,
    checked: Gauge,
    unchecked: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::default();
        let requests = Family::<RequestLabels, Histogram, fn() -> Histogram>::new_with_constructor(latency_histogram);
        registry.register(
            "dossier_http_request_duration_seconds",
            "Time to answer an HTTP request, by method, route and status",
            requests.clone(),
        );
        let posted = Family::<OutcomeLabels, Counter>::default();
        registry.register("dossier_api_records", "Records posted to the API, by outcome", posted.clone());
        let gauge = |registry: &mut Registry, name: &str, help: &str| {
            let gauge = Gauge::default();
            registry.register(name, help, gauge.clone());
            gauge
        };
        let articles = gauge(&mut registry, "dossier_articles", "Articles stored, copies included");
        let stories = gauge(&mut registry, "dossier_stories", "Stories");
        let duplicates = gauge(&mut registry, "dossier_duplicates", "Stored articles that are copies of another");
        let indexed = gauge(&mut registry, "dossier_search_indexed_articles", "Articles the search index holds");
        let conflicts = gauge(
            &mut registry,
            "dossier_conflicts",
            "Conflicts between sources in the stories with an up-to-date fact check",
        );
        let checked = gauge(&mut registry, "dossier_stories_checked", "Stories whose stored fact check is up to date");
        let unchecked = gauge(&mut registry, "dossier_stories_unchecked", "Stories waiting for their fact check");
        Self { registry, requests, posted, articles, stories, duplicates, indexed, conflicts, checked, unchecked }
    }
}

impl Metrics {
    pub fn record_posted(&self, outcome: RecordStatus, n: u64) {
        self.posted.get_or_create(&OutcomeLabels { outcome }).inc_by(n);
    }

    /// The text exposition format, with the store's counts as of now.
    pub fn render(&self, counts: Counts) -> String {
        self.articles.set(counts.articles as i64);
        self.stories.set(counts.stories as i64);
        self.duplicates.set(counts.duplicates as i64);
        self.indexed.set(counts.indexed.unwrap_or(0) as i64);
        self.conflicts.set(counts.conflicts as i64);
        self.checked.set(counts.checked as i64);
        self.unchecked.set(counts.unchecked as i64);
        let mut text = String::new();
        // Writing into a String cannot fail.
        let _ = prometheus_client::encoding::text::encode(&mut text, &self.registry);
        text
    }
}

/// Middleware: times every request under its route's pattern (never the
/// raw path, so ids do not multiply the series).
pub async fn track(State(state): State<Arc<crate::AppState>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let route = request.extensions().get::<MatchedPath>().map_or("unmatched", |path| path.as_str()).to_owned();
    let response = next.run(request).await;
    let labels = RequestLabels { method, route, status: response.status().as_u16() };
    state.metrics.requests.get_or_create(&labels).observe(started.elapsed().as_secs_f64());
    response
}
