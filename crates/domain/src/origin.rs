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
}

impl Origin {
    /// A whole file.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Self { path: Some(path.into()), line: None }
    }

    /// Standard input.
    pub fn stdin() -> Self {
        Self { path: None, line: None }
    }

    /// The same file at a given 1-based line.
    pub fn at_line(&self, line: u64) -> Self {
        Self { path: self.path.clone(), line: Some(line) }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}", path.display())?,
            None => f.write_str("<stdin>")?,
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
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
    }
}
