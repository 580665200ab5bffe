//! Where a record came from: a file (and line), or standard input.
//!
//! Every diagnostic and every stored article carries its origin, so that an
//! operator can find the record that a message talks about.

use std::fmt;
use std::path::PathBuf;

/// The place a record was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// The 1-based line (JSONL, CSV) or element index (JSON arrays), when the
    /// file holds several records.
    pub line: Option<u64>,
    /// Whether `line` counts the elements of a JSON array, not lines.
    pub element: bool,
}

impl Origin {
    /// A whole file.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Self { path: Some(path.into()), line: None, element: false }
    }

    /// Standard input.
    pub fn stdin() -> Self {
        Self { path: None, line: None, element: false }
    }

    /// The same file at a given 1-based line.
    pub fn at_line(&self, line: u64) -> Self {
        Self { path: self.path.clone(), line: Some(line), element: false }
    }

    /// The same file at the given 1-based element of its JSON array: a
    /// record that may span many lines, or share one with others.
    pub fn at_element(&self, element: u64) -> Self {
        Self { path: self.path.clone(), line: Some(element), element: true }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}", path.display())?,
            None => f.write_str("<stdin>")?,
        }
        match self.line {
            Some(element) if self.element => write!(f, " (record {element})")?,
            Some(line) => write!(f, ":{line}")?,
            None => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_file_and_line() {
        assert_eq!(Origin::file("a/b.jsonl").at_line(4).to_string(), "a/b.jsonl:4");
        assert_eq!(Origin::stdin().to_string(), "<stdin>");
        assert_eq!(Origin::stdin().at_line(2).to_string(), "<stdin>:2");
        assert_eq!(Origin::file("a.json").at_element(3).to_string(), "a.json (record 3)");
    }
}
