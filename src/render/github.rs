//! `github`: GitHub Actions workflow commands, one per flagged claim:
//! `::error` for verdicts in `--fail-on`, `::warning` for the other flagged
//! verdicts, `::notice` for waived claims. Supported claims print nothing.
//!
//! Escaping follows the runner's rules: in the message `%`, CR and LF are
//! percent-encoded; in properties (`file`, `line`, `title`) also `:` and `,`.

use super::Style;
use crate::findings::{CheckReport, Verdict};

/// Escapes a workflow-command message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn check(r: &CheckReport, style: &Style) -> String {
    let mut out = String::new();
    for c in &r.claims {
        let level = match c.verdict {
            Verdict::Supported => continue,
            Verdict::Waived => "notice",
            v if style.fail_on.contains(&v) => "error",
            _ => "warning",
        };
        let title = format!("crosscheck: {} ({})", c.verdict.as_str(), c.id);
        let mut msg = format!("{}\n{}", c.text.trim(), c.explanation);
        if let Some(d) = &c.diff {
            msg.push_str(&format!("\ndiff: {d}"));
        }
        for e in c.evidence.iter().take(3) {
            msg.push_str(&format!("\n{}:{}: {}", e.source, e.line, e.text));
        }
        out.push_str(&format!(
            "::{level} file={},line={},title={}::{}\n",
            escape_property(&c.file),
            c.line,
            escape_property(&title),
            escape_data(&msg)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_per_runner_rules() {
        assert_eq!(escape_data("50% off\r\nnext"), "50%25 off%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
