//! The publication date of an article that states none: the dateline's day and month, with the
//! year inferred from what the story says — the latest year it reports as past ("In
//! January-February 2018, it surged"), or a dated event plus the time since ("signed in 1996 …
//! over the past 27 years"). The reasoning is kept for the hover.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::dates::is_future_cue;
use super::scan::dates_and_figures;
use crate::article::Article;
use crate::mention::Label;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InferredDate {
    pub date: Date,
    /// How the date was inferred, in a sentence for the hover.
    pub reasoning: String,
}

static YEAR_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})(?:-(\d{2}|Q\d|H\d))?").expect("valid pattern"));
static LAST_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})(?:-(\d{2}|Q\d|H\d))?(?:-\d{2})?$").expect("valid pattern")
});
static ELAPSED_YEARS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^P(\d{1,3})Y$").expect("valid pattern"));

/// The month in which a TIMEX3 period ends: `2018-02` → 2, `2018-Q1` → 3; 0 for a whole year,
/// which a story may report as past while it is still under way.
fn last_month(period: Option<&str>) -> i8 {
    match period {
        Some(p) if p.starts_with('Q') => p[1..].parse::<i8>().map_or(0, |q| q * 3),
        Some(p) if p.starts_with('H') => p[1..].parse::<i8>().map_or(0, |h| h * 6),
        Some(p) => p.parse().unwrap_or(0),
        None => 0,
    }
}

/// Infers the publication date from the dateline and the text, when the dateline gives a day
/// and month.
pub fn infer(text: &str, article: &Article) -> Option<InferredDate> {
    let dateline = article.dateline.as_ref()?;
    let (month, day) = dateline.month_day?;
    let written = dateline.date.clone().map_or("", |r| &text[r]);
    if let Some(year) = dateline.year {
        let date = Date::new(year, month, day).ok()?;
        return Some(InferredDate {
            date,
            reasoning: format!("from the dateline \"{written}\""),
        });
    }
    let mentions = dates_and_figures(text, article, None);
    let sentence_of = |offset: usize| {
        let i = article.sentences.partition_point(|s| s.end <= offset);
        article.sentences.get(i).filter(|s| s.start <= offset)
    };
    let speaks_of_future = |offset: usize| {
        sentence_of(offset).is_some_and(|s| {
            text[s.clone()]
                .split(|c: char| !c.is_alphabetic())
                .any(|w| is_future_cue(&w.to_lowercase()))
        })
    };
    // The latest period the story reports in the past: the article comes after its end.
    let mut latest: Option<(i16, i8, String)> = None;
    for m in &mentions {
        let Some(value) = m.value.timex_value() else {
            continue;
        };
        if m.label != Label::Date || speaks_of_future(m.range.start) {
            continue;
        }
        let Some(caps) = LAST_YEAR.captures(value) else {
            continue;
        };
        // Only periods the story writes with their year, not those it resolved itself.
        if !YEAR_PREFIX.is_match(value) || !text[m.range.clone()].contains(&caps[1]) {
            continue;
        }
        let Ok(year) = caps[1].parse::<i16>() else {
            continue;
        };
        let ends = last_month(caps.get(2).map(|p| p.as_str()));
        if !latest.as_ref().is_some_and(|l| (year, ends) <= (l.0, l.1)) {
            latest = Some((year, ends, text[m.range.clone()].to_owned()));
        }
    }
    let mut year_and_why = latest.map(|(year, ends, said)| {
        let year = if ends > month { year + 1 } else { year };
        (
            year,
            format!("the latest period the story reports as past is \"{said}\""),
        )
    });
    // "signed in 1996 … over the past 27 years": the year of the event plus the years since.
    for (k, m) in mentions.iter().enumerate() {
        let Some(value) = m.value.timex_value() else {
            continue;
        };
        let Some(years) = ELAPSED_YEARS
            .captures(value)
            .and_then(|c| c[1].parse::<i16>().ok())
        else {
            continue;
        };
        // Only time counted up to now: "over the past 27 years", "for the last 27 years".
        let said = &text[m.range.clone()];
        let before = &text[..m.range.start];
        let near = |word: &str| before.rfind(word).is_some_and(|p| p + 40 > m.range.start);
        let context =
            said.contains("past") || said.contains("last") || near("past") || near("since");
        let event = mentions[..k]
            .iter()
            .rev()
            .take(3)
            .find_map(|e| match e.value.timex_value() {
                Some(v) if e.label == Label::Date && v.len() == 4 => {
                    v.parse::<i16>().ok().map(|y| (y, &text[e.range.clone()]))
                }
                _ => None,
            });
        if let (true, Some((event_year, said))) = (context, event) {
            let year = event_year + years;
            if !year_and_why.as_ref().is_some_and(|(y, _)| year <= *y) {
                year_and_why = Some((
                    year,
                    format!(
                        "the story dates an event to {said} and counts \"{}\" since",
                        &text[m.range.clone()]
                    ),
                ));
            }
        }
    }
    let (year, why) = year_and_why?;
    let date = Date::new(year, month, day).ok()?;
    Some(InferredDate {
        date,
        reasoning: format!("day and month from the dateline \"{written}\"; year {year}: {why}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    fn inferred(text: &str) -> Option<String> {
        let article = Article::parse(text, Format::Text);
        infer(text, &article).map(|i| i.date.to_string())
    }

    #[test]
    fn year_from_the_latest_past_period() {
        let text = "MOSCOW, 11 May (BelTA) – The leaders will meet on 14 May.\n\
            In 2017 trade rose. In January-February 2018, it surged. The launch is scheduled for 2019.";
        assert_eq!(inferred(text).as_deref(), Some("2018-05-11"));
    }

    #[test]
    fn a_past_period_after_the_dateline_day_means_the_next_year() {
        let text = "MOSCOW, 11 February (BelTA) – In December 2017 exports grew.";
        assert_eq!(inferred(text).as_deref(), Some("2018-02-11"));
    }

    #[test]
    fn year_from_an_event_and_the_time_since() {
        let text = "MOSCOW, June 2 (Xinhua) – The treaty was signed in 1996. \
            Trade has grown over the past 27 years.";
        assert_eq!(inferred(text).as_deref(), Some("2023-06-02"));
    }

    #[test]
    fn nothing_to_infer_without_a_dateline_date() {
        assert_eq!(inferred("MOSCOW — In 2017 trade rose."), None);
        assert_eq!(inferred("MOSCOW, 11 May (BelTA) – Trade rose."), None);
    }
}
