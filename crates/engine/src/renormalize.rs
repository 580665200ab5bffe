//! Stored articles normalised again when they were stored under an older
//! normalisation of titles and texts ([`NORMALIZATION_VERSION`]): version 2
//! decodes HTML character references, so a store written before has its
//! titles and texts decoded, and their content keys, copy keys and ids made
//! from content computed anew, once, as the writer opens it. An article read
//! again then finds itself stored, not a clash stored twice.

use crate::EngineError;
use dossier_dedup::{content_key, copy_key};
use dossier_store::{Renormalization, Renormalized, Store, StoredText};
use dossier_text::{content_id, renormalize_text, renormalize_title, NORMALIZATION_VERSION};

/// Normalises the store's articles again if they need it; returns how many
/// changed.
pub(crate) fn stored_articles(store: &mut Store) -> Result<u64, EngineError> {
    let changed = store.renormalize(&Renormalization {
        version: NORMALIZATION_VERSION,
        // Every character reference starts with it.
        holding: "&",
        article: &article,
        headline: &|headline| renormalize_title(headline),
    })?;
    if changed > 0 {
        tracing::info!(target: "dossier::store", articles = changed, "stored articles normalised again");
    }
    Ok(changed)
}

/// A stored article as it is normalised now, or `None` when nothing changes.
fn article(stored: &StoredText) -> Option<Renormalized> {
    let new_title = stored.title.as_deref().and_then(renormalize_title);
    let new_text = renormalize_text(&stored.text);
    if new_title.is_none() && new_text.is_none() {
        return None;
    }
    let title = new_title.or_else(|| stored.title.clone()).filter(|title| !title.is_empty());
    let text = new_text.unwrap_or_else(|| stored.text.clone());
    // An id made from the content follows it; an id the source gave stays.
    let made_from_content = stored.claimed_id == content_id(stored.title.as_deref(), &stored.text).as_str();
    let claimed_id =
        if made_from_content { content_id(title.as_deref(), &text).to_string() } else { stored.claimed_id.clone() };
    Some(Renormalized {
        claimed_id,
        content_key: content_key(title.as_deref(), &text).to_bytes(),
        copy_key: copy_key(title.as_deref(), &text).map(|key| key.to_bytes()),
        title,
        text,
    })
}
