//! Sentence boundaries for news prose.
//!
//! A rule-based splitter: a sentence ends at `.`, `!` or `?` (with any
//! closing quotes or brackets) followed by space and a capital, a digit or
//! an opening quote, or at a line break (inside a paragraph of hard-wrapped
//! text, only after a line that ends so, a short heading, or before a blank
//! line); or, where a scraped page lost the
//! space, between a lower-case word and a capitalised one ("this
//! week.The"). It does not split after common abbreviations ("Dr.",
//! "Gen.", "U.S.") or initials ("L.A. Mayor"), nor after a time of day's
//! "a.m." or "p.m." that the next word goes on telling ("3 p.m. Monday",
//! "9 a.m. ET"); before any other capitalised word it does ("at 11:40
//! p.m. Fire crews arrived").

/// Abbreviations that end in a period without ending a sentence, lower case
/// and without their final period.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "gov", "sen", "rep", "pres", "rev", "hon", "no", "nos", "vs", "etc", "inc", "corp", "ltd", "co", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est", "fig", "u.s",
    "u.k", "u.n", "e.g", "i.e", "a.m", "p.m",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»')
}

fn can_open_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '“' | '‘' | '(' | '«' | '[')
}

/// The word that ends just before byte `end` of `text` (letters and inner
/// periods, as in "U.S").
fn word_before(text: &str, end: usize) -> &str {
    let start = text[..end]
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..end]
}

/// Two sentences run together without a space, as scraped pages lose line
/// breaks: a lower-case word of two letters or more, the stop at byte
/// `stop`, then a capitalised word ("this week.The satellite"). Initials
/// ("U.S.Army"), words with a capital or a digit before the stop
/// ("Jones.He", "2024.The") and addresses ("www.NewsSite.com",
/// "https://site.Page") do not count.
fn run_together(text: &str, stop: usize, rest: &str) -> bool {
    let word = word_before(text, stop);
    let before = text[..stop - word.len()].chars().next_back();
    let address = word == "www" || matches!(before, Some('/' | ':' | '@' | '.'));
    let mut next = rest.chars();
    let capitalised = next.next().is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase);
    capitalised && !address && word.len() >= 2 && word.chars().all(|c| c.is_ascii_lowercase())
}

fn is_abbreviation(word: &str) -> bool {
    // Initials: single letters between periods ("J", "L.A", "U.S").
    let initials = !word.is_empty()
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
        });
    initials || ABBREVIATIONS.iter().any(|abbreviation| word.eq_ignore_ascii_case(abbreviation))
}

/// Whether a time of day's "a.m." or "p.m." (after a figure, `before`
/// ends with one: "A.M. Best" is initials) ends its sentence: when a
/// capitalised word follows that does not go on telling the time ("at 11:40
/// p.m. Fire crews arrived"). A weekday, a month, a time zone or a place's
/// time does ("at 3 p.m. Monday", "9 a.m. ET", "8 p.m. Moscow time").
fn ends_at_clock(before: &str, word: &str, after: &str) -> bool {
    let meridiem = word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m");
    if !meridiem || !before.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let mut words = after.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let Some(next) = words.next() else { return false };
    let capitalised = next.chars().next().is_some_and(char::is_uppercase);
    let telling_time = TIME_WORDS.iter().any(|w| next.eq_ignore_ascii_case(w))
        || next.parse::<chrono::Weekday>().is_ok()
        || dossier_domain::month_of(next).is_some()
        || words.next().is_some_and(|w| w.eq_ignore_ascii_case("time"));
    capitalised && !telling_time
}

/// Words other than weekdays and months that go on telling a time of day
/// after "a.m." or "p.m.": time zones and the days around today ("9 a.m.
/// ET", "8 p.m. tonight").
const TIME_WORDS: &[&str] = &[
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "mt",
    "mst",
    "mdt",
    "pt",
    "pst",
    "pdt",
    "gmt",
    "bst",
    "utc",
    "cet",
    "cest",
    "eastern",
    "central",
    "mountain",
    "pacific",
    "atlantic",
    "greenwich",
    "local",
];

/// Fewest lines a text needs to be told hard-wrapped.
const WRAPPED_LINES: usize = 4;

