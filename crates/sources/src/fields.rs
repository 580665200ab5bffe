//! Which input field fills which [`RawArticle`] field, written once for JSON
//! objects and CSV rows alike.
//!
//! Names are matched without regard to ASCII case. Each article field has a
//! list of names in order of preference; the first one that holds a usable
//! value wins, and every other field (including the names that lost) is kept
//! in the metadata, in input order. Nulls and empty CSV cells are dropped.
//! See the table in the crate documentation.

use crate::SourceError;
use dossier_domain::{Origin, Published, RawArticle};
use serde_json::Value;

/// The [`RawArticle`] fields that input fields can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Id,
    Title,
    Text,
    Url,
    Source,
    Published,
}

const FIELDS: [Field; 6] = [Field::Id, Field::Title, Field::Text, Field::Url, Field::Source, Field::Published];

impl Field {
    /// Input names for this field, the preferred first.
    pub(crate) fn names(self) -> &'static [&'static str] {
        match self {
            Self::Id => &["id"],
            Self::Title => &["title", "headline", "title_page", "title_rss"],
            // `description` is a summary; it is the text only when nothing
            // better is there.
            Self::Text => &["text", "body", "content", "maintext", "description"],
            Self::Url => &["url", "link"],
            // `hostname` before `publisher`: uci-headlines' PUBLISHER is a
            // display name ("Los Angeles Times"), HOSTNAME the domain used
            // everywhere else.
            Self::Source => &["source", "source_domain", "hostname", "domain", "outlet", "publisher"],
            Self::Published => {
                &["published", "published_at", "publishedat", "date_publish", "pubdate", "date", "timestamp", "time"]
            }
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The field an input name fills, and its rank among that field's names
/// (0 is preferred).
pub(crate) fn field_of(name: &str) -> Option<(Field, usize)> {
    let name = name.trim();
    FIELDS.iter().find_map(|&field| {
        let rank = field.names().iter().position(|candidate| candidate.eq_ignore_ascii_case(name))?;
        Some((field, rank))
    })
}

/// A date field of the metadata that no date was read from (a value the
/// reader does not know, kept there as it came: `"published":
/// "yesterday-ish"`), as its name and its value written out; `None` when
/// there is none. Worth saying of an article stored undated.
pub fn unread_date(metadata: &dossier_domain::Metadata) -> Option<(String, String)> {
    metadata.iter().find_map(|(name, value)| {
        let written = match value {
            Value::Null => return None,
            Value::String(text) if text.trim().is_empty() => return None,
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        matches!(field_of(name), Some((Field::Published, _))).then(|| (name.clone(), written))
    })
}

/// Whether a set of column names can give an article its title or text.
pub(crate) fn has_title_or_text<'a>(names: impl IntoIterator<Item = &'a str>) -> bool {
    names.into_iter().any(|name| matches!(field_of(name), Some((Field::Title | Field::Text, _))))
}

/// Builds an article from the fields of one record, in input order.
///
/// Fails with [`SourceError::NotAnArticle`] when neither a title nor a text
/// is there.
pub(crate) fn to_article(fields: Vec<(String, Value)>, origin: Origin) -> Result<RawArticle, SourceError> {
    // For each article field: (rank, position in `fields`) of the winner.
    let mut chosen: [Option<(usize, usize)>; FIELDS.len()] = [None; FIELDS.len()];
    let mut published = None;
    for (position, (name, value)) in fields.iter().enumerate() {
        let Some((field, rank)) = field_of(name) else {
            continue;
        };
        let slot = &mut chosen[field.index()];
        if slot.is_some_and(|(best, _)| best <= rank) {
            continue;
        }
        let usable = match field {
            Field::Published => match parse_published(value) {
                Some(time) => {
                    published = Some(time);
                    true
                }
                None => false,
            },
            Field::Id => matches!(value, Value::Number(_)) || is_text(value),
            // A title or a text in parts (paragraphs as a list, as some
            // scrapers write them) is read whole.
            Field::Title | Field::Text => is_text(value) || is_text_parts(value),
            _ => is_text(value),
        };
        if usable {
            *slot = Some((rank, position));
        }
    }

    let winner = |position: usize| {
        FIELDS.iter().copied().find(|field| chosen[field.index()].is_some_and(|(_, at)| at == position))
    };
    let mut article = RawArticle::new(origin);
    article.published = published;
    let names: Vec<String> = fields.iter().map(|(name, _)| name.clone()).collect();
    // Why each title or text field there holds none, when none won.
    let none = chosen[Field::Title.index()].is_none() && chosen[Field::Text.index()].is_none();
    let unusable: Vec<String> = fields
        .iter()
        .filter(|_| none)
        .filter(|(name, _)| matches!(field_of(name), Some((Field::Title | Field::Text, _))))
        .map(|(name, value)| {
            let what = match value {
                Value::Null => "null",
                Value::String(_) => "empty",
                Value::Bool(_) => "a boolean, not text",
                Value::Number(_) => "a number, not text",
                Value::Array(_) => "an array, not text",
                Value::Object(_) => "an object, not text",
            };
            format!("{name} is {what}")
        })
        .collect();
    let mut title_or_text = false;
    for (position, (name, value)) in fields.into_iter().enumerate() {
        let Some(field) = winner(position) else {
            if !value.is_null() {
                article.metadata.insert(name, value);
            }
            continue;
        };
        let text = match value {
            Value::String(text) => text,
            // Paragraphs of a text parted by blank lines, of a title by a
            // space.
            Value::Array(parts) => {
                let parts: Vec<String> = parts
                    .into_iter()
                    .filter_map(|part| match part {
                        Value::String(part) if !part.trim().is_empty() => Some(part),
                        _ => None,
                    })
                    .collect();
                parts.join(if field == Field::Text { "\n\n" } else { " " })
            }
            other => other.to_string(),
        };
        match field {
            Field::Id => article.id = Some(text),
            Field::Title => {
                article.title = Some(text);
                title_or_text = true;
            }
            Field::Text => {
                article.text = text;
                title_or_text = true;
            }
            Field::Url => article.url = Some(text),
            Field::Source => article.source = Some(text),
            Field::Published => {}
        }
    }
    if title_or_text {
        Ok(article)
    } else {
        Err(SourceError::NotAnArticle { fields: names, unusable })
    }
}

fn is_text(value: &Value) -> bool {
    matches!(value, Value::String(text) if !text.trim().is_empty())
}

/// A list of strings, one of them not blank, and nothing else.
fn is_text_parts(value: &Value) -> bool {
    matches!(value, Value::Array(parts)
        if parts.iter().all(|p| matches!(p, Value::String(_))) && parts.iter().any(is_text))
}

fn parse_published(value: &Value) -> Option<Published> {
    match value {
        Value::String(text) => Published::parse(text),
        Value::Number(number) => match number.as_i64() {
            Some(whole) => Published::from_epoch(whole),
            // Fractional epoch seconds; the fraction is dropped.
            None => Published::from_epoch(number.as_f64()? as i64),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn article(value: Value) -> Result<RawArticle, SourceError> {
        let Value::Object(map) = value else { panic!("not an object") };
        to_article(map.into_iter().collect(), Origin::stdin())
    }

    #[test]
    fn names_match_without_case() {
        assert_eq!(field_of("TITLE"), Some((Field::Title, 0)));
        assert_eq!(field_of("pubDate"), Some((Field::Published, 4)));
        assert_eq!(field_of("HOSTNAME"), Some((Field::Source, 2)));
        assert_eq!(field_of("category"), None);
    }

    #[test]
    fn the_canonical_form_maps_field_for_field() {
        let raw = article(json!({"id": "a1", "url": "https://example.com/a", "source": "example.com",
            "title": "Flag handed over", "text": "Body.", "published": "2024-08-12", "lang": "en"}))
        .unwrap();
        assert_eq!(raw.id.as_deref(), Some("a1"));
        assert_eq!(raw.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(raw.source.as_deref(), Some("example.com"));
        assert_eq!(raw.title.as_deref(), Some("Flag handed over"));
        assert_eq!(raw.text, "Body.");
        assert_eq!(raw.published.unwrap().to_string(), "2024-08-12");
        assert_eq!(Value::Object(raw.metadata), json!({"lang": "en"}));
    }

    #[test]
    fn news_please_falls_back_and_keeps_the_rest_in_order() {
        let raw = article(json!({"authors": [], "date_publish": "2017-09-15T00:00:00",
            "description": "Summary.", "source_domain": "www.dw.com", "text": "Body.",
            "title": null, "title_page": "Page title", "title_rss": null, "url": "http://dw.com/x", "dId": "abc"}))
        .unwrap();
        assert_eq!(raw.title.as_deref(), Some("Page title"));
        assert_eq!(raw.text, "Body.");
        assert_eq!(raw.source.as_deref(), Some("www.dw.com"));
        assert_eq!(raw.id, None);
        assert_eq!(raw.published.unwrap().to_string(), "2017-09-15T00:00:00+00:00");
        let keys: Vec<&str> = raw.metadata.keys().map(String::as_str).collect();
        assert_eq!(keys, ["authors", "description", "dId"]);
    }

    #[test]
    fn description_is_the_text_only_when_there_is_no_text() {
        let raw = article(json!({"title": "T", "description": "Summary."})).unwrap();
        assert_eq!(raw.text, "Summary.");
        let raw = article(json!({"title": "T", "description": "Summary.", "content": "Full."})).unwrap();
        assert_eq!(raw.text, "Full.");
        assert_eq!(raw.metadata["description"], "Summary.");
    }

    #[test]
    fn numbers_are_ids_and_epochs() {
        let raw = article(json!({"id": 42, "title": "T", "timestamp": 1394470370698_i64})).unwrap();
        assert_eq!(raw.id.as_deref(), Some("42"));
        assert_eq!(raw.published.unwrap().to_string(), "2014-03-10T16:52:50.698+00:00");
    }

    #[test]
    fn an_unparsable_date_stays_in_metadata_and_the_next_name_is_tried() {
        let raw = article(json!({"title": "T", "published": "last Sunday", "date": "2024-08-11"})).unwrap();
        assert_eq!(raw.published.unwrap().to_string(), "2024-08-11");
        assert_eq!(raw.metadata["published"], "last Sunday");
        let raw = article(json!({"title": "T", "date": "yesterday"})).unwrap();
        assert_eq!(raw.published, None);
        assert_eq!(raw.metadata["date"], "yesterday");
    }

    #[test]
    fn the_preferred_source_wins_and_the_others_stay() {
        let raw =
            article(json!({"PUBLISHER": "Los Angeles Times", "HOSTNAME": "www.latimes.com", "TITLE": "T"})).unwrap();
        assert_eq!(raw.source.as_deref(), Some("www.latimes.com"));
        assert_eq!(raw.metadata["PUBLISHER"], "Los Angeles Times");
    }

    #[test]
    fn values_of_the_wrong_type_are_kept_as_metadata() {
        let raw = article(json!({"title": "T", "source": {"id": null, "name": "BBC"}})).unwrap();
        assert_eq!(raw.source, None);
        assert_eq!(raw.metadata["source"], json!({"id": null, "name": "BBC"}));
    }

    #[test]
    fn a_date_that_is_not_read_is_found_in_the_metadata() {
        let raw = article(json!({"title": "T", "published": "yesterday-ish", "category": "x"})).unwrap();
        assert_eq!(raw.published, None);
        assert_eq!(unread_date(&raw.metadata), Some(("published".to_owned(), "yesterday-ish".to_owned())));
        let read = article(json!({"title": "T", "published": "2024-08-12"})).unwrap();
        assert_eq!(unread_date(&read.metadata), None);
    }

    #[test]
    fn a_title_or_text_in_parts_is_read_whole() {
        let raw =
            article(json!({"title": ["Ferry", "hits pier"], "text": ["First paragraph.", "", "Second."]})).unwrap();
        assert_eq!(raw.title.as_deref(), Some("Ferry hits pier"));
        assert_eq!(raw.text, "First paragraph.\n\nSecond.");
    }

    #[test]
    fn no_title_and_no_text_is_not_an_article() {
        let error = article(json!({"url": "u", "title": "  ", "text": null})).unwrap_err();
        assert_eq!(error.kind(), "not-an-article");
        assert!(
            error.to_string().starts_with("no text or title (fields: url, title, text; title is empty; text is null)"),
            "{error}"
        );
        // A title or a text of the wrong type is said to be one.
        let error = article(json!({"title": [1], "body": {"x": 1}})).unwrap_err();
        assert!(error.to_string().contains("title is an array, not text; body is an object, not text"), "{error}");
    }

    #[test]
    fn columns_are_checked_for_title_or_text() {
        assert!(has_title_or_text(["ID", "Headline", "URL"]));
        assert!(has_title_or_text(["body"]));
        assert!(!has_title_or_text(["id", "url", "source"]));
    }
}
