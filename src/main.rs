//! The `gloss` binary: the language server or a command-line command.

use std::process::ExitCode;

use clap::Parser;
use gloss::cli::{self, Cli, Command};
use tracing_subscriber::EnvFilter;

fn main() -> ExitCode {
    // Logs go to stderr: in server mode stdout carries the protocol.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            EnvFilter::try_from_env("GLOSS_LOG").unwrap_or_else(|_| EnvFilter::new("warn")),
        )
        .with_ansi(false)
        .init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Lsp { .. }) => serve(),
        None if cli.stdio => serve(),
        Some(command) => cli::run(command),
        None => {
            use clap::CommandFactory;
            let _ = Cli::command().print_help();
            ExitCode::from(2)
        }
    }
}

fn serve() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("gloss: cannot start the language server: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(gloss::server::run_stdio());
    // The thread reading stdin blocks until the client closes it; do not wait for it.
    runtime.shutdown_background();
    ExitCode::SUCCESS
}
