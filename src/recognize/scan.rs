//! One pass over an article's text that runs the date and figure recognizers token by token:
//! at each token, a date is tried first (so "2017" and "Q1 2018" are dates, not counts), then a
//! figure; whatever matches is kept and the pass goes on after it.

use jiff::civil::Date;

use super::dates::Dates;
use super::figures::Figures;
use super::tokens::Tokens;
use crate::article::{Article, Zone};
use crate::mention::{Figure, Mention, Value};

/// Every date, duration and figure in the text, in text order. The date header, front matter
/// and page debris are not part of the story and are skipped.
pub fn dates_and_figures(
    text: &str,
    article: &Article,
    publication_date: Option<Date>,
) -> Vec<Mention> {
    let tokens = Tokens::new(text);
    let dates = Dates {
        tokens: &tokens,
        publication_date,
    };
    let figures = Figures { tokens: &tokens };
    let byte_range = |start: usize, end: usize| {
        let first = tokens.list[start].start;
        let last = tokens.list[end.max(start + 1).min(tokens.len()) - 1].end;
        first..last
    };
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let skipped = matches!(
            article.zone_at(tokens.list[i].start),
            Some(Zone::Meta | Zone::Debris)
        );
        if skipped {
            i += 1;
            continue;
        }
        let hits = dates.at(i);
        if let Some(end) = hits.iter().map(|h| h.end).max() {
            for hit in hits {
                mentions.push(Mention {
                    range: byte_range(hit.start, hit.end),
                    label: hit.label,
                    value: hit.value.map_or(Value::None, Value::Timex),
                    qualifier: None,
                    note: hit.note,
                });
            }
            i = end.max(i + 1);
            continue;
        }
        if let Some(hit) = figures.at(i) {
            mentions.push(Mention {
                range: byte_range(hit.start, hit.end),
                label: hit.label,
                value: Value::Figure(Figure {
                    amount: hit.amount,
                    currency: hit.currency.map(str::to_owned),
                    unit: hit.unit.map(str::to_owned),
                    noun: hit.noun,
                    step: hit.step,
                }),
                qualifier: hit.qualifier,
                note: None,
            });
            i = hit.end.max(i + 1);
            continue;
        }
        i += 1;
    }
    mentions
}
