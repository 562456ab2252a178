//! The user's configuration file, `crosscheck.toml`: found in the current
//! folder or given with `--config`.
//!
//! ```toml
//! [speakers]
//! "Vladimir Putin" = ["the Russian president", "the Kremlin leader"]
//! "Xi Jinping" = ["the Chinese leader"]
//! ```

use crate::error::Error;
use crate::speakers::SpeakerTable;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "crosscheck.toml";

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Canonical speaker name to the other names it goes by.
    #[serde(default)]
    pub speakers: BTreeMap<String, Vec<String>>,
}

impl Config {
    /// Loads `path` if given (it must exist), else `crosscheck.toml` in the
    /// current folder if present, else the defaults.
    pub fn load(path: Option<&Path>) -> Result<Config, Error> {
        let (path, required) = match path {
            Some(p) => (p.to_path_buf(), true),
            None => (PathBuf::from(CONFIG_FILE), false),
        };
        if !required && !path.exists() {
            return Ok(Config::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        toml::from_str(&text).map_err(|e| Error::Parse {
            path: path.display().to_string(),
            message: e.to_string(),
        })
    }

    pub fn speaker_table(&self) -> SpeakerTable {
        SpeakerTable::from_config(&self.speakers)
    }
}
