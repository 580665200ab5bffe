//! The web UI: server-rendered HTML pages that work without JavaScript
//! (there is none: the Content-Security-Policy forbids it).
//!
//! Templates (`templates/`) are minijinja with HTML auto-escaping on, so
//! every article field is escaped wherever it lands. Stories are handed to
//! the templates as the JSON value of the engine's `StoryView`: sections for
//! fields the engine adds later (facts, conflicts, timeline) render as soon
//! as the view carries them, without a change here.

use crate::api::{story_id, SearchParams, Shared, StoriesParams};
use crate::security::safe_link;
use crate::ApiError;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use chrono::{Datelike, Timelike};
use dossier_engine::{ArticleView, SearchResults, SnippetPart, StoryPart, StoryView};
use minijinja::{context, Environment, Value};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;

pub const STYLESHEET: &str = include_str!("../templates/style.css");

pub fn templates() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    for (name, source) in [
        ("base.html", include_str!("../templates/base.html")),
        ("stories.html", include_str!("../templates/stories.html")),
        ("story.html", include_str!("../templates/story.html")),
        ("article.html", include_str!("../templates/article.html")),
        ("search.html", include_str!("../templates/search.html")),
        ("error.html", include_str!("../templates/error.html")),
    ] {
        env.add_template(name, source).expect("the templates are valid");
    }
    env.add_filter("human_date", |value: Option<String>| value.as_deref().map(human_date).unwrap_or_default());
    env.add_filter("safe_link", |value: Option<String>| value.as_deref().and_then(safe_link).map(str::to_owned));
    env.add_filter("lang", |value: Option<String>| value.as_deref().and_then(bcp47).map(str::to_owned));
    env.add_filter("paragraphs", |text: String| paragraphs(&text));
    env.add_filter("plural", |n: u64, one: String, many: String| if n == 1 { one } else { many });
    env.add_function("span", |first: Option<String>, last: Option<String>| span(first.as_deref(), last.as_deref()));
    env.add_function("by_outlet", |ids: Vec<String>, outlets: Value| {
        let outlet_of = |id: &str| {
            let outlet = outlets.get_item(&Value::from(id)).ok().filter(|v| !v.is_undefined() && !v.is_none());
            outlet.map_or_else(|| id.to_owned(), |v| v.to_string())
        };
        dossier_engine::by_outlet(&ids, outlet_of)
            .into_iter()
            .map(|(outlet, articles)| context! { outlet, article => articles[0], count => articles.len() })
            .collect::<Vec<_>>()
    });
    env
}

/// `2024-08-11` → `Sunday 11 August 2024`; a time gets its hour in UTC.
pub fn human_date(value: &str) -> String {
    if let Ok(day) = value.parse::<chrono::NaiveDate>() {
        return day_in_words(day);
    }
    if let Ok(time) = chrono::DateTime::parse_from_rfc3339(value) {
        let time = time.to_utc();
        return format!("{}, {:02}:{:02} UTC", day_in_words(time.date_naive()), time.hour(), time.minute());
    }
    value.to_owned()
}

/// `Sunday 11 August 2024`, written out directly: every search result and
/// story page shows many dates, and a strftime pattern is parsed anew each
/// time it is used.
fn day_in_words(day: chrono::NaiveDate) -> String {
    const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let weekday = WEEKDAYS[day.weekday().num_days_from_monday() as usize];
    format!("{weekday} {} {} {}", day.day(), MONTHS[day.month0() as usize], day.year())
}

