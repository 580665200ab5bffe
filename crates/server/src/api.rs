//! The JSON API. Each handler is a thin layer over one engine call; the
//! shapes are the engine's wire types (the same as the CLI's `--json`), and
//! every failure is an [`ApiError`]. The `#[utoipa::path]` attributes are
//! the OpenAPI document (`GET /openapi.json`).

use crate::{ApiError, AppState, ErrorBody};
use axum::body::Body;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use dossier_engine::{
    ArticleDetail, IngestEvent, IngestOptions, SearchResults, StoryOrder, StoryPageView, StoryPart, StoryQuery,
    StoryView,
};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::{IntoParams, ToSchema};

pub type Shared = State<Arc<AppState>>;

/// The most stories or hits one page may hold.
pub const MAX_PAGE: u64 = 100;

/// How a story list is ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// The most recently published first.
    #[default]
    Newest,
    /// The most distinct outlets first.
    Sources,
}

/// Filters, order and paging of `GET /api/stories` (and the web UI's list).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StoriesParams {
    /// `newest` (default) or `sources`.
    pub sort: Option<Sort>,
    /// Stories published, at least in part, on or after this day
    /// (`YYYY-MM-DD`) or time (RFC 3339).
    pub from: Option<String>,
    /// Stories published, at least in part, on or before this day or time.
    pub to: Option<String>,
    /// Stories with an article from this outlet, e.g. `example.com`.
    pub source: Option<String>,
    /// Stories with an article that mentions this name (as a phrase).
    pub entity: Option<String>,
    /// Stories per page, 1 to 100 (default 20).
    pub limit: Option<u64>,
    /// Stories to skip (default 0).
    pub offset: Option<u64>,
}

/// `YYYY-MM-DD` (the whole day: its start, or with `end`, its last second)
/// or an RFC 3339 time, as Unix seconds.
fn parse_when(name: &'static str, value: &str, end: bool) -> Result<i64, ApiError> {
    let value = value.trim();
    if let Ok(day) = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        let time = if end { day.and_hms_opt(23, 59, 59) } else { day.and_hms_opt(0, 0, 0) };
        return Ok(time.map_or(0, |time| time.and_utc().timestamp()));
    }
    chrono::DateTime::parse_from_rfc3339(value).map(|time| time.timestamp()).map_err(|_| {
        ApiError::bad_request(
            "invalid_date",
            format!("{name}={value:?} is not a date: give a day like 2024-08-11 or an RFC 3339 time"),
        )
    })
}

impl StoriesParams {
    pub fn query(&self) -> Result<StoryQuery, ApiError> {
        let limit = self.limit.unwrap_or(20);
        if limit == 0 || limit > MAX_PAGE {
            return Err(ApiError::bad_request("invalid_limit", format!("limit must be 1 to {MAX_PAGE}")));
        }
        let nonempty =
            |value: &Option<String>| value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
        let published_from = nonempty(&self.from).map(|v| parse_when("from", &v, false)).transpose()?;
        let published_to = nonempty(&self.to).map(|v| parse_when("to", &v, true)).transpose()?;
        if let (Some(from), Some(to)) = (published_from, published_to) {
            if from > to {
                return Err(ApiError::bad_request("invalid_date", "`from` is later than `to`; no story could match"));
            }
        }
        Ok(StoryQuery {
            published_from,
            published_to,
            source: nonempty(&self.source),
            entity: nonempty(&self.entity),
            order: match self.sort.unwrap_or_default() {
                Sort::Newest => StoryOrder::Newest,
                Sort::Sources => StoryOrder::MostSources,
            },
            limit,
            offset: self.offset.unwrap_or(0),
        })
    }
}

/// The query parameters, or a 400 that names the parameter and what is
/// wrong with it in words ("offset: invalid digit found in string" is
/// serde's; the "Failed to deserialize query string" before it is not for
/// readers).
pub fn query_params<T>(params: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    params.map(|Query(params)| params).map_err(|rejection| {
        let text = rejection.body_text();
        let detail = text.split_once(": ").map_or(text.as_str(), |(_, detail)| detail);
        let message = match detail.split_once(": ") {
            Some((name, problem)) if !name.contains(' ') => {
                // The parser's words for a number that is not a count.
                let problem = match problem {
                    "invalid digit found in string" => "expected a whole number, 0 or more",
                    "number too large to fit in target type" => "the number is too large",
                    other => other,
                };
                format!("the query parameter `{name}` cannot be read: {problem}")
            }
            _ => format!("the query cannot be read: {detail}"),
        };
        ApiError::bad_request("invalid_query", message)
    })
}

