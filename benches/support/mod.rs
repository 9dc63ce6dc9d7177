//! Shared code of the benchmarks.

pub mod corpus;

use std::path::{Path, PathBuf};

/// The `.txt` articles under `dir`, in path order, with their texts.
pub fn read_articles(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut articles: Vec<(PathBuf, String)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable article");
            (p, text)
        })
        .collect();
    articles.sort();
    articles
}

/// The texts of [`read_articles`].
pub fn read_texts(dir: &Path) -> Vec<String> {
    read_articles(dir)
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}
