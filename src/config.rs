//! The user's configuration file, `crosscheck.toml`: found in the current
//! folder or given with `--config`.
//!
//! ```toml
//! cache = ".crosscheck-cache"
//!
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
    /// The extraction cache's folder, as `--cache` takes it. Relative to
    /// the configuration file's folder once loaded.
    #[serde(default)]
    pub cache: Option<PathBuf>,
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
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let parse_error = |message: String| Error::Parse {
            path: path.display().to_string(),
            message,
        };
        let text = crate::source::decode(bytes).map_err(parse_error)?;
        let mut config: Config = toml::from_str(&text).map_err(|e| parse_error(e.to_string()))?;
        if let Some(dir) = &config.cache {
            if dir.as_os_str().is_empty() {
                return Err(parse_error("`cache` is an empty path".into()));
            }
            // A file found in the current folder or given with --config
            // names its cache from where it stands, not from where
            // crosscheck runs.
            config.cache = Some(path.parent().unwrap_or(Path::new("")).join(dir));
        }
        config.check_speakers().map_err(parse_error)?;
        Ok(config)
    }

    /// Every name in `[speakers]` holds a letter or digit, and no name
    /// (compared as the table compares them: case, titles and "the" aside)
    /// is given to two speakers: the table would keep one of the two
    /// without a word.
    fn check_speakers(&self) -> Result<(), String> {
        let mut owner: BTreeMap<String, &str> = BTreeMap::new();
        for (canonical, aliases) in &self.speakers {
            for name in std::iter::once(canonical).chain(aliases) {
                if crate::text::says_nothing(name) {
                    return Err(format!(
                        "[speakers]: {name:?} names no one (a name or alias needs a letter or digit)"
                    ));
                }
                let key = crate::speakers::alias_key(name);
                if let Some(other) = owner.insert(key, canonical)
                    && other != canonical
                {
                    return Err(format!(
                        "[speakers]: {name:?} is given to both {other:?} and {canonical:?}"
                    ));
                }
            }
        }
        Ok(())
    }

    pub fn speaker_table(&self) -> SpeakerTable {
        SpeakerTable::from_config(&self.speakers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> (tempfile::TempDir, Result<Config, Error>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("desk.toml");
        std::fs::write(&path, text).expect("write");
        let config = Config::load(Some(&path));
        (dir, config)
    }

    #[test]
    fn a_relative_cache_stands_beside_the_file() {
        let (dir, config) = load_text("cache = \"cache/archive\"\n");
        let config = config.expect("loads");
        assert_eq!(config.cache, Some(dir.path().join("cache/archive")));
        assert!(config.speakers.is_empty());
    }

    #[test]
    fn an_absolute_cache_is_kept() {
        let (_dir, config) = load_text("cache = \"/var/cache/desk\"\n");
        assert_eq!(
            config.expect("loads").cache,
            Some(PathBuf::from("/var/cache/desk"))
        );
    }

    #[test]
    fn no_cache_key_means_no_cache() {
        let (_dir, config) = load_text("[speakers]\n\"Xi Jinping\" = [\"the Chinese leader\"]\n");
        let config = config.expect("loads");
        assert_eq!(config.cache, None);
        assert_eq!(config.speakers.len(), 1);
    }

    #[test]
    fn a_name_given_again_to_its_own_speaker_is_no_error() {
        let (_dir, config) = load_text(
            "[speakers]\n\"Xi Jinping\" = [\"Xi Jinping\", \"President Xi\", \"the Chinese leader\"]\n",
        );
        assert_eq!(config.expect("loads").speakers["Xi Jinping"].len(), 3);
    }

    #[test]
    fn an_empty_or_mistyped_key_is_an_error() {
        for (text, says) in [
            ("cache = \"\"\n", "empty path"),
            ("cache = 3\n", "invalid type"),
            ("caches = \"x\"\n", "unknown field"),
            ("[speakers]\n\"Xi Jinping\" = [\"\"]\n", "names no one"),
            ("[speakers]\n\" \" = [\"Xi\"]\n", "names no one"),
            ("[speakers]\n\"Xi Jinping\" = [\"“”\"]\n", "names no one"),
            (
                "[speakers]\n\"Xi Jinping\" = [\"Xi\"]\n\"Xi Mingze\" = [\"Xi\"]\n",
                "\"Xi\" is given to both \"Xi Jinping\" and \"Xi Mingze\"",
            ),
            (
                "[speakers]\n\"Joe Biden\" = [\"the President\"]\n\"Donald Trump\" = [\"President\"]\n",
                "given to both",
            ),
            (
                "[speakers]\n\"Xi Jinping\" = []\n\"XI JINPING\" = []\n",
                "given to both",
            ),
        ] {
            let (_dir, config) = load_text(text);
            match config {
                Err(Error::Parse { path, message }) => {
                    assert!(path.ends_with("desk.toml"), "{path}");
                    assert!(message.contains(says), "{text:?}: {message}");
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }
}