/// The width a text is hard-wrapped at, as wire copy and e-mail are
/// ("BankAmerica Corp is not under\npressure to act ..."), or `None`: at
/// least [`WRAPPED_LINES`] lines, and a third of them, three or more, open:
/// full (within 70% of the width most lines keep to, 30 to 100
/// characters), of four words or more, breaking inside a sentence; and a
/// quarter of the open ones going on in lower case on the next line. Prose
/// whose lines are paragraphs, lists of items and tables of short rows are
/// not.
fn wrap_width(text: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|line| !line.is_empty()).collect();
    if lines.len() < WRAPPED_LINES {
        return None;
    }
    let mut lengths: Vec<usize> = lines.iter().map(|line| line.chars().count()).collect();
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 3 / 4];
    if !(30..=100).contains(&width) {
        return None;
    }
    let open = |line: &str| {
        let full = line.chars().count() * 10 >= width * 7;
        let words = line.split_whitespace().count() >= 4;
        full && words && !line.ends_with(|c: char| matches!(c, '.' | '!' | '?' | ':') || is_closing(c))
    };
    let (mut opened, mut lower_next) = (0, 0);
    for (n, _) in lines.iter().enumerate().filter(|(_, line)| open(line)) {
        opened += 1;
        lower_next += usize::from(lines.get(n + 1).is_some_and(|next| next.starts_with(char::is_lowercase)));
    }
    (opened >= 3 && opened * 3 >= lines.len() && lower_next * 4 >= opened).then_some(width)
}

/// Whether a line is a row of a table of figures: two numbers or more,
/// a third of its words or more ("Net loss 67,818,000 vs profit 12,000").
fn is_row(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let numbers = words
        .iter()
        .filter(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).starts_with(|c: char| c.is_ascii_digit()))
        .count();
    numbers >= 2 && numbers * 3 >= words.len()
}

/// Whether a sentence of text hard-wrapped at `width` goes on past the end
/// of `line` into `next` (the text after the line break). It does unless:
/// the line ends a sentence's way and the next does not go on in lower case
/// (an abbreviation the `.` arm would not end at, "U.S.", against "April
/// U.S.\ncrude prices"); a blank line follows; the line is short (under
/// half the width), ends in no function word ("Varian Holdings Inc and"
/// goes on) and the next opens in capitals, a heading; or either line is a
/// row of figures ("Shr loss 4.60 dlrs vs 14 cts"), a table's.
fn goes_on(line: &str, next: &str, width: usize) -> bool {
    let lower_next = next.starts_with(char::is_lowercase);
    let stops = line.trim_end_matches(is_closing).ends_with(['.', '!', '?']) && !lower_next;
    let last_word = line.rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
    let function_word = crate::stopwords::ENGLISH.binary_search(&last_word.as_str()).is_ok();
    let heading = line.chars().count() * 2 < width && !function_word && !lower_next;
    let table = is_row(line) || is_row(next.lines().next().unwrap_or(""));
    !stops && !heading && !table && !next.starts_with('\n')
}

/// Words no heading or sentence ends with: a line ending in one goes on.
const OPEN_ENDED: &[&str] =
    &["a", "an", "and", "at", "by", "for", "from", "in", "its", "of", "on", "the", "their", "to", "with"];

/// Whether a sentence of text not told hard-wrapped (short wire copy,
/// "Mars Stores Inc said sales for\nthe four weeks ended ...") still goes on
/// past the end of `line`: the line ends in no sentence's punctuation and
/// the next, in the same paragraph, goes on in lower case, or the line ends
/// in an article, a preposition or "and" ("Shares of\nMarrowby rose"; "What
/// happens now\nThe council ..." is a heading).
fn runs_on(line: &str, next: &str) -> bool {
    let ended = line.trim_end_matches(is_closing).ends_with(['.', '!', '?', ':', ';']) || line.ends_with(is_closing);
    let last_word = line.rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
    let goes_on = next.starts_with(char::is_lowercase) || OPEN_ENDED.contains(&last_word.as_str());
    !line.is_empty() && !ended && goes_on && !next.starts_with('\n') && !next.is_empty()
}

