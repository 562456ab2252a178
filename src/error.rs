//! Errors that stop a run (exit code 2). Problems that do not stop a run are
//! [`crate::source::Warning`]s.

use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("no sources found in {0} (looked for .md, .txt and .markdown files)")]
    NoSources(String),
    #[error("none of the sources in {0} could be read as text")]
    NothingReadable(String),
    /// A claims or config file that does not parse; `message` already holds
    /// the parser's snippet with line and column.
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
    #[error("{0}")]
    Usage(String),
    #[error("cannot write {path}: {message}")]
    Output { path: String, message: String },
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        let source = if source.kind() == std::io::ErrorKind::NotFound {
            std::io::Error::new(source.kind(), "no such file or folder")
        } else {
            source
        };
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
