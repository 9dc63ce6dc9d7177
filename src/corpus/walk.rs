//! Finding the articles under a corpus root: the configured globs, minus hidden folders and the
//! build and dependency folders (`target`, `node_modules`) that never hold articles.

use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use crate::config::ArticleFilter;

const SKIPPED_DIRS: &[&str] = &["target", "node_modules"];

/// A path that could not be visited, with the reason.
#[derive(Debug)]
pub struct WalkProblem {
    pub path: PathBuf,
    pub message: String,
}

/// Every article under `root`, sorted by path, and what could not be visited.
pub fn find_articles(root: &Path, filter: &ArticleFilter) -> (Vec<PathBuf>, Vec<WalkProblem>) {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped_dir(e));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                if filter.matches(relative) {
                    articles.push(entry.into_path());
                }
            }
            Ok(_) => {}
            Err(error) => problems.push(WalkProblem {
                path: error.path().unwrap_or(root).to_path_buf(),
                message: error
                    .io_error()
                    .map_or_else(|| error.to_string(), |e| e.to_string()),
            }),
        }
    }
    (articles, problems)
}

fn is_skipped_dir(entry: &DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    entry.file_type().is_dir() && (name.starts_with('.') || SKIPPED_DIRS.contains(&name.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn finds_articles_and_skips_what_is_not_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in [
            "a.txt",
            "b.md",
            "notes.ann",
            "entities.toml",
            "sub/c.txt",
            ".git/d.txt",
            ".hidden/e.txt",
            "target/f.txt",
            "node_modules/g.md",
        ] {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "text").unwrap();
        }
        let (found, problems) = find_articles(root, &Config::default().article_filter());
        let found: Vec<_> = found
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        assert_eq!(found, ["a.txt", "b.md", "sub/c.txt"]);
        assert!(problems.is_empty());
    }
}