/// A page of stories.
#[utoipa::path(get, path = "/api/stories", tag = "stories", params(StoriesParams),
    responses((status = 200, body = StoryPageView), (status = 400, body = ErrorBody)))]
pub async fn list_stories(
    State(state): Shared,
    params: Result<Query<StoriesParams>, QueryRejection>,
) -> Result<Json<StoryPageView>, ApiError> {
    let query = query_params(params)?.query()?;
    Ok(Json(state.read(move |engine| Ok(engine.story_page(&query)?)).await?))
}

pub fn story_id(id: Result<Path<String>, PathRejection>) -> Result<u64, ApiError> {
    let Path(id) = id.map_err(|rejection| ApiError::bad_request("invalid_path", rejection.body_text()))?;
    id.parse().map_err(|_| ApiError::not_found("story_not_found", format!("no story {id:?}: story ids are numbers")))
}

/// Most articles one story response carries.
pub const STORY_ARTICLES_MAX: u64 = 1_000;
const STORY_ARTICLES_DEFAULT: u64 = 100;

/// Which of a story's articles `GET /api/stories/{id}` carries.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StoryParams {
    /// Articles per response, 1 to 1000 (default 100); `articles_total` in
    /// the answer says how many the story has.
    pub articles_limit: Option<u64>,
    /// Articles to skip, in arrival order (default 0).
    pub articles_offset: Option<u64>,
}

/// One story: the same shape as `dossier story ID --json`, with every
/// fact, conflict and timeline step, and a page of its articles.
#[utoipa::path(get, path = "/api/stories/{id}", tag = "stories",
    params(("id" = u64, Path, description = "The story id"), StoryParams),
    responses((status = 200, body = StoryView), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_story(
    State(state): Shared,
    id: Result<Path<String>, PathRejection>,
    params: Result<Query<StoryParams>, QueryRejection>,
) -> Result<Json<StoryView>, ApiError> {
    let id = story_id(id)?;
    let params = query_params(params)?;
    let limit = params.articles_limit.unwrap_or(STORY_ARTICLES_DEFAULT);
    if !(1..=STORY_ARTICLES_MAX).contains(&limit) {
        return Err(ApiError::bad_request(
            "invalid_query",
            format!("articles_limit must be 1 to {STORY_ARTICLES_MAX}, not {limit}"),
        ));
    }
    let part =
        StoryPart { articles_offset: params.articles_offset.unwrap_or(0), articles_limit: Some(limit), digest: false };
    let story = state.read(move |engine| Ok(engine.story_part(id, part)?)).await?;
    let mut story = story.ok_or_else(|| ApiError::not_found("story_not_found", format!("no story {id}")))?;
    for article in &mut story.articles {
        article.origin = served_origin(&article.origin);
    }
    Ok(Json(story))
}

/// An article's origin as the server shows it: the file's name and the
/// line or record, not the folders of the machine that read it.
fn served_origin(origin: &str) -> String {
    if origin.starts_with(POSTED) {
        return origin.to_owned();
    }
    origin.rsplit(['/', '\\']).next().unwrap_or(origin).to_owned()
}

/// One article, with its story.
#[utoipa::path(get, path = "/api/articles/{id}", tag = "articles",
    params(("id" = String, Path, description = "The id the article is stored under; may contain `/`")),
    responses((status = 200, body = ArticleDetail), (status = 404, body = ErrorBody)))]
pub async fn get_article(
    State(state): Shared,
    id: Result<Path<String>, PathRejection>,
) -> Result<Json<ArticleDetail>, ApiError> {
    let Path(id) = id.map_err(|rejection| ApiError::bad_request("invalid_path", rejection.body_text()))?;
    let shown = id.clone();
    let mut article = state.read(move |engine| Ok(engine.article(&id)?)).await?;
    if let Some(detail) = &mut article {
        detail.article.origin = served_origin(&detail.article.origin);
    }
    article.map(Json).ok_or_else(|| ApiError::not_found("article_not_found", format!("no article {shown:?}")))
}