/// Splits `text` into trimmed, non-empty sentences. A line break ends one,
/// except inside a paragraph of hard-wrapped text ([`goes_on`]) and, in
/// other text, where the sentence plainly runs on ([`runs_on`]).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let wrapped = wrap_width(text);
    let mut line_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let end = match c {
            '\n' => {
                let line = text[line_start..index].trim();
                line_start = index + 1;
                let next = text[index + 1..].trim_start_matches([' ', '\t']);
                let on = wrapped.map_or_else(|| runs_on(line, next), |width| goes_on(line, next, width));
                (!on).then_some(index)
            }
            '.' | '!' | '?' => {
                let mut end = index + c.len_utf8();
                while let Some(&(next_index, next)) = chars.peek() {
                    if matches!(next, '.' | '!' | '?') || is_closing(next) {
                        end = next_index + next.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let rest = &text[end..];
                let after_space = rest.trim_start_matches([' ', '\t']);
                let spaced = after_space.len() < rest.len();
                let opens = after_space.chars().next().is_some_and(can_open_sentence);
                let ends = rest.is_empty()
                    || after_space.starts_with('\n')
                    || (spaced && opens)
                    || run_together(text, index, rest);
                let word = word_before(text, index);
                let time = &text[..index - word.len()];
                let abbreviation = c == '.' && is_abbreviation(word) && !ends_at_clock(time, word, after_space);
                (ends && !abbreviation).then_some(end)
            }
            _ => None,
        };
        if let Some(end) = end {
            push_trimmed(&text[start..end], &mut out);
            start = end;
        }
    }
    push_trimmed(&text[start..], &mut out);
    out
}

