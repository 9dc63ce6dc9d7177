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
    let tokens = scan::tokenize(text, article);
    let mut dates_and_figures = scan::scan(&tokens, article, publication_date);
    dates_and_figures.sort_by_key(text_order);
    merge_in_text_order(
        dates_and_figures,
        entities::recognize_entities_along(text, article, Some(&tokens)),
    )
}

fn text_order(mention: &Mention) -> (usize, usize) {
    (mention.range.start, mention.range.end)
}

/// Two lists of mentions, each in text order, as one; where two mentions have the same range,
/// the first list's comes first. Entities outnumber dates and figures: merging spares sorting
/// them again.
fn merge_in_text_order(first: Vec<Mention>, second: Vec<Mention>) -> Vec<Mention> {
    let mut merged = Vec::with_capacity(first.len() + second.len());
    let mut second = second.into_iter().peekable();
    for mention in first {
        while let Some(earlier) = second.next_if(|s| text_order(s) < text_order(&mention)) {
            merged.push(earlier);
        }
        merged.push(mention);
    }
    merged.extend(second);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::{Label, Value};

    fn mention(range: std::ops::Range<usize>, label: Label) -> Mention {
        Mention {
            range,
            label,
            value: Value::None,
            qualifier: None,
        }
    }

    /// Merging gives what sorting both lists together did: text order, and on the same range
    /// the date or figure before the entity.
    #[test]
    fn merging_keeps_text_order_and_puts_the_first_list_first_on_a_tie() {
        let first = vec![
            mention(0..4, Label::Date),
            mention(10..12, Label::Money),
            mention(10..14, Label::Money),
            mention(30..34, Label::Date),
        ];
        let second = vec![
            mention(2..8, Label::Per),
            mention(10..12, Label::Org),
            mention(20..25, Label::Loc),
            mention(40..44, Label::Misc),
        ];
        let mut sorted = first.clone();
        sorted.extend(second.clone());
        sorted.sort_by_key(text_order);
        let merged = merge_in_text_order(first, second);
        let labels = |mentions: &[Mention]| mentions.iter().map(|m| m.label).collect::<Vec<_>>();
        assert_eq!(labels(&merged), labels(&sorted));
        assert_eq!(
            labels(&merged),
            [
                Label::Date,
                Label::Per,
                Label::Money,
                Label::Org,
                Label::Money,
                Label::Loc,
                Label::Date,
                Label::Misc
            ]
        );
    }
}