/// `GET /api/search` parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The query: words (all must occur), `"a phrase"`, `-excluded`,
    /// `title:word`.
    pub q: Option<String>,
    /// Articles per page, 1 to 100 (default 20).
    pub limit: Option<u64>,
    /// Articles to skip (default 0, at most 10,000: ranking deeper costs
    /// more than a query narrowed).
    pub offset: Option<u64>,
}

/// The most search hits a request may skip.
pub const MAX_SEARCH_OFFSET: u64 = 10_000;

impl SearchParams {
    pub fn checked(&self) -> Result<(String, usize, usize), ApiError> {
        let q = self.q.as_deref().map(str::trim).unwrap_or_default();
        if q.is_empty() {
            return Err(ApiError::bad_request("missing_query", "give a search query as ?q=…"));
        }
        if q.len() > 1_000 {
            return Err(ApiError::bad_request("query_too_long", "a search query may be at most 1,000 bytes"));
        }
        let limit = self.limit.unwrap_or(20);
        if limit == 0 || limit > MAX_PAGE {
            return Err(ApiError::bad_request("invalid_limit", format!("limit must be 1 to {MAX_PAGE}")));
        }
        let offset = self.offset.unwrap_or(0);
        if offset > MAX_SEARCH_OFFSET {
            return Err(ApiError::bad_request(
                "invalid_offset",
                format!("offset may be at most {MAX_SEARCH_OFFSET}; narrow the query to reach later hits"),
            ));
        }
        Ok((q.to_owned(), limit as usize, offset as usize))
    }
}

/// Articles and stories matching a query, with highlighted snippets.
#[utoipa::path(get, path = "/api/search", tag = "search", params(SearchParams),
    responses((status = 200, body = SearchResults), (status = 400, body = ErrorBody)))]
pub async fn search(
    State(state): Shared,
    params: Result<Query<SearchParams>, QueryRejection>,
) -> Result<Json<SearchResults>, ApiError> {
    let (q, limit, offset) = query_params(params)?.checked()?;
    Ok(Json(state.read(move |engine| Ok(engine.search(&q, limit, offset)?)).await?))
}

/// One posted article. Other names the file readers accept fill the same
/// fields (`headline`, `body`, `link`, `domain`, `date` and more; see the
/// README), and every other field is kept as the article's metadata. A
/// text or a title is needed.
#[derive(Debug, Deserialize, ToSchema)]
#[allow(dead_code)] // Read by the file readers as JSON, not through this type: it only documents the body.
pub struct ArticleInput {
    /// The article's id; made from its content when absent.
    id: Option<String>,
    title: Option<String>,
    text: Option<String>,
    url: Option<String>,
    /// The outlet, a domain or a name (`metro-ledger.example`).
    source: Option<String>,
    /// `YYYY-MM-DD`, RFC 3339, RFC 2822 or epoch seconds.
    published: Option<String>,
}

/// What happened to one posted record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecordStatus {
    Stored,
    AlreadyStored,
    Rejected,
}

impl RecordStatus {
    /// The name the JSON gives it (also the metrics' label).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stored => "stored",
            Self::AlreadyStored => "already_stored",
            Self::Rejected => "rejected",
        }
    }
}

/// One posted record's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct RecordOutcome {
    /// 1-based: the line (JSON Lines) or element (JSON array).
    pub record: u64,
    pub status: RecordStatus,
    /// The id it is stored under (`stored`, `already_stored`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<u64>,
    /// The original it copies (`stored`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// Why it was rejected: a stable key such as `invalid-json`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What went wrong (`rejected`), or, for a record `stored` under
    /// another id than its own, that its id was another article's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The answer to `POST /api/articles`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct PostResponse {
    pub stored: u64,
    pub already_stored: u64,
    pub rejected: u64,
    /// Duplicates among the stored (copies of an earlier article).
    pub duplicates: u64,
    pub records: Vec<RecordOutcome>,
}