/// The search page's context, its display strings made here rather than by
/// template filters: a results page shows twenty hits, and building each
/// one's map directly costs a fraction of converting the engine's results
/// and calling a filter per field.
fn search_page(results: &SearchResults, title: String, next: Option<u64>, previous: Option<u64>) -> Value {
    let articles: Vec<Value> = results
        .articles
        .iter()
        .map(|hit| {
            let title = if hit.title_parts.is_empty() {
                Value::from(hit.title.as_deref().unwrap_or("Untitled"))
            } else {
                marked_parts(&hit.title_parts)
            };
            context! {
                path_id => encode(&hit.id),
                title,
                source => hit.source.as_deref().unwrap_or("Unknown outlet"),
                published => hit.published,
                published_words => hit.published.as_deref().map(human_date),
                story => hit.story,
                snippet => marked_parts(&hit.snippet),
            }
        })
        .collect();
    let stories: Vec<Value> = results
        .stories
        .iter()
        .map(|hit| {
            let story = &hit.story;
            context! {
                id => story.id,
                headline => if story.headline.is_empty() { "Untitled story" } else { &story.headline },
                span => span(story.first_published.as_deref(), story.last_published.as_deref()),
                sources => format!("{} {}", story.sources, if story.sources == 1 { "source" } else { "sources" }),
            }
        })
        .collect();
    context! {
        title,
        query => results.query,
        results => context! {
            query => results.query,
            total => results.total,
            offset => results.offset,
            articles,
            stories,
        },
        query_param => encode(&results.query),
        next,
        previous,
    }
}

/// A path segment or query value, percent-encoded as the templates'
/// `urlencode` filter writes it, so every page links an article alike.
fn encode(value: &str) -> String {
    minijinja::filters::urlencode(&Value::from(value)).unwrap_or_default()
}

/// Snippet parts as HTML: every text escaped, the marked ones in `<mark>`.
fn marked_parts(parts: &[SnippetPart]) -> Value {
    let mut html = String::with_capacity(parts.iter().map(|part| part.text.len() + 16).sum());
    for part in parts {
        if part.mark {
            let _ = write!(html, "<mark>{}</mark>", minijinja::HtmlEscape(&part.text));
        } else {
            let _ = write!(html, "{}", minijinja::HtmlEscape(&part.text));
        }
    }
    Value::from_safe_string(html)
}

/// A story's time span in words: one day, or from one day to another.
fn span(first: Option<&str>, last: Option<&str>) -> String {
    let day = |value: &str| value.get(..10).unwrap_or(value).to_owned();
    match (first, last) {
        (Some(first), Some(last)) if day(first) != day(last) => {
            format!("{} to {}", human_date(&day(first)), human_date(&day(last)))
        }
        (Some(first), _) => human_date(&day(first)),
        _ => "Undated".to_owned(),
    }
}

/// ISO 639-3 (as the engine stores languages) to the BCP 47 tag a `lang`
/// attribute wants, for the languages whatlang names.
fn bcp47(code: &str) -> Option<&'static str> {
    const TAGS: &[(&str, &str)] = &[
        ("eng", "en"),
        ("fra", "fr"),
        ("deu", "de"),
        ("spa", "es"),
        ("ita", "it"),
        ("por", "pt"),
        ("nld", "nl"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("pol", "pl"),
        ("ces", "cs"),
        ("swe", "sv"),
        ("dan", "da"),
        ("nob", "nb"),
        ("fin", "fi"),
        ("tur", "tr"),
        ("ell", "el"),
        ("ara", "ar"),
        ("heb", "he"),
        ("hin", "hi"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("cmn", "zh"),
        ("vie", "vi"),
        ("ind", "id"),
        ("ron", "ro"),
        ("hun", "hu"),
        ("cat", "ca"),
    ];
    TAGS.iter().find(|(three, _)| *three == code).map(|(_, tag)| *tag)
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split('\n').map(str::trim).filter(|line| !line.is_empty()).map(str::to_owned).collect()
}

fn render(state: &crate::AppState, name: &str, context: Value) -> Result<Response, ApiError> {
    let template = state.templates.get_template(name).map_err(|error| ApiError::internal(&error))?;
    let html = template.render(context).map_err(|error| ApiError::internal(&error))?;
    Ok(Html(html).into_response())
}

/// An error as a page, with its status.
pub fn error_page(state: &crate::AppState, error: ApiError) -> Response {
    let body = error.body();
    let title = if error.status == StatusCode::NOT_FOUND { "Not found" } else { "Error" };
    let context = context! { title, error => body };
    match render(state, "error.html", context) {
        Ok(mut response) => {
            *response.status_mut() = error.status;
            response
        }
        Err(_) => error.into_response(),
    }
}

fn page(state: &crate::AppState, result: Result<Response, ApiError>) -> Response {
    result.unwrap_or_else(|error| error_page(state, error))
}

pub async fn stylesheet() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], STYLESHEET)
        .into_response()
}

