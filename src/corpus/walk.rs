//! Finding the articles under a corpus root: the configured globs, minus hidden folders and the
//! build and dependency folders (`target`, `node_modules`) that never hold articles. Links to
//! files are read; links to folders are not followed.

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
            // A link to a file counts as the file; links to folders are not followed, so the
            // walk never loops or leaves the corpus.
            Ok(entry) if entry.file_type().is_file() || is_link_to_file(&entry) => {
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

fn is_link_to_file(entry: &DirEntry) -> bool {
    entry.path_is_symlink() && std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file())
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

    #[cfg(unix)]
    #[test]
    fn links_to_files_are_read_and_links_to_folders_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let (root, elsewhere) = (dir.path().join("corpus"), dir.path().join("elsewhere"));
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("story.txt"), "text").unwrap();
        std::os::unix::fs::symlink(elsewhere.join("story.txt"), root.join("linked.txt")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("folder")).unwrap();
        std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
        let (found, problems) = find_articles(&root, &Config::default().article_filter());
        assert_eq!(found, [root.join("linked.txt")]);
        assert!(problems.is_empty());
    }
}
