//! Reading numbers as news writes them: "1,900", "3.8", "fifty",
//! "twenty-five", "a dozen", "1.2 million", "$11.1bn".

use crate::tokens::Token;

const SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
];

/// The value of a number word or a hyphenated pair ("twenty-five").
pub(crate) fn word_value(word: &str) -> Option<f64> {
    let lower = word.to_ascii_lowercase();
    let single = |w: &str| SMALL.iter().find(|(name, _)| *name == w).map(|(_, v)| *v);
    if let Some((tens, ones)) = lower.split_once('-') {
        let (tens, ones) = (single(tens)?, single(ones)?);
        return (tens >= 20.0 && tens % 10.0 == 0.0 && ones < 10.0).then_some(tens + ones);
    }
    single(&lower)
}

/// Whether a word is a number written out ("nine", "twenty-five",
/// "dozen").
pub fn is_number_word(word: &str) -> bool {
    word_value(word).is_some()
}

/// A multiplier written as a word of its own after a number ("3.8
/// million", "11 bn", "two dozen"); a single letter ("5 m") is a unit, not
/// a multiplier.
pub fn multiplier_word(word: &str) -> Option<f64> {
    if word.eq_ignore_ascii_case("dozen") {
        return Some(12.0);
    }
    multiplier(word).filter(|_| word.len() > 1)
}

/// A multiplier word ("million") or suffix ("bn").
pub(crate) fn multiplier(word: &str) -> Option<f64> {
    match word.to_ascii_lowercase().as_str() {
        "hundred" => Some(1e2),
        "thousand" | "k" => Some(1e3),
        "million" | "m" | "mn" | "mln" => Some(1e6),
        "billion" | "bn" | "b" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

/// A digit token's value, with a glued multiplier ("11.1bn", "3.8m").
pub(crate) fn digits_value(text: &str) -> Option<(f64, bool)> {
    let split = text.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(text.len());
    let (digits, suffix) = text.split_at(split);
    let value: f64 = digits.replace(',', "").parse().ok()?;
    if suffix.is_empty() {
        return Some((value, false));
    }
    multiplier(suffix).map(|m| (value * m, true))
}

/// A number starting at token `i`, in figures or in words ("1.2 million",
/// "two million", "a dozen"): its value and how many tokens it used.
pub fn number_at(tokens: &[Token<'_>], i: usize) -> Option<(f64, usize)> {
    let token = tokens.get(i)?;
    let (mut value, mut used) = if token.is_number() {
        if token.text.contains(':') || token.text.contains('-') {
            return None;
        }
        let (value, glued) = digits_value(token.text)?;
        if glued {
            return Some((value, 1));
        }
        (value, 1)
    } else if token.is_word() {
        // "a dozen"
        if token.is("a") && tokens.get(i + 1).is_some_and(|t| t.is("dozen")) {
            return Some((12.0, 2));
        }
        (word_value(token.text)?, 1)
    } else {
        return None;
    };
    while let Some(next) = tokens.get(i + used) {
        match multiplier_word(next.text).filter(|_| next.is_word()) {
            Some(m) => {
                value *= m;
                used += 1;
            }
            None => break,
        }
    }
    Some((value, used))
}

/// A value as a reader would write it: "1,200,000" up to a million, then
/// "3.8 million", "11.1 billion", "2.5 trillion"; six significant digits,
/// and decimals to two places at least ("10,097.58", "1.2871", "0.0051"),
/// so that a share price or a rate in cents keeps what the source wrote.
/// Noise from reading a value ("2.07 billion" read as
/// 2,069,999,999.9999998, "1.1 cts" as 0.011000000000000001) is rounded
/// away first.
pub fn format_number(value: f64) -> String {
    let decimals = decimals(value);
    let factor = 10f64.powi(decimals as i32);
    let value = (value * factor).round() / factor;
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        let hundredths = value / scale * 100.0;
        if value.abs() >= scale && (hundredths - hundredths.round()).abs() < 1e-6 {
            return format!("{} {word}", trim(value / scale, 2));
        }
    }
    let digits = format!("{}", value.abs().trunc() as u64);
    let mut out = String::new();
    if value < 0.0 {
        out.push('-');
    }
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let fraction = trim(value.abs().fract(), decimals);
    if let Some(decimals) = fraction.strip_prefix('0') {
        out.push_str(decimals);
    }
    out
}

/// The decimals [`format_number`] keeps of a value: six significant digits,
/// at least two decimals and at most ten.
fn decimals(value: f64) -> usize {
    if value == 0.0 || !value.is_finite() {
        return 2;
    }
    let whole_digits = value.abs().log10().floor() as i32 + 1;
    (6 - whole_digits).clamp(2, 10) as usize
}

fn trim(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn check(input: &str, expected: Option<(f64, usize)>) {
        assert_eq!(number_at(&tokenize(input), 0), expected, "{input:?}");
    }

    #[test]
    fn reads_the_forms_news_uses() {
        check("fifty metres", Some((50.0, 1)));
        check("twenty-five people", Some((25.0, 1)));
        check("1.2 million people", Some((1_200_000.0, 2)));
        check("11.1bn", Some((11_100_000_000.0, 1)));
        check("1,900 people", Some((1900.0, 1)));
        check("a dozen boats", Some((12.0, 2)));
        check("two dozen boats", Some((24.0, 2)));
        check("3 dozen boats", Some((36.0, 2)));
        check("7:42 a.m.", None);
        check("many", None);
    }

    #[test]
    fn formats_for_readers() {
        assert_eq!(format_number(1_200_000.0), "1.2 million");
        assert_eq!(format_number(3_800_000.0), "3.8 million");
        assert_eq!(format_number(1900.0), "1,900");
        assert_eq!(format_number(2.5), "2.5");
        assert_eq!(format_number(10_097.58), "10,097.58");
        assert_eq!(format_number(1_084.6), "1,084.6");
        assert_eq!(format_number(-1_500.0), "-1,500");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(2_069_999_999.999_999_8), "2.07 billion");
        // Small values keep their significant digits; noise does not show.
        assert_eq!(format_number(0.0051), "0.0051");
        assert_eq!(format_number(1.2871), "1.2871");
        assert_eq!(format_number(1.1 / 100.0), "0.011");
        assert_eq!(format_number(49.999), "49.999");
        assert_eq!(format_number(3_701.491_2), "3,701.49");
        assert_eq!(format_number(2_500_000_000_000.0), "2.5 trillion");
        assert_eq!(format_number(1_234_567.0), "1,234,567");
        assert_eq!(format_number(11_100_000_000.0), "11.1 billion");
    }
}
