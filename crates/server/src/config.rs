//! Server configuration in two layers: the raw file (TOML, every field
//! optional, unknown fields refused) and the runtime [`ServerConfig`] it is
//! validated into. Precedence is flag > environment > file > default.

use crate::ServerError;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The address `dossier serve` listens on by default: loopback only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
/// The largest request body accepted by default.
pub const DEFAULT_MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

/// `dossier.toml` (or whatever `--config` names), as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// The address to listen on, e.g. `127.0.0.1:8080`.
    pub addr: Option<String>,
    /// The bearer token that write endpoints (`POST /api/articles`) require.
    /// `DOSSIER_TOKEN` overrides it. Without any token, writes are refused.
    pub token: Option<String>,
    /// Whether reading (the API's GETs, the web UI, metrics) is open to
    /// anyone (the default) or needs the token too.
    pub public_reads: Option<bool>,
    /// The largest request body accepted, in bytes (default 8 MiB).
    pub max_body_bytes: Option<usize>,
    /// Read connections to the store (default 8).
    pub readers: Option<usize>,
}

impl RawConfig {
    /// Reads a config file.
    pub fn read(path: &Path) -> Result<Self, ServerError> {
        let text = std::fs::read_to_string(path)
            .map_err(|source| ServerError::ConfigRead { path: path.to_owned(), source })?;
        toml::from_str(&text).map_err(|source| ServerError::ConfigParse { path: path.to_owned(), source })
    }
}

/// What the command line and the environment say; they win over the file.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub addr: Option<String>,
    /// From `DOSSIER_TOKEN`.
    pub token: Option<String>,
}

/// A token, kept only as its SHA-256 digest, compared in constant time.
#[derive(Clone)]
pub struct Token([u8; 32]);

impl Token {
    pub fn new(secret: &str) -> Self {
        Self(Sha256::digest(secret.as_bytes()).into())
    }

    /// Whether `given` is the token. Both sides are hashed to the same
    /// length first, so neither the length nor the content of the secret
    /// leaks through timing.
    pub fn matches(&self, given: &str) -> bool {
        use subtle::ConstantTimeEq;
        let given: [u8; 32] = Sha256::digest(given.as_bytes()).into();
        self.0.ct_eq(&given).into()
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(…)")
    }
}

/// The validated configuration the server runs with.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub db: PathBuf,
    pub addr: SocketAddr,
    pub token: Option<Token>,
    pub public_reads: bool,
    pub max_body_bytes: usize,
    pub readers: usize,
}

impl ServerConfig {
    /// Layers `overrides` over `file` over the defaults, and validates.
    pub fn resolve(db: PathBuf, file: RawConfig, overrides: Overrides) -> Result<Self, ServerError> {
        let addr_text = overrides.addr.or(file.addr).unwrap_or_else(|| DEFAULT_ADDR.to_owned());
        let addr = addr_text.parse().map_err(|_| ServerError::Address { addr: addr_text.clone() })?;
        let token = overrides.token.or(file.token).filter(|token| !token.is_empty());
        if let Some(token) = &token {
            if token.len() < 16 {
                return Err(ServerError::WeakToken);
            }
        }
        let public_reads = file.public_reads.unwrap_or(true);
        if !public_reads && token.is_none() {
            return Err(ServerError::ClosedWithoutToken);
        }
        Ok(Self {
            db,
            addr,
            token: token.as_deref().map(Token::new),
            public_reads,
            max_body_bytes: file.max_body_bytes.unwrap_or(DEFAULT_MAX_BODY_BYTES).max(1024),
            readers: file.readers.unwrap_or(8).clamp(1, 256),
        })
    }

    /// Defaults for `db`, listening on `addr`, with an optional token.
    pub fn new(db: PathBuf, addr: SocketAddr, token: Option<&str>) -> Self {
        Self {
            db,
            addr,
            token: token.map(Token::new),
            public_reads: true,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            readers: 8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_and_environment_win_over_the_file() {
        let file: RawConfig = toml::from_str("addr = \"127.0.0.1:9000\"\ntoken = \"file-token-0123456789\"\n").unwrap();
        let overrides = Overrides { addr: Some("127.0.0.1:9100".into()), token: Some("env-token-0123456789".into()) };
        let config = ServerConfig::resolve("d.db".into(), file, overrides).unwrap();
        assert_eq!(config.addr.port(), 9100);
        let token = config.token.unwrap();
        assert!(token.matches("env-token-0123456789") && !token.matches("file-token-0123456789"));
    }

    #[test]
    fn the_file_refuses_unknown_fields_and_short_tokens() {
        assert!(toml::from_str::<RawConfig>("tokn = \"x\"").is_err());
        let short = RawConfig { token: Some("short".into()), ..RawConfig::default() };
        assert!(matches!(
            ServerConfig::resolve("d.db".into(), short, Overrides::default()),
            Err(ServerError::WeakToken)
        ));
        let closed = RawConfig { public_reads: Some(false), ..RawConfig::default() };
        assert!(ServerConfig::resolve("d.db".into(), closed, Overrides::default()).is_err());
    }

    #[test]
    fn tokens_match_only_themselves() {
        let token = Token::new("a-long-enough-secret");
        assert!(token.matches("a-long-enough-secret"));
        assert!(!token.matches("a-long-enough-secreT"));
        assert!(!token.matches(""));
    }
}