fn push_trimmed<'a>(sentence: &'a str, out: &mut Vec<&'a str>) {
    let sentence = sentence.trim();
    if !sentence.is_empty() {
        out.push(sentence);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        assert_eq!(sentences(text), expected, "{text:?}");
    }

    #[test]
    fn splits_plain_prose() {
        check(
            "The fire spread. Crews arrived! Was anyone hurt? No.",
            &["The fire spread.", "Crews arrived!", "Was anyone hurt?", "No."],
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        check(
            "It was L.A. Mayor Karen Bass. Dr. Dre sang in the U.S. Army band.",
            &["It was L.A. Mayor Karen Bass.", "Dr. Dre sang in the U.S. Army band."],
        );
        check(
            "Gen. Smith met J. R. Jones at noon. Then he left.",
            &["Gen. Smith met J. R. Jones at noon.", "Then he left."],
        );
    }

    #[test]
    fn a_time_of_day_ends_a_sentence_unless_the_time_goes_on() {
        check(
            "Crews were called at 11:40 p.m. Fire Chief Wendy Marsh said the blaze began in a kitchen.",
            &["Crews were called at 11:40 p.m.", "Fire Chief Wendy Marsh said the blaze began in a kitchen."],
        );
        for one in [
            "The ferry left at 3 p.m. Monday from Vellmar.",
            "The vote opens at 9 a.m. ET on Tuesday.",
            "Talks resume at 8 p.m. Vellmar time, officials said.",
            "It starts at 10 a.m. Jan. 5 in Dunmore.",
            "It ends at 5 p.m. and reopens at 9 a.m. tomorrow.",
            // Initials, not a time.
            "Ratings agency A.M. Best said the Vellmar insurer was sound.",
        ] {
            check(one, &[one]);
        }
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        check(
            "\"We are ready.\" She said it twice. (It worked.) Next",
            &["\"We are ready.\"", "She said it twice.", "(It worked.)", "Next"],
        );
    }

    #[test]
    fn line_breaks_end_sentences_and_numbers_do_not() {
        check(
            "Headline without stop\nThe toll rose to 3.5 percent. 12 were hurt.",
            &["Headline without stop", "The toll rose to 3.5 percent.", "12 were hurt."],
        );
        check("lower case. continues here", &["lower case. continues here"]);
        check(
            "It launched this week.The dish failed.Was it the U.S.Army? Dr.Smith came.",
            &["It launched this week.", "The dish failed.", "Was it the U.S.Army?", "Dr.Smith came."],
        );
        check(
            "Ask Jones.He knows. It was 2024.The end. See www.NewsSite.com or https://site.Page now.",
            &["Ask Jones.He knows.", "It was 2024.The end.", "See www.NewsSite.com or https://site.Page now."],
        );
        check("", &[]);
        // Too short to tell hard-wrapped, a line still goes on into the next
        // in lower case, or after a function word; not past a blank line.
        check(
            "Marrowby Stores Inc said sales for\nthe four weeks fell.\n\nShares of\nMarrowby rose\n\nlater on",
            &["Marrowby Stores Inc said sales for\nthe four weeks fell.", "Shares of\nMarrowby rose", "later on"],
        );
        check("What happens now\nThe council will vote.", &["What happens now", "The council will vote."]);
    }

    #[test]
    fn hard_wrapped_lines_go_on_within_a_paragraph() {
        let wire = "Brennick Holdings said its chairman Ian\nDorsey would step down next month after\ntwelve years, and named Wendy Marsh to the\npost from the Vellmar office.\nShort closing line\n\nThe board meets on Monday in Dunmore to\nconfirm the change.";
        check(
            wire,
            &[
                "Brennick Holdings said its chairman Ian\nDorsey would step down next month after\ntwelve years, and named Wendy Marsh to the\npost from the Vellmar office.",
                "Short closing line",
                "The board meets on Monday in Dunmore to\nconfirm the change.",
            ],
        );
        // A line short of the width goes on too, unless it is a heading.
        let lead = "Brennick Holdings and Marrowby North\nInc said they plan to form a venture to run the\nferry services of both companies, and will share\nthe costs of the new pier equally.\nThe venture will be called Brennick Marrowby\nFerries and will be run from Vellmar under a\njoint board.";
        check(
            lead,
            &[
                "Brennick Holdings and Marrowby North\nInc said they plan to form a venture to run the\nferry services of both companies, and will share\nthe costs of the new pier equally.",
                "The venture will be called Brennick Marrowby\nFerries and will be run from Vellmar under a\njoint board.",
            ],
        );
        // A line that ends a sentence's way ends it, abbreviation or not.
        let abbreviated = "Brennick Holdings said its exposure was to the\nferry business in the U.S.\nThe board said it would sell the yard at Vellmar\nand the ferries to Marrowby Holdings by the end\nof the year, and keep the Dunmore pier.";
        assert_eq!(sentences(abbreviated).len(), 2, "{:?}", sentences(abbreviated));
        // A line ending in a function word goes on however short; an
        // abbreviation before a line in lower case goes on; rows of figures
        // stand apart.
        let cut = "Varian Holdings Inc and\nMarrowby Ferries Ltd said they agreed to merge their two\nferry businesses under one board, in a deal the April U.S.\ncrude slump made cheaper for both of the companies.\nShr loss 4.60 dlrs vs profit 14 cts\nNet loss 67,818,000 vs profit 2,019,000\nThe board said the merger would close in the\nsummer after a vote by shareholders of both\ncompanies at their annual meetings in June.";
        assert_eq!(
            sentences(cut),
            [
                "Varian Holdings Inc and\nMarrowby Ferries Ltd said they agreed to merge their two\nferry businesses under one board, in a deal the April U.S.\ncrude slump made cheaper for both of the companies.",
                "Shr loss 4.60 dlrs vs profit 14 cts",
                "Net loss 67,818,000 vs profit 2,019,000",
                "The board said the merger would close in the\nsummer after a vote by shareholders of both\ncompanies at their annual meetings in June.",
            ]
        );
        // Lines that are paragraphs, and a table's short rows, break.
        let rows = "Shr 18 cts vs 12 cts\nNet 4.5 mln vs 3.2 mln\nRevs 40 mln vs 38 mln\nAvg shrs 25 mln";
        check(rows, &["Shr 18 cts vs 12 cts", "Net 4.5 mln vs 3.2 mln", "Revs 40 mln vs 38 mln", "Avg shrs 25 mln"]);
        let prose = "Ferry strikes pier\nThe Dunmore ferry struck the pier at Vellmar on Monday morning in thick fog.\nNo one was hurt, the harbour master said.\nRepairs begin next week";
        assert_eq!(sentences(prose).len(), 4);
    }
}
