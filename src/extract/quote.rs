//! Quotation extraction and attribution. (Being built: see issue #3.)

use super::Quote;
use crate::source::Document;
use crate::speakers::SpeakerTable;

/// Every direct quotation in `doc`, in document order.
pub fn extract_quotes(doc: &Document, speakers: &SpeakerTable) -> Vec<Quote> {
    let _ = (doc, speakers);
    Vec::new()
}
