//! `planwatch assess`: evaluate ad-hoc cases from JSON without a store.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{anyhow, Context};
use planwatch_core::{Attribute, Comparator, DocType, Fact, Kind, Measure};
use planwatch_evaluate::{assess, Case, Direction, Observation};
use serde::Deserialize;

/// Arguments of `planwatch assess`.
///
/// Input: a JSON array of `{"target": FACT, "base": FACT|null, "actuals":
/// [FACT…], "as_of": YEAR, "direction": "higher"|"lower"}`, FACT an object
/// as `planwatch extract` prints it; every field but `target` may be left out. In a
/// FACT, missing optional fields are null, `measure` defaults to `level`,
/// `comparator` to `eq`, `kind` to its place; an actual may add `doc_type`
/// (`statistical_bulletin`, `work_report`, …) and `published` (year) to say
/// which of several values of one year to trust. Output: a JSON array of
/// assessments in the same order.
#[derive(clap::Args)]
pub struct Args {
    /// JSON file of cases, or `-` for standard input.
    #[arg(long)]
    input: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (name, text) = read_input(&args.input)?;
    let cases: Vec<InputCase> = serde_json::from_str(&text).map_err(|e| {
        anyhow!(
            "{name}: invalid input at line {}, column {}: {}",
            e.line(),
            e.column(),
            without_position(&e)
        )
    })?;
    let assessments: Vec<_> = cases.into_iter().map(|c| assess(&c.into_case())).collect();
    let json = serde_json::to_string_pretty(&assessments)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// The input's name for messages and its text.
fn read_input(input: &str) -> anyhow::Result<(String, String)> {
    if input == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
        Ok(("standard input".to_string(), text))
    } else {
        let text =
            std::fs::read_to_string(input).with_context(|| format!("cannot read {input}"))?;
        Ok((input.to_string(), text))
    }
}

/// serde_json's message without its trailing " at line L column C".
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rsplit_once(" at line ") {
        Some((head, _)) if e.line() > 0 => head.to_string(),
        _ => message,
    }
}

/// One case as the user writes it.
#[derive(Deserialize)]
struct InputCase {
    target: InputFact,
    #[serde(default)]
    base: Option<InputFact>,
    #[serde(default)]
    actuals: Vec<InputFact>,
    #[serde(default)]
    as_of: Option<i32>,
    #[serde(default)]
    direction: Option<Direction>,
}

/// A FACT of `SCHEMA.md`, lenient: optional fields may be missing.
#[derive(Deserialize)]
struct InputFact {
    #[serde(default)]
    doc: String,
    #[serde(default)]
    kind: Option<Kind>,
    #[serde(default)]
    indicator: String,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    year: Option<i32>,
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    value_max: Option<f64>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    measure: Option<Measure>,
    #[serde(default)]
    comparator: Option<Comparator>,
    #[serde(default)]
    attribute: Option<Attribute>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    quote: String,
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
    /// Source-priority hint: the type of the document.
    #[serde(default)]
    doc_type: Option<DocType>,
    /// Source-priority hint: the year the document was published.
    #[serde(default)]
    published: Option<i32>,
}

impl InputCase {
    fn into_case(self) -> Case {
        Case {
            target: self.target.into_fact(Kind::Target).0,
            base: self.base.map(|b| b.into_fact(Kind::Actual).0),
            actuals: self
                .actuals
                .into_iter()
                .map(|a| {
                    let (fact, doc_type, published) = a.into_fact(Kind::Actual);
                    Observation {
                        fact,
                        doc_type,
                        published,
                    }
                })
                .collect(),
            as_of: self.as_of,
            direction: self.direction,
        }
    }
}

impl InputFact {
    /// The fact (with `kind` defaulting to `kind`) and its source hints.
    fn into_fact(self, kind: Kind) -> (Fact, Option<DocType>, Option<i32>) {
        let fact = Fact {
            doc: self.doc,
            kind: self.kind.unwrap_or(kind),
            indicator: self.indicator,
            region: self.region,
            year: self.year,
            value: self.value,
            value_max: self.value_max,
            unit: self.unit,
            measure: self.measure.unwrap_or(Measure::Level),
            comparator: self.comparator.unwrap_or(Comparator::Eq),
            attribute: self.attribute,
            text: self.text,
            quote: self.quote,
            section: self.section,
            start: self.start,
            end: self.end,
            responsible: None,
        };
        (fact, self.doc_type, self.published)
    }
}