/// The offsets of the previous and the next page of `total` items, `limit`
/// a page, for the page at `offset`. Past the end, the previous page is
/// the last one, so that the link leads back to something.
fn pager(offset: u64, limit: u64, total: u64) -> (Option<u64>, Option<u64>) {
    let next = (offset + limit < total).then_some(offset + limit);
    let last = total.saturating_sub(1) / limit.max(1) * limit.max(1);
    let previous = (offset > 0 && total > 0).then(|| offset.saturating_sub(limit).min(last));
    (previous, next)
}

/// `/`: the story list, newest first or with the most sources.
pub async fn stories(State(state): Shared, params: Result<Query<StoriesParams>, QueryRejection>) -> Response {
    let result = async {
        let params = crate::api::query_params(params)?;
        let query = params.query()?;
        let page = state.read(move |engine| Ok(engine.story_page(&query)?)).await?;
        let (previous, next) = pager(page.offset, page.limit, page.total);
        let filtered = [&params.source, &params.entity, &params.from, &params.to]
            .iter()
            .any(|value| value.as_deref().is_some_and(|value| !value.trim().is_empty()));
        let filters = context! {
            sort => if params.sort == Some(crate::api::Sort::Sources) { "sources" } else { "newest" },
            source => params.source, entity => params.entity, from => params.from, to => params.to,
        };
        render(&state, "stories.html", context! { title => "Stories", page, next, previous, filters, filtered })
    }
    .await;
    page(&state, result)
}

/// One original and the copies folded under it.
#[derive(Serialize)]
struct Column<'a> {
    article: &'a ArticleView,
    copies: Vec<&'a ArticleView>,
}

fn columns(story: &StoryView) -> Vec<Column<'_>> {
    let mut columns: Vec<Column<'_>> = Vec::new();
    let mut at: BTreeMap<&str, usize> = BTreeMap::new();
    for article in &story.articles {
        if let Some(&index) = article.duplicate_of.as_deref().and_then(|original| at.get(original)) {
            columns[index].copies.push(article);
            continue;
        }
        at.insert(&article.id, columns.len());
        columns.push(Column { article, copies: Vec::new() });
    }
    columns
}

/// Articles per story page.
const PAGE_ARTICLES: u64 = 40;

/// The page of a story's articles asked for (`?page=2`).
#[derive(Debug, Default, Deserialize)]
pub struct StoryPageParams {
    page: Option<u64>,
}

