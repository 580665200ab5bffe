//! Stored articles normalised again when they were stored under an older
//! normalisation of titles and texts ([`NORMALIZATION_VERSION`]): version 2
//! decodes HTML character references, so a store written before has its
//! titles and texts decoded, and their content keys, copy keys and ids made
//! from content computed anew, once, as the writer opens it. An article read
//! again then finds itself stored, not a clash stored twice.

use crate::EngineError;
use dossier_store::{Renormalization, Renormalized, Store, StoredText};
use dossier_text::NORMALIZATION_VERSION;
use dossier_text::{content_id, normalize_article_body, normalize_article_title};

/// Normalises the store's articles again if they need it.
pub(crate) fn stored_articles(store: &mut Store) -> Result<(), EngineError> {
    let changed = store.renormalize(&Renormalization {
        version: NORMALIZATION_VERSION,
        // Every character reference starts with it.
        holding: "&",
        article: &renormalized_article,
        headline: &crate::ingest::headline_of,
    })?;
    if changed > 0 {
        tracing::info!(target: "dossier::ingest", articles = changed, "stored articles normalised again");
    }
    Ok(())
}

/// A stored article as normalisation makes it now, or `None` when nothing
/// changes: the text as a fresh ingest would store it (leading date token
/// split off; the publication date stays as stored), and its keys and an
/// id made from content computed as ingest does.
fn renormalized_article(stored: &StoredText) -> Option<Renormalized> {
    let title = stored.title.as_deref().map(normalize_article_title).filter(|title| !title.is_empty());
    let (text, _) = normalize_article_body(&stored.text);
    if title == stored.title && text == stored.text {
        return None;
    }
    // An id made from the content follows it; an id the source gave stays.
    let made_from_content = stored.claimed_id == content_id(stored.title.as_deref(), &stored.text).as_str();
    let claimed_id =
        if made_from_content { content_id(title.as_deref(), &text).to_string() } else { stored.claimed_id.clone() };
    let (content_key, copy_key) = crate::ingest::keys(title.as_deref(), &text);
    Some(Renormalized { claimed_id, content_key, copy_key, title, text })
}
