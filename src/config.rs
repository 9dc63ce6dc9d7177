//! `gloss.toml`, the optional configuration at the corpus root: which files are articles, where the
//! knowledge base is, and how loud each check is. Every field has a default, so no file is needed.
//! A file that cannot be read as a whole gives a diagnostic at the offending line and the defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Severity};

pub const CONFIG_FILE: &str = "gloss.toml";
/// The diagnostic code for problems in `gloss.toml`.
pub const CONFIG: &str = "config";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    pub corpus: CorpusConfig,
    /// Per-check level, by check code.
    pub checks: BTreeMap<String, Level>,
    /// Measure synonyms: `trade = ["trade turnover", "bilateral trade"]` reads all three as one
    /// measure.
    pub measures: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct CorpusConfig {
    /// Globs, relative to the root, of the files that are articles.
    pub include: Vec<String>,
    /// Globs of files to leave out even when they match `include`.
    pub exclude: Vec<String>,
    /// The knowledge base, relative to the root.
    pub knowledge_base: PathBuf,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        CorpusConfig {
            include: vec!["**/*.txt".into(), "**/*.md".into()],
            exclude: Vec::new(),
            knowledge_base: PathBuf::from("entities.toml"),
        }
    }
}

/// How loud a check is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Hint,
    Info,
    Warning,
    Error,
}

impl Level {
    fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Hint => Some(Severity::Hint),
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// Which files of a corpus are articles, compiled from the configuration's globs.
#[derive(Debug, Clone)]
pub struct ArticleFilter {
    include: GlobSet,
    exclude: GlobSet,
}

impl ArticleFilter {
    /// Whether a path relative to the corpus root names an article.
    pub fn matches(&self, relative: &Path) -> bool {
        self.include.is_match(relative) && !self.exclude.is_match(relative)
    }
}

impl Config {
    /// Reads `gloss.toml` text. On error the defaults apply and the error becomes a diagnostic.
    pub fn parse(text: &str) -> (Config, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let config = match toml::from_str::<Config>(text) {
            Ok(config) => config,
            Err(error) => {
                let range = error.span().unwrap_or(0..0);
                problems.push(Diagnostic::new(
                    range,
                    Severity::Error,
                    CONFIG,
                    format!("{}; using the defaults", error.message()),
                ));
                return (Config::default(), problems);
            }
        };
        let filter = config.article_filter_checked();
        if let Err(message) = filter {
            problems.push(Diagnostic::new(0..0, Severity::Error, CONFIG, message));
            return (Config::default(), problems);
        }
        (config, problems)
    }

    pub fn article_filter(&self) -> ArticleFilter {
        self.article_filter_checked()
            .unwrap_or_else(|_| Config::default().article_filter())
    }

    fn article_filter_checked(&self) -> Result<ArticleFilter, String> {
        Ok(ArticleFilter {
            include: glob_set(&self.corpus.include)?,
            exclude: glob_set(&self.corpus.exclude)?,
        })
    }

    /// The knowledge base path for a corpus at `root`.
    pub fn knowledge_base(&self, root: &Path) -> PathBuf {
        root.join(&self.corpus.knowledge_base)
    }

    /// Applies the configured level of each check: drops what is off, re-levels the rest.
    pub fn apply_levels(&self, diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
        diagnostics
            .iter()
            .filter_map(|d| match self.checks.get(d.code) {
                None => Some(d.clone()),
                Some(level) => level.severity().map(|severity| Diagnostic {
                    severity,
                    ..d.clone()
                }),
            })
            .collect()
    }
}

fn glob_set(globs: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        let glob = Glob::new(glob).map_err(|e| format!("corpus glob `{glob}`: {e}"))?;
        builder.add(glob);
    }
    builder.build().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_file_means_defaults() {
        let (config, problems) = Config::parse("");
        assert!(problems.is_empty());
        let filter = config.article_filter();
        assert!(filter.matches(Path::new("a.txt")));
        assert!(filter.matches(Path::new("deep/down/b.md")));
        assert!(!filter.matches(Path::new("a.ann")));
    }

    #[test]
    fn globs_and_levels_are_read() {
        let text = "[corpus]\ninclude = [\"news/**/*.txt\"]\nexclude = [\"news/drafts/**\"]\n\n[checks]\npublication-date = \"off\"\nshare = \"error\"\n";
        let (config, problems) = Config::parse(text);
        assert!(problems.is_empty(), "{problems:?}");
        let filter = config.article_filter();
        assert!(filter.matches(Path::new("news/a.txt")));
        assert!(!filter.matches(Path::new("news/drafts/a.txt")));
        assert!(!filter.matches(Path::new("other/a.txt")));
        let found = [
            Diagnostic::new(0..1, Severity::Info, "publication-date", "x"),
            Diagnostic::new(0..1, Severity::Warning, "share", "y"),
            Diagnostic::new(0..1, Severity::Warning, "weekday", "z"),
        ];
        let levelled: Vec<_> = config
            .apply_levels(&found)
            .into_iter()
            .map(|d| (d.code, d.severity))
            .collect();
        assert_eq!(
            levelled,
            [("share", Severity::Error), ("weekday", Severity::Warning)]
        );
    }

    #[test]
    fn a_bad_file_points_at_the_problem_and_keeps_the_defaults() {
        let text = "[corpus]\ninclude = [\"*.txt\"]\n[checks]\nshare = \"loud\"\n";
        let (config, problems) = Config::parse(text);
        assert_eq!(problems.len(), 1);
        assert_eq!(&text[problems[0].range.clone()], "\"loud\"");
        assert!(
            problems[0].message.contains("loud"),
            "{}",
            problems[0].message
        );
        assert_eq!(config.corpus.include, CorpusConfig::default().include);
    }

    #[test]
    fn unknown_keys_are_reported() {
        let (_, problems) = Config::parse("[corpus]\nincludes = [\"*.txt\"]\n");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("includes"),
            "{}",
            problems[0].message
        );
    }
}
