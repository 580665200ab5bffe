//! Test support shared by dossier's test suites (dev-dependency only).
//!
//! Its scope is the rule for tests that read data from outside the
//! repository: `../shared` (the seed reports and the shared data sets) sits
//! beside the checkout. When it is absent a test skips with a message, so a
//! fresh clone passes on its own; under `CI=true` it must be there and its
//! absence fails the test.
//!
//! ```no_run
//! let Some(seeds) = dossier_testkit::shared("seeds") else { return };
//! assert!(seeds.is_dir());
//! ```

use std::path::{Path, PathBuf};

fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared` beside the repository, or `None` with a message.
///
/// # Panics
///
/// Under `CI=true` when it is absent.
pub fn shared_dir() -> Option<PathBuf> {
    shared("")
}

/// `../shared/<relative>`, or `None` with a message.
///
/// # Panics
///
/// Under `CI=true` when it is absent.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let path = repository_root().join("../shared").join(relative);
    if path.exists() {
        return Some(path);
    }
    assert!(std::env::var("CI").as_deref() != Ok("true"), "CI=true but {} is missing", path.display());
    eprintln!("skipping: {} not found (../shared is not beside the repository)", path.display());
    None
}

/// The example articles shipped in the repository.
pub fn examples() -> PathBuf {
    repository_root().join("examples/news")
}
