//! Folders, read recursively, one file at a time, in file-name order.
//!
//! Symlinks are followed, so a link to a folder is read like the folder and
//! a symlink loop is detected and reported rather than walked forever. A
//! dangling symlink is reported too; the walk goes on in both cases.
//!
//! Skipped without a diagnostic: hidden files and folders (names starting
//! with `.`), and files named `README*`, `LICENSE*` or `LICENCE*` (any case),
//! which data sets ship beside their articles. A file named on the command
//! line is always read, whatever its name.

use crate::format::read_file;
use crate::json::Stream;
use crate::{Record, SourceError};
use dossier_domain::Origin;
use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// Reads every article file under `root`.
pub(crate) fn read_folder(root: PathBuf, limit: usize) -> Stream {
    let entries = WalkDir::new(&root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
    Box::new(entries.flat_map(move |entry| -> Stream {
        match entry {
            Ok(entry) if is_article_file(&entry) => read_file(entry.path(), Some(path_id(&root, entry.path())), limit),
            Ok(_) => Box::new(std::iter::empty()),
            Err(error) => Box::new(std::iter::once(walk_error(error, &root))),
        }
    }))
}

/// The id of a file found under `root`: its path relative to `root`, without
/// its extension, with `/` between the parts (`business/001`).
pub(crate) fn path_id(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let parts: Vec<_> = relative.components().map(|part| part.as_os_str().to_string_lossy()).collect();
    parts.join("/")
}

fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().starts_with(b".")
}

fn is_article_file(entry: &DirEntry) -> bool {
    if !entry.file_type().is_file() {
        return false;
    }
    let name = entry.file_name().to_string_lossy().to_ascii_uppercase();
    !["README", "LICENSE", "LICENCE"].iter().any(|prefix| name.starts_with(prefix))
}

fn walk_error(error: walkdir::Error, root: &Path) -> Record {
    let path = error.path().unwrap_or(root).to_path_buf();
    let origin = Origin::file(&path);
    if let Some(ancestor) = error.loop_ancestor() {
        let message = format!("symlink loop: it leads back to {}; remove the link", ancestor.display());
        return Record::skipped(origin, SourceError::Walk { message });
    }
    let error = match error.into_io_error() {
        Some(error) if error.kind() == io::ErrorKind::NotFound && is_symlink(&path) => dangling_symlink(),
        Some(error) => SourceError::io(error),
        None => SourceError::Walk { message: "cannot walk this folder".to_owned() },
    };
    Record::skipped(origin, error)
}

pub(crate) fn is_symlink(path: &Path) -> bool {
    path.symlink_metadata().is_ok_and(|metadata| metadata.file_type().is_symlink())
}

pub(crate) fn dangling_symlink() -> SourceError {
    SourceError::Walk { message: "dangling symlink: its target does not exist; fix or remove the link".to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_ids_are_relative_without_extension() {
        let root = Path::new("data/bbc/raw");
        assert_eq!(path_id(root, &root.join("business/001.txt")), "business/001");
        assert_eq!(path_id(root, &root.join("NBA.draft.2.txt")), "NBA.draft.2");
        assert_eq!(path_id(root, &root.join("a.b/c")), "a.b/c");
        assert_eq!(path_id(Path::new("./x"), Path::new("./x/y/ParisAttacks2015 (1).txt")), "y/ParisAttacks2015 (1)");
    }

    #[test]
    fn hidden_names_start_with_a_dot() {
        assert!(is_hidden(OsStr::new(".git")));
        assert!(!is_hidden(OsStr::new("a.txt")));
    }
}