/// `/stories/{id}`: the story page, with a digest of its fact check and a
/// page of its articles.
pub async fn story(
    State(state): Shared,
    id: Result<Path<String>, PathRejection>,
    params: Result<Query<StoryPageParams>, QueryRejection>,
) -> Response {
    let result = async {
        let id = story_id(id)?;
        let number = crate::api::query_params(params)
            .map_err(|_| ApiError::bad_request("invalid_query", "the page of articles is a whole number from 1"))?
            .page
            .unwrap_or(1);
        if number == 0 {
            return Err(ApiError::bad_request("invalid_query", "the page of articles is a whole number from 1"));
        }
        // Past any story's last page, however large (the store counts in
        // signed 64 bits).
        let asked = number;
        let number = number.min(i64::MAX as u64 / PAGE_ARTICLES);
        let part = StoryPart {
            articles_offset: (number - 1) * PAGE_ARTICLES,
            articles_limit: Some(PAGE_ARTICLES),
            digest: true,
        };
        let story = state.read(move |engine| Ok(engine.story_part(id, part)?)).await?;
        let story = story.ok_or_else(|| ApiError::not_found("story_not_found", format!("There is no story {id}.")))?;
        // Facts name their sources by article id; readers want outlets.
        let mut outlets: BTreeMap<&str, &str> =
            story.outlets.iter().map(|(id, outlet)| (id.as_str(), outlet.as_str())).collect();
        for article in &story.articles {
            outlets.insert(&article.id, article.source.as_deref().unwrap_or(article.id.as_str()));
        }
        let pages = story.articles_total.div_ceil(PAGE_ARTICLES).max(1);
        if number > pages {
            let message = format!(
                "Story {id} has {pages} {} of articles; there is no page {asked}.",
                if pages == 1 { "page" } else { "pages" }
            );
            return Err(ApiError::not_found("page_not_found", message));
        }
        let context = context! {
            title => &story.headline,
            story => Value::from_serialize(&story),
            columns => Value::from_serialize(columns(&story)),
            outlets => Value::from_serialize(&outlets),
            page => number,
            pages,
            first_article => story.articles_offset + 1,
            last_article => story.articles_offset + story.articles.len() as u64,
        };
        render(&state, "story.html", context)
    }
    .await;
    page(&state, result)
}

/// `/articles/{id}`: one article's text.
pub async fn article(State(state): Shared, id: Result<Path<String>, PathRejection>) -> Response {
    let result = async {
        let Path(id) = id.map_err(|rejection| ApiError::bad_request("invalid_path", rejection.body_text()))?;
        let shown = id.clone();
        let article = state.read(move |engine| Ok(engine.article(&id)?)).await?;
        let article = article
            .ok_or_else(|| ApiError::not_found("article_not_found", format!("There is no article {shown:?}.")))?;
        let title = article.article.title.clone().unwrap_or_else(|| article.story_headline.clone());
        render(&state, "article.html", context! { title, detail => Value::from_serialize(&article) })
    }
    .await;
    page(&state, result)
}

/// `/search?q=`: search results.
pub async fn search(State(state): Shared, params: Result<Query<SearchParams>, QueryRejection>) -> Response {
    let result = async {
        let params = crate::api::query_params(params)?;
        if params.q.as_deref().map(str::trim).unwrap_or_default().is_empty() {
            return render(
                &state,
                "search.html",
                context! { title => "Search", results => Value::UNDEFINED, query => "" },
            );
        }
        let (q, limit, offset) = params.checked()?;
        let results = state.read(move |engine| Ok(engine.search(&q, limit, offset)?)).await?;
        let (previous, next) = pager(results.offset, results.limit, results.total as u64);
        // No page past the deepest a search may reach.
        let next = next.filter(|&next| next <= crate::api::MAX_SEARCH_OFFSET);
        let title = format!("Search: {}", results.query);
        render(&state, "search.html", search_page(&results, title, next, previous))
    }
    .await;
    page(&state, result)
}

