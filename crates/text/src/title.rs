//! The part of a page's title that tells its story.
//!
//! Scraped pages often carry the site's name in their title, beside the
//! story's ("Ferry runs aground - Metro Ledger") or instead of it ("Metro
//! Ledger News", "Search : Metro Ledger"), when the page was a front page,
//! a search page or a title the scraper could not find. Such a title says
//! nothing of the event: compared with other titles it only ties the page
//! to the site's other pages, and shown as a story's headline it tells the
//! reader nothing.

/// Words a site's furniture is made of beside its name.
const PAGE_WORDS: &[&str] = &[
    "and",
    "breaking",
    "edition",
    "headlines",
    "home",
    "homepage",
    "international",
    "latest",
    "live",
    "news",
    "of",
    "online",
    "page",
    "results",
    "search",
    "site",
    "the",
    "today",
    "top",
    "website",
    "world",
];

/// Parts of a domain name that name no site.
const DOMAIN_PARTS: &[&str] = &["ac", "co", "com", "gov", "net", "org", "www"];

/// `title` less the segments at either end that only name the site, the
/// outlet `source` (a domain, `www.metroledger.example`, or a name, `Metro
/// Ledger`) or generic page words ("World news - Metro Ledger
/// International"); `None` when nothing else is left and the site is named
/// (a title of page words alone, "Top of the World", stays). Segments are
/// parted by a dash, bar, colon or bullet with a space on each side. A
/// segment names the site when each of its words is a page word or part of
/// the outlet's name: a whole label or name word ("MLN" in `mln.example`),
/// or one of three letters or more that opens or closes one ("Ledger" in
/// `metroledger.example`).
pub fn story_title<'a>(title: &'a str, source: Option<&str>) -> Option<&'a str> {
    let site = site_names(source.unwrap_or(""));
    let of_site = |word: &str| {
        let letters = word.chars().count();
        site.iter().any(|name| {
            letters >= 2 && name == word || letters >= 3 && (name.starts_with(word) || name.ends_with(word))
        })
    };
    let words = |segment: &'a str| {
        segment.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
    };
    let furniture = |segment: &'a str| {
        let mut words = words(segment).peekable();
        words.peek().is_some() && words.all(|word| PAGE_WORDS.contains(&word.as_str()) || of_site(&word))
    };
    let segments = segments(title);
    let kept = || {
        let first = segments.iter().position(|&(from, to)| !furniture(&title[from..to]))?;
        let last = segments.iter().rposition(|&(from, to)| !furniture(&title[from..to]))?;
        Some(title[segments[first].0..segments[last].1].trim()).filter(|kept| !kept.is_empty())
    };
    match kept() {
        Some(kept) => Some(kept),
        // All furniture: none when it names the site, else the title.
        None if words(title).any(|word| of_site(&word)) => None,
        None => Some(title.trim()).filter(|title| !title.is_empty()),
    }
}

/// The outlet's names, in lower case: a domain's labels but its last and
/// those that name no site, or a name's words.
fn site_names(source: &str) -> Vec<String> {
    let source = source.trim().to_lowercase();
    if !source.contains(char::is_whitespace) && source.contains('.') {
        let labels: Vec<&str> = source.split('.').collect();
        let kept = &labels[..labels.len() - 1];
        kept.iter().filter(|label| !DOMAIN_PARTS.contains(label)).map(|label| (*label).to_owned()).collect()
    } else {
        source.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect()
    }
}

/// The byte ranges of a title's segments: text between separators, a run
/// of dashes, bars, colons or bullets with white space on each side.
fn segments(title: &str) -> Vec<(usize, usize)> {
    const SEPARATORS: &[char] = &['-', '|', ':', '–', '—', '·', '•', '»', '/'];
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let after_space = i > 0 && chars[i - 1].1.is_whitespace();
        if SEPARATORS.contains(&c) && after_space {
            let mut j = i;
            while j < chars.len() && SEPARATORS.contains(&chars[j].1) {
                j += 1;
            }
            if j < chars.len() && chars[j].1.is_whitespace() {
                out.push((start, at));
                start = chars[j].0;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out.push((start, title.len()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_segment_at_either_end_is_left_out() {
        let domain = Some("www.metroledger.example");
        assert_eq!(story_title("Ferry runs aground - Metro Ledger", domain), Some("Ferry runs aground"));
        assert_eq!(story_title("Metro Ledger | Ferry runs aground", domain), Some("Ferry runs aground"));
        assert_eq!(
            story_title("Ferry runs aground — Metro Ledger News", Some("Metro Ledger")),
            Some("Ferry runs aground")
        );
        // A segment inside, or one with a word of its own, stays.
        assert_eq!(story_title("Ferry: the Ledger view", domain), Some("Ferry: the Ledger view"));
        assert_eq!(
            story_title("Ferry runs aground - Ledger readers react", domain),
            Some("Ferry runs aground - Ledger readers react")
        );
    }

    #[test]
    fn a_title_that_only_names_the_site_is_none() {
        assert_eq!(story_title("MLN News", Some("mlnnews.example")), None);
        assert_eq!(story_title("World news - MLN International", Some("www.mln.example")), None);
        assert_eq!(story_title("MLN Search : MLN", Some("www.mln.example")), None);
        assert_eq!(story_title("", None), None);
        // Page words alone name no site.
        assert_eq!(story_title("Top of the World", Some("www.mln.example")), Some("Top of the World"));
    }

    #[test]
    fn titles_of_other_sites_and_hyphens_in_words_are_untouched() {
        // Without its outlet a site's name is a title's words like others.
        assert_eq!(story_title("Ferry runs aground - Metro Ledger", None), Some("Ferry runs aground - Metro Ledger"));
        assert_eq!(
            story_title("Ferry runs aground - MLN", Some("www.other.example")),
            Some("Ferry runs aground - MLN")
        );
        // A hyphen inside a word, or a colon after one, parts nothing.
        assert_eq!(
            story_title("Mid-week news: ferry runs aground", Some("news.example")),
            Some("Mid-week news: ferry runs aground")
        );
        // One-letter words are never taken for the site's name, nor a piece
        // from inside it.
        assert_eq!(story_title("A", Some("a.example")), Some("A"));
        assert_eq!(
            story_title("Ferry talks - The End", Some("www.independent.example")),
            Some("Ferry talks - The End")
        );
    }
}