/// Where a posted article came from, as its stored origin says.
const POSTED: &str = "POST /api/articles";

/// The record number in an origin the engine reports for a request body
/// (`POST /api/articles:3` for a line of JSONL, `POST /api/articles (record
/// 3)` for an element of an array, or `POST /api/articles` for a body that
/// is one article).
/// Counts posted records by outcome (every outcome, so that each series
/// exists from the first post on).
fn count_posted<'a>(metrics: &crate::metrics::Metrics, outcomes: impl IntoIterator<Item = &'a RecordOutcome>) {
    let statuses: Vec<RecordStatus> = outcomes.into_iter().map(|outcome| outcome.status).collect();
    for status in [RecordStatus::Stored, RecordStatus::AlreadyStored, RecordStatus::Rejected] {
        metrics.record_posted(status, statuses.iter().filter(|&&s| s == status).count() as u64);
    }
}

fn record_number(origin: &str) -> u64 {
    let element = origin.strip_suffix(')').and_then(|o| o.rsplit_once(" (record ")).map(|(_, n)| n);
    let line = || origin.rsplit_once(':').map(|(_, n)| n);
    element.or_else(line).and_then(|n| n.parse().ok()).unwrap_or(1)
}

fn too_large(limit: usize) -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        format!("the body is larger than {limit} bytes: post fewer articles at a time"),
    )
}

async fn read_body(body: Body, limit: usize) -> Result<axum::body::Bytes, ApiError> {
    axum::body::to_bytes(body, limit).await.map_err(|error| {
        let too_large =
            std::error::Error::source(&error).is_some_and(|source| source.is::<http_body_util::LengthLimitError>());
        if too_large {
            self::too_large(limit)
        } else {
            ApiError::bad_request("unreadable_body", format!("cannot read the body: {error}"))
        }
    })
}

/// Stores articles: one JSON object, a JSON array, or JSON Lines, with the
/// same rules as `dossier ingest`. Needs the bearer token. Answers 200 when
/// any record was stored or already stored, and 422, with the same answer
/// per record, when every record was rejected, so that a client that
/// checks only the status still sees that nothing went in.
#[utoipa::path(post, path = "/api/articles", tag = "articles",
    request_body(description = "One article as a JSON object, a JSON array of them, or JSON Lines (one object a line)",
        content((ArticleInput = "application/json"), (String = "application/x-ndjson"))),
    responses((status = 200, body = PostResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 413, body = ErrorBody),
        (status = 422, description = "Every record was rejected; each says why", body = PostResponse)),
    security(("token" = [])))]
