//! The extracted corpus: every source reduced to its quotations and figures,
//! plus the few facts about each source that comparisons need (date,
//! outlet). Extraction runs in parallel, one source per task; the texts are
//! not kept.

use crate::extract::{self, Figure, Quote};
use crate::source::Document;
use crate::speakers::SpeakerTable;
use rayon::prelude::*;
use std::collections::HashMap;

/// What comparisons need to know about a source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceInfo {
    pub id: String,
    pub path: String,
    pub outlet: Option<String>,
    pub date: Option<jiff::civil::Date>,
}

#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub sources: Vec<SourceInfo>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    by_id: HashMap<String, usize>,
}

impl Extracted {
    /// Extracts every document, in parallel, keeping document order.
    pub fn from_documents(docs: &[Document], speakers: &SpeakerTable) -> Self {
        let parts: Vec<(SourceInfo, extract::Extraction)> = docs
            .par_iter()
            .map(|d| (info(d), extract::extract(d, speakers)))
            .collect();
        let mut out = Extracted::default();
        for (info, ex) in parts {
            out.add(info, ex);
        }
        out
    }

    /// Adds one source's extraction.
    pub fn add(&mut self, info: SourceInfo, ex: extract::Extraction) {
        self.by_id.insert(info.id.clone(), self.sources.len());
        self.sources.push(info);
        self.quotes.extend(ex.quotes);
        self.figures.extend(ex.figures);
    }

    pub fn source(&self, id: &str) -> Option<&SourceInfo> {
        self.by_id.get(id).map(|&i| &self.sources[i])
    }

    pub fn date_of(&self, id: &str) -> Option<jiff::civil::Date> {
        self.source(id).and_then(|s| s.date)
    }
}

pub fn info(d: &Document) -> SourceInfo {
    SourceInfo {
        id: d.id.clone(),
        path: d.path.clone(),
        outlet: d.meta.outlet.clone(),
        date: d.date(),
    }
}
