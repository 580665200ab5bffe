//! What the long-running commands (`ingest`, `dedup`) tell the user: the
//! progress line on a terminal while they run, and pieces of their summary.

use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeMap;
use std::io::IsTerminal;

/// `0`, or the total and each reason: `3 (binary: 1, malformed-json: 2)`.
pub fn skipped_by_reason(skipped: &BTreeMap<&'static str, u64>) -> String {
    if skipped.is_empty() {
        return "0".to_owned();
    }
    let reasons: Vec<String> = skipped.iter().map(|(reason, n)| format!("{reason}: {n}")).collect();
    format!("{} ({})", skipped.values().sum::<u64>(), reasons.join(", "))
}

/// A spinner with elapsed time and a message, when stderr is a terminal.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    pub fn on_terminal() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        });
        Self { bar }
    }

    /// Prints a line above the spinner (or plainly to stderr).
    pub fn say(&self, line: String) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    pub fn set_message(&self, message: String) {
        if let Some(bar) = &self.bar {
            bar.set_message(message);
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
