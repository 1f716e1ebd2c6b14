//! JUnit XML, the report format CI systems read: one `<testsuite>` of
//! `<testcase>`s, each passed, failed (with a message) or skipped. Used by
//! every report that is test-like (task runs, faults, experiments).

/// One test case.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub classname: String,
    pub name: String,
    /// Seconds.
    pub time: f64,
    pub outcome: Outcome,
}

/// How a case ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Passed,
    Failed(String),
    Skipped(String),
}

/// Escapes text for an XML attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A whole document: `<testsuites>` holding one suite named `suite`.
pub fn suites(suite: &str, cases: &[Case]) -> String {
    let failures = cases
        .iter()
        .filter(|c| matches!(c.outcome, Outcome::Failed(_)))
        .count();
    let skipped = cases
        .iter()
        .filter(|c| matches!(c.outcome, Outcome::Skipped(_)))
        .count();
    let time: f64 = cases.iter().map(|c| c.time).sum();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\" time=\"{:.3}\">\n",
        escape(suite),
        cases.len(),
        failures,
        skipped,
        time
    );
    for c in cases {
        out.push_str(&format!(
            "    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3}\"",
            escape(&c.classname),
            escape(&c.name),
            c.time
        ));
        match &c.outcome {
            Outcome::Passed => out.push_str("/>\n"),
            Outcome::Failed(m) => out.push_str(&format!(
                ">\n      <failure message=\"{}\"/>\n    </testcase>\n",
                escape(m)
            )),
            Outcome::Skipped(m) => out.push_str(&format!(
                ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                escape(m)
            )),
        }
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_suite_counts_its_cases_and_escapes_text() {
        let cases = [
            Case {
                classname: "j".into(),
                name: "a<b>".into(),
                time: 1.5,
                outcome: Outcome::Passed,
            },
            Case {
                classname: "j".into(),
                name: "c".into(),
                time: 0.25,
                outcome: Outcome::Failed("exit \"3\" & more".into()),
            },
            Case {
                classname: "j".into(),
                name: "d".into(),
                time: 0.0,
                outcome: Outcome::Skipped("upstream failed".into()),
            },
        ];
        let xml = suites("s", &cases);
        assert!(xml.contains(
            "<testsuite name=\"s\" tests=\"3\" failures=\"1\" skipped=\"1\" time=\"1.750\">"
        ));
        assert!(xml.contains("name=\"a&lt;b&gt;\" time=\"1.500\"/>"));
        assert!(xml.contains("<failure message=\"exit &quot;3&quot; &amp; more\"/>"));
        assert!(xml.ends_with("</testsuites>\n"));
    }
}
