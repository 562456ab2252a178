//! Figure extraction. (Being built: see issue #4.)

use super::Figure;
use crate::source::Document;

/// Every figure in `doc`, in document order.
pub fn extract_figures(doc: &Document) -> Vec<Figure> {
    let _ = doc;
    Vec::new()
}
