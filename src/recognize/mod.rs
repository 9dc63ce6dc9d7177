//! Recognition: finds the entities, dates and figures in an article's text and normalizes them.
//! Each recognizer reads the text and the article's layout and returns mentions; this module
//! puts them together in text order.

mod ascii_runs;
mod dates;
pub mod entities;
mod figures;
mod numbers;
pub mod publication_date;
mod scan;

pub use scan::dates_and_figures;
mod tokens;
mod units;

use jiff::civil::Date;

use crate::article::Article;
use crate::mention::Mention;

/// Every mention in `text`, in text order. `publication_date` anchors relative dates.
pub fn recognize(text: &str, article: &Article, publication_date: Option<Date>) -> Vec<Mention> {
    let mut mentions = scan::dates_and_figures(text, article, publication_date);
    mentions.extend(entities::recognize_entities(text, article));
    mentions.sort_by_key(|m| (m.range.start, m.range.end));
    mentions
}
