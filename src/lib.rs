//! gloss: recognizes the people, organizations, places, dates and figures in a folder of news
//! articles, links them across the corpus, and flags figures and dates that do not add up.
//!
//! This crate is the analysis library; it knows nothing of the Language Server Protocol. The
//! `gloss` binary puts a command line ([`cli`]) and a language server ([`server`]) over it.

pub mod analysis;
pub mod article;
pub mod checks;
pub mod claims;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod describe;
pub mod diagnostic;
pub mod mention;
pub mod recognize;
pub mod server;
pub mod text;
