//! `planwatch extract`: print every fact of each document.

use planwatch_core::Fact;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats of `planwatch extract`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per fact and line (doc, kind, indicator, region, year,
    /// value, value_max, unit, measure, comparator, attribute, text, quote,
    /// section, start, end).
    Jsonl,
    /// One JSON array of all facts.
    Json,
    /// An aligned table for people.
    Table,
}

/// Arguments of `planwatch extract`.
#[derive(clap::Args)]
pub struct Args {
    /// Documents to read (text in UTF-8/GB18030/UTF-16, HTML, DOCX, PDF).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    /// Also print, on standard error, what was decided about each document
    /// (type, title, region, year, period) and from which line.
    #[arg(long)]
    explain: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut all: Vec<Fact> = Vec::new();
    let mut failed = 0;
    for path in &args.files {
        let loaded = match planwatch_ingest::load_path(path) {
            Ok(l) => l,
            Err(e) => {
                eprintln!(
                    "planwatch: {}: {}",
                    path.display(),
                    strip_name(&e.to_string())
                );
                failed += 1;
                continue;
            }
        };
        let ex = match planwatch_extract::try_extract_document(&loaded.name, &loaded.text) {
            Ok(ex) => ex,
            Err(e) => {
                eprintln!("planwatch: {}: {e}", path.display());
                failed += 1;
                continue;
            }
        };
        if args.explain {
            explain(&loaded.name, &ex);
        }
        match args.format {
            Format::Jsonl => {
                for f in &ex.facts {
                    serde_json::to_writer(&mut out, f)?;
                    out.write_all(b"\n")?;
                }
            }
            Format::Json => all.extend(ex.facts),
            Format::Table => {
                let i = &ex.info;
                writeln!(
                    out,
                    "# {}  type {}  region {}  period {}–{}  year {}",
                    loaded.name,
                    i.doc_type.as_str(),
                    i.region.as_deref().unwrap_or("-"),
                    i.period_start.map_or("?".into(), |y| y.to_string()),
                    i.period_end.map_or("?".into(), |y| y.to_string()),
                    i.year.map_or("-".into(), |y| y.to_string()),
                )?;
                write_table(&mut out, &ex.facts)?
            }
        }
    }
    if let Format::Json = args.format {
        serde_json::to_writer_pretty(&mut out, &all)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints the document frame's decisions, one line each, on standard error.
fn explain(name: &str, ex: &planwatch_extract::Extraction) {
    let i = &ex.info;
    eprintln!(
        "# {name}: type {}, region {}, year {}, period {}–{}",
        i.doc_type.as_str(),
        i.region.as_deref().unwrap_or("-"),
        i.year.map_or("-".into(), |y| y.to_string()),
        i.period_start.map_or("?".into(), |y| y.to_string()),
        i.period_end.map_or("?".into(), |y| y.to_string()),
    );
    for d in &ex.frame {
        let source: String = d.source.chars().take(60).collect();
        if d.line > 0 {
            eprintln!(
                "  {:<7} {:<12} line {:>4}: {}  [{}]",
                d.field, d.value, d.line, source, d.rule
            );
        } else {
            eprintln!("  {:<7} {:<12} {}  [{}]", d.field, d.value, source, d.rule);
        }
    }
}

/// Ingest errors start with the file name; the path is printed instead.
fn strip_name(msg: &str) -> &str {
    msg.split_once(": ").map_or(msg, |(_, rest)| rest)
}

fn write_table(out: &mut impl Write, facts: &[Fact]) -> std::io::Result<()> {
    use std::fmt::Write as _;
    let rows: Vec<[String; 8]> = facts
        .iter()
        .map(|f| {
            let mut value = f
                .value
                .map_or_else(|| f.text.clone().unwrap_or_default(), fmt_num);
            if let Some(m) = f.value_max {
                let _ = write!(value, "–{}", fmt_num(m));
            }
            [
                f.kind.as_str().to_string(),
                f.year.map_or("-".into(), |y| y.to_string()),
                f.indicator.clone(),
                value,
                f.unit.clone().unwrap_or_default(),
                f.measure.as_str().to_string(),
                f.comparator.as_str().to_string(),
                f.attribute.map_or("", |a| a.as_str()).to_string(),
            ]
        })
        .collect();
    let head = [
        "kind",
        "year",
        "indicator",
        "value",
        "unit",
        "measure",
        "cmp",
        "attribute",
    ];
    let width = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(c)).min(40);
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (c, w) in cells.iter().zip(&widths) {
            s.push_str(c);
            s.push_str(&" ".repeat(w.saturating_sub(width(c)) + 2));
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(head.to_vec()))?;
    for r in &rows {
        writeln!(out, "{}", line(r.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
