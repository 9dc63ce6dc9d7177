//! Loading the command line's inputs: files, folders (walked with their `gloss.toml`) and standard
//! input, analyzed in parallel into a corpus linked with the knowledge base of the first folder
//! (or of the current folder). Inputs that cannot be read are reported on stderr, one line each,
//! and counted.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::analysis::{Analysis, AnalysisOptions};
use crate::config::{Config, CONFIG_FILE};
use crate::corpus::{
    analyze_files, find_articles, kb_check, read_to_string, Corpus, Decoding, KnowledgeBase,
};
use crate::diagnostic::Diagnostic;
use crate::text::{Encoding, LineIndex};

pub struct Inputs {
    pub corpus: Corpus,
    /// The articles in the order they were given (folders sorted by path).
    pub articles: Vec<Arc<Path>>,
    /// How many inputs could not be read.
    pub failures: usize,
}

pub const STDIN: &str = "-";

pub fn load(paths: &[PathBuf], options: AnalysisOptions) -> Inputs {
    let mut failures = 0;
    let mut files = Vec::new();
    let mut config = None;
    let mut root = None;
    let mut stdin_text = None;
    for path in paths {
        if path.as_os_str() == STDIN {
            let mut text = String::new();
            match std::io::stdin().read_to_string(&mut text) {
                Ok(_) => stdin_text = Some(text),
                Err(error) => {
                    eprintln!("gloss: standard input: {error}");
                    failures += 1;
                }
            }
        } else if path.is_dir() {
            let folder_config = config.get_or_insert_with(|| load_config(path));
            root.get_or_insert_with(|| path.clone());
            let (found, problems) = find_articles(path, &folder_config.article_filter());
            for problem in problems {
                eprintln!("gloss: {}: {}", problem.path.display(), problem.message);
                failures += 1;
            }
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            eprintln!("gloss: {}: no such file or directory", path.display());
            failures += 1;
        }
    }
    let root = root.unwrap_or_else(|| PathBuf::from("."));
    let config = config.unwrap_or_else(|| load_config(&root));
    let mut corpus = Corpus::new(config);
    let kb_path = corpus.config().knowledge_base(&root);
    if let Ok(text) = read_to_string(&kb_path) {
        print_problems(&kb_path, &text, &kb_check::check(&text));
        corpus.set_knowledge_base(KnowledgeBase::parse(&text).0);
    }
    let mut articles = Vec::new();
    for (path, result) in analyze_files(&files, options, Decoding::Strict) {
        match result {
            Ok(analysis) => {
                articles.push(analysis.path.clone());
                corpus.insert(Arc::new(analysis));
                corpus.load_sidecar(&path);
            }
            Err(error) => {
                eprintln!("gloss: {}: {error}", path.display());
                failures += 1;
            }
        }
    }
    if let Some(text) = stdin_text {
        let analysis = Analysis::guarded(Arc::from(Path::new(STDIN)), text, options);
        articles.push(analysis.path.clone());
        corpus.insert(Arc::new(analysis));
    }
    Inputs {
        corpus,
        articles,
        failures,
    }
}

/// The folder's `gloss.toml`, its problems reported on stderr like findings.
fn load_config(folder: &Path) -> Config {
    let path = folder.join(CONFIG_FILE);
    let Ok(text) = read_to_string(&path) else {
        return Config::default();
    };
    let (config, problems) = Config::parse(&text);
    print_problems(&path, &text, &problems);
    config
}

/// Problems in a file gloss reads beside the articles, on stderr, like findings.
fn print_problems(path: &Path, text: &str, problems: &[Diagnostic]) {
    let index = LineIndex::new(text);
    for problem in problems {
        let at = index.position(text, problem.range.start, Encoding::Utf32);
        eprintln!(
            "{}:{}:{}: {}[{}]: {}",
            path.display(),
            at.line + 1,
            at.col + 1,
            problem.severity.as_str(),
            problem.code,
            problem.message
        );
    }
}