pub async fn post_articles(
    State(state): Shared,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<PostResponse>), ApiError> {
    let limit = state.config.max_body_bytes;
    if let Some(length) = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok()) {
        if length > limit {
            return Err(too_large(limit));
        }
    }
    let mut bytes = read_body(body, state.config.max_body_bytes).await?;
    // A byte-order mark is no part of the JSON (ingest reads such files too).
    if bytes.starts_with("\u{feff}".as_bytes()) {
        bytes = bytes.slice(3..);
    }
    match bytes.iter().find(|byte| !byte.is_ascii_whitespace()) {
        Some(b'{') | Some(b'[') => {}
        _ => {
            return Err(ApiError::bad_request(
                "invalid_body",
                "post one article as a JSON object, a JSON array of articles, or JSON Lines",
            ))
        }
    }
    // Counted as they are stored, inside the write: a client that hangs
    // up does not stop the write, and must not stop its count.
    let counted = Arc::clone(&state);
    let response = state
        .write(move |engine| {
            let options = IngestOptions::default();
            let records = dossier_sources::read_stream_named(std::io::Cursor::new(bytes), POSTED, options.read);
            let mut outcomes = Vec::new();
            // A record whose id another article holds is stored under a new
            // one, or one whose date is not read is stored undated; its
            // answer says so.
            let mut note: Option<String> = None;
            let mut counted_up_to = 0;
            let ingested = engine.ingest_records(records, &options, &mut |event| match event {
                IngestEvent::IdClash { id, stored_as, .. } => {
                    note = Some(format!("the id {id:?} is another article's; stored as {stored_as:?}"));
                }
                IngestEvent::UnreadDate { field, value, .. } => {
                    let undated = format!("`{field}` {value:?} is no date dossier reads; stored without one");
                    note = Some(match note.take() {
                        Some(earlier) => format!("{earlier}; {undated}"),
                        None => undated,
                    });
                }
                IngestEvent::Stored { origin, id, story, duplicate_of } => outcomes.push(RecordOutcome {
                    record: record_number(&origin),
                    status: RecordStatus::Stored,
                    id: Some(id.to_owned()),
                    story: Some(story),
                    duplicate_of: duplicate_of.map(str::to_owned),
                    reason: None,
                    message: note.take(),
                }),
                IngestEvent::AlreadyStored { origin, id } => outcomes.push(RecordOutcome {
                    record: record_number(&origin),
                    status: RecordStatus::AlreadyStored,
                    id: Some(id.to_owned()),
                    story: None,
                    duplicate_of: None,
                    reason: None,
                    message: None,
                }),
                IngestEvent::Skipped { origin, reason, message } => outcomes.push(RecordOutcome {
                    record: record_number(&origin),
                    status: RecordStatus::Rejected,
                    id: None,
                    story: None,
                    duplicate_of: None,
                    reason: Some(reason.to_owned()),
                    message: Some(message.replace(POSTED, "body")),
                }),
                // The records of each committed batch are counted as it
                // commits: a failure later leaves them counted.
                IngestEvent::Committed { .. } => {
                    count_posted(&counted.metrics, &outcomes[counted_up_to..]);
                    counted_up_to = outcomes.len();
                }
            });
            // Rejected records are none of a batch; whatever a failure left
            // uncommitted is not counted.
            let rest = &outcomes[counted_up_to..];
            let uncommitted = ingested.is_err();
            count_posted(&counted.metrics, rest.iter().filter(|o| !uncommitted || o.status == RecordStatus::Rejected));
            ingested?;
            Ok(outcomes)
        })
        .await?;
    let count = |status| response.iter().filter(|outcome| outcome.status == status).count() as u64;
    let (stored, already_stored, rejected) =
        (count(RecordStatus::Stored), count(RecordStatus::AlreadyStored), count(RecordStatus::Rejected));
    let duplicates = response.iter().filter(|outcome| outcome.duplicate_of.is_some()).count() as u64;
    let status =
        if rejected > 0 && stored + already_stored == 0 { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, Json(PostResponse { stored, already_stored, rejected, duplicates, records: response })))
}

/// The server's health and what the store holds.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: &'static str,
    pub articles: u64,
    pub stories: u64,
    /// Articles the search index holds.
    pub indexed: u64,
    /// Stories whose stored fact check is up to date, and those waiting for
    /// the background checker.
    pub checked: u64,
    pub unchecked: u64,
}

/// Whether the server can read its store.
#[utoipa::path(get, path = "/health", tag = "operations", responses((status = 200, body = Health), (status = 500, body = ErrorBody)))]
pub async fn health(State(state): Shared) -> Result<Json<Health>, ApiError> {
    let counts = state.read(|engine| Ok(engine.counts()?)).await?;
    Ok(Json(Health {
        status: "ok",
        articles: counts.articles,
        stories: counts.stories,
        indexed: counts.indexed.unwrap_or(0),
        checked: counts.checked,
        unchecked: counts.unchecked,
    }))
}

/// Prometheus metrics in the text format.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, description = "Prometheus text exposition format", content_type = "text/plain", body = String)))]
pub async fn metrics(State(state): Shared) -> Result<Response, ApiError> {
    let counts = state.read(|engine| Ok(engine.counts()?)).await?;
    let text = state.metrics.render(counts);
    Ok(([(header::CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8")], text).into_response())
}

/// The OpenAPI document of this API.
pub async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(crate::openapi::document())
}

/// JSON 404 for unknown `/api/` paths.
pub async fn not_found() -> ApiError {
    ApiError::not_found("route_not_found", "no such endpoint: see /openapi.json")
}

/// JSON 405 for a known path with another method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "this endpoint does not take that method: see /openapi.json",
    )
}
