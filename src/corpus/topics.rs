//! Claims indexed by topic (measure, subject, period), kept up to date as articles change, and the
//! findings that compare them, worked out per topic when first asked for and kept until a change
//! touches the topic. An edit re-checks only the topics its article's claims are in (and the same
//! topics a year later, whose stated changes compare with them), not the whole corpus.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use compact_str::CompactString;

use crate::analysis::Analysis;
use crate::checks::check_topic;
use crate::checks::reports::{topic_of, Report, Topic};
use crate::config::Config;
use crate::corpus::names::path_order;
use crate::corpus::FindingsByArticle;
use crate::diagnostic::Diagnostic;

/// A topic with its own strings, to be kept across changes.
type TopicKey = (String, Vec<CompactString>, String);

/// A topic as the index keeps it: shared by every list that names it, since an article's list
/// of topics would otherwise hold a copy of each.
type OwnedTopic = Arc<TopicKey>;

/// A topic's findings, by the article they are on.
type Findings = FindingsByArticle;

#[derive(Debug, Clone, Default)]
pub struct Topics {
    /// The claims of each topic: the article and the claim's index in its analysis, in article
    /// path order.
    members: HashMap<OwnedTopic, Vec<(Arc<Analysis>, usize)>>,
    /// The topics each article has claims in.
    of_article: HashMap<Arc<Path>, Vec<OwnedTopic>>,
    /// Each topic's findings, worked out on first use.
    findings: HashMap<OwnedTopic, Arc<OnceLock<Findings>>>,
    /// Topics whose findings may have changed since they were last taken: their articles'
    /// findings may have too.
    affected_topics: HashSet<OwnedTopic>,
    /// Articles whose findings may have changed since they were last taken, besides those of the
    /// affected topics: the articles that changed.
    affected: Vec<Arc<Path>>,
}

fn owned((measure, subject, period): Topic) -> TopicKey {
    (measure.into_owned(), subject.to_vec(), period.into_owned())
}

fn shifted(topic: &TopicKey, years: i32) -> Option<TopicKey> {
    let parts: Option<Vec<String>> = topic
        .2
        .split('/')
        .map(|part| {
            let year: i32 = part.get(..4)?.parse().ok()?;
            Some(format!("{}{}", year + years, &part[4..]))
        })
        .collect();
    Some((topic.0.clone(), topic.1.clone(), parts?.join("/")))
}

impl Topics {
    /// Replaces the claims of the article at `path` with those of `analysis` (none when the
    /// article is gone), and forgets the findings of every topic this touches.
    pub fn update(&mut self, path: &Arc<Path>, analysis: Option<&Arc<Analysis>>, config: &Config) {
        let old = self.of_article.remove(path).unwrap_or_default();
        for topic in &old {
            if let Some(members) = self.members.get_mut(topic) {
                members.retain(|(member, _)| member.path != *path);
            }
        }
        let mut new: Vec<OwnedTopic> = Vec::new();
        if let Some(analysis) = analysis {
            for (i, claim) in analysis.claims.iter().enumerate() {
                if claim.subject.is_empty() {
                    continue;
                }
                let key = owned(topic_of(claim, config));
                let topic = match self.members.get_key_value(&key) {
                    Some((topic, _)) => topic.clone(),
                    None => Arc::new(key),
                };
                let members = self.members.entry(topic.clone()).or_default();
                // After the members of articles before it and its own earlier claims.
                let at = members.partition_point(|(member, _)| {
                    path_order(&member.path, path) != Ordering::Greater
                });
                members.insert(at, (analysis.clone(), i));
                if !new.contains(&topic) {
                    new.push(topic);
                }
            }
        }
        let mut touched: Vec<OwnedTopic> = old.into_iter().chain(new.iter().cloned()).collect();
        let later: Vec<OwnedTopic> = touched
            .iter()
            .filter_map(|t| shifted(t, 1).map(Arc::new))
            .collect();
        touched.extend(later);
        touched.sort();
        touched.dedup();
        for topic in touched {
            match self.members.get(&topic) {
                Some(members) if !members.is_empty() => {
                    self.findings.insert(topic.clone(), Arc::default());
                    self.affected_topics.insert(topic);
                }
                _ => {
                    self.members.remove(&topic);
                    self.findings.remove(&topic);
                }
            }
        }
        self.affected.push(path.clone());
        if !new.is_empty() {
            self.of_article.insert(path.clone(), new);
        }
    }

    /// The articles whose findings may have changed since the last call.
    pub fn take_affected(&mut self) -> Vec<Arc<Path>> {
        let mut affected = std::mem::take(&mut self.affected);
        for topic in std::mem::take(&mut self.affected_topics) {
            affected.extend(
                self.members
                    .get(&topic)
                    .into_iter()
                    .flatten()
                    .map(|(analysis, _)| analysis.path.clone()),
            );
        }
        affected.sort_unstable_by(|a, b| path_order(a, b));
        affected.dedup();
        affected
    }

    /// The findings on the claims of the article at `path`.
    pub fn findings_for(&self, path: &Path) -> Vec<Diagnostic> {
        self.findings_on(path, true)
    }

    /// The same findings as [`Topics::findings_for`], but those of topics not yet worked out are
    /// worked out for this article alone and not kept: what an edit publishes at once, leaving
    /// the whole topics to be worked out when the other articles are compared again.
    pub fn findings_for_one(&self, path: &Path) -> Vec<Diagnostic> {
        self.findings_on(path, false)
    }

    /// The findings on the article's claims; a topic not yet worked out is worked out whole and
    /// kept when `keep_topics`, else for this article alone.
    fn findings_on(&self, path: &Path, keep_topics: bool) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        for topic in self.of_article.get(path).into_iter().flatten() {
            let Some(cell) = self.findings.get(topic) else {
                continue;
            };
            let own = match cell.get() {
                Some(findings) => findings.get(path).cloned(),
                None if keep_topics => cell
                    .get_or_init(|| self.check(topic, None))
                    .get(path)
                    .cloned(),
                None => self.check(topic, Some(path)).remove(path),
            };
            found.extend(own.into_iter().flatten());
        }
        found
    }

    fn reports(&self, topic: &TopicKey) -> Vec<Report<'_>> {
        let members = self.members.get(topic).into_iter().flatten();
        members
            .filter_map(|(analysis, i)| {
                Some(Report {
                    analysis,
                    claim: analysis.claims.get(*i)?,
                })
            })
            .collect()
    }

    fn check(&self, topic: &TopicKey, only: Option<&Path>) -> Findings {
        let reports = self.reports(topic);
        let earlier = shifted(topic, -1)
            .map(|t| self.reports(&t))
            .unwrap_or_default();
        let key = (
            topic.0.as_str().into(),
            topic.1.as_slice(),
            topic.2.as_str().into(),
        );
        check_topic(&key, &reports, &earlier, only)
    }
}
