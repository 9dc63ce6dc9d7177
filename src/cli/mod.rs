//! The command line: `gloss lsp | check | extract | entities | export`, a thin layer over the analysis
//! library. Errors a user can meet are one clear line on stderr and a non-zero exit.

mod check;
mod entities;
mod export;
mod extract;
mod input;
mod location;
mod sarif;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;

#[derive(Debug, Parser)]
#[command(
    name = "gloss",
    version,
    about = "Entities, dates and figures across a folder of news articles, and the figures that do not add up",
    after_help = "Run `gloss check seeds` to see the findings for the example articles."
)]
pub struct Cli {
    /// Run the language server on stdin and stdout (what editors pass).
    #[arg(long)]
    pub stdio: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the language server on stdin and stdout.
    Lsp {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
    },
    /// Print the findings for articles and folders of articles, like a compiler.
    Check {
        /// Articles or folders (default: the current folder).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
        /// Exit with status 1 when findings of this severity or worse are found.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
    },
    /// Print every recognized mention as JSON Lines.
    Extract {
        /// Articles or folders, or `-` for standard input (default: the current folder).
        paths: Vec<PathBuf>,
        /// Publication date for articles that state none, as YYYY-MM-DD.
        #[arg(long)]
        date: Option<Date>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Jsonl)]
        format: ExtractFormat,
    },
    /// Print the entities with how often and where they are mentioned.
    Entities {
        /// Articles or folders (default: the current folder).
        paths: Vec<PathBuf>,
    },
    /// Write the articles with their mentions and annotations for other tools.
    Export {
        /// Articles or folders (default: the current folder).
        paths: Vec<PathBuf>,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The folder to write into; articles are never overwritten.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// `.txt` and `.ann` pairs in brat standoff format, with an `annotation.conf`.
    Brat,
    /// `corpus.jsonl`: one line per article with its text and spans (spaCy, Prodigy).
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// `path:line:col: severity[code]: message`, with related places below.
    Human,
    /// One JSON object per finding and line.
    Json,
    /// A SARIF 2.1.0 log.
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
    Errors,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Jsonl,
}

/// Exit status for inputs that could not be read.
const INPUT_ERROR: u8 = 2;

/// Runs a command other than the language server.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Lsp { .. } => unreachable!("the language server is started by main"),
        Command::Check {
            paths,
            format,
            deny,
        } => check::run(&paths, format, deny),
        Command::Extract { paths, date, .. } => extract::run(&paths, date),
        Command::Entities { paths } => entities::run(&paths),
        Command::Export { paths, format, out } => export::run(&paths, format, &out),
    };
    match result {
        Ok(code) => code,
        // A reader that stops early (`gloss extract | head`) is not an error.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gloss: {error:#}");
            ExitCode::from(INPUT_ERROR)
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

fn paths_or_current(paths: &[PathBuf]) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    }
}