/// HTML 404 for unknown pages.
pub async fn not_found(State(state): Shared) -> Response {
    error_page(&state, ApiError::new(StatusCode::NOT_FOUND, "page_not_found", "There is no such page."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_a_person_writes_them() {
        assert_eq!(human_date("2024-08-11"), "Sunday 11 August 2024");
        assert_eq!(human_date("2024-08-12T09:30:00+02:00"), "Monday 12 August 2024, 07:30 UTC");
        assert_eq!(human_date("sometime"), "sometime");
        assert_eq!(
            span(Some("2024-08-11"), Some("2024-08-12T10:00:00Z")),
            "Sunday 11 August 2024 to Monday 12 August 2024"
        );
        assert_eq!(span(Some("2024-08-11"), Some("2024-08-11")), "Sunday 11 August 2024");
        assert_eq!(span(None, None), "Undated");
    }

    #[test]
    fn the_search_page_links_escapes_and_marks() {
        let part = |text: &str, mark| SnippetPart { text: text.to_owned(), mark };
        let results = SearchResults {
            query: "\"pier\" <b>".to_owned(),
            total: 45,
            offset: 20,
            limit: 20,
            articles: vec![dossier_engine::ArticleHit {
                id: "wire/7 b".to_owned(),
                story: 3,
                title: Some("Pier <i>closes</i>".to_owned()),
                title_parts: vec![part("Pier", true), part(" <i>closes</i>", false)],
                source: None,
                url: None,
                published: Some("2024-08-11".to_owned()),
                duplicate_of: None,
                score: 1.0,
                snippet: vec![part("The ", false), part("pier", true), part(" & <script>", false)],
            }],
            stories: vec![dossier_engine::StoryHit {
                story: dossier_engine::StoryListing {
                    id: 3,
                    headline: String::new(),
                    articles: 2,
                    sources: 1,
                    duplicates: 0,
                    first_published: Some("2024-08-11".to_owned()),
                    last_published: None,
                    conflicts: None,
                },
                matching_articles: 1,
            }],
        };
        let (next, previous) = (Some(40), Some(0));
        let context = search_page(&results, "Search".to_owned(), next, previous);
        let html = templates().get_template("search.html").unwrap().render(context).unwrap();
        // "/articles/wire/7%20b", its slash escaped as on the story pages.
        assert!(
            html.contains(
                r#"<a href="/articles/wire&#x2f;7%20b"><mark>Pier</mark> &lt;i&gt;closes&lt;&#x2f;i&gt;</a>"#
            ),
            "{html}"
        );
        assert!(html.contains("The <mark>pier</mark> &amp; &lt;script&gt;"));
        assert!(html.contains("Unknown outlet · <time datetime=\"2024-08-11\">Sunday 11 August 2024</time>"));
        assert!(html.contains("Untitled story</a></h3>"));
        assert!(html.contains("Sunday 11 August 2024 · 1 source</p>"));
        assert!(html.contains(r#"<ol class="hits" start="21">"#));
        assert!(html.contains(r#"<a rel="next" href="/search?q=%22pier%22%20%3Cb%3E&amp;offset=40">"#), "{html}");
        assert!(html.contains(r#"<a rel="prev" href="/search?q=%22pier%22%20%3Cb%3E&amp;offset=0">"#));
        assert!(!html.contains("<b>") && !html.contains("<script>"));
    }

    #[test]
    fn the_story_list_says_where_sources_disagree_once_checked() {
        let listing = |id: u64, conflicts: Option<u64>| dossier_engine::StoryListing {
            id,
            headline: format!("Story {id}"),
            articles: 2,
            sources: 2,
            duplicates: 0,
            first_published: Some("2024-08-11".to_owned()),
            last_published: None,
            conflicts,
        };
        let page = dossier_engine::StoryPageView {
            total: 3,
            offset: 0,
            limit: 20,
            stories: vec![listing(1, Some(2)), listing(2, Some(0)), listing(3, None)],
        };
        let filters = context! { sort => "newest" };
        let context =
            context! { title => "Stories", page, next => Value::from(()), previous => Value::from(()), filters };
        let html = templates().get_template("stories.html").unwrap().render(context).unwrap();
        assert!(
            html.contains(r#"<a class="disagree" href="/stories/1#conflicts">sources disagree on 2 points</a>"#),
            "{html}"
        );
        assert_eq!(html.matches("sources disagree").count(), 1, "none for a story without conflicts or not checked");
    }

    #[test]
    fn languages_map_to_lang_attributes() {
        assert_eq!(bcp47("eng"), Some("en"));
        assert_eq!(bcp47("xyz"), None);
    }
}
