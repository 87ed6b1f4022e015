//! `planwatch report`: a mid-term or final evaluation report of one plan, written as HTML, DOCX or PDF.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context};
use planwatch_link::Scope;
use planwatch_report::{render_docx, render_html, DocxOptions, Report};
use planwatch_store::doc_ref;

use super::common::{CatalogOpt, StoreOpts};
use super::evaluate::{assess_scope, load, summary_line};

/// Output formats of a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML page (inline SVG charts, print CSS, works offline).
    Html,
    /// A Word document (opens in Word, WPS and LibreOffice).
    Docx,
    /// PDF, converted from the DOCX by LibreOffice (`soffice` must be on PATH).
    Pdf,
}

impl ReportFormat {
    fn from_path(path: &Path) -> Option<ReportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "html" | "htm" => ReportFormat::Html,
            "docx" => ReportFormat::Docx,
            "pdf" => ReportFormat::Pdf,
            _ => return None,
        })
    }
}

/// Arguments of `planwatch report`.
#[derive(clap::Args)]
#[command(
    after_help = "The report (in Chinese) holds a summary by status and domain, the red-warning list, a \
table of every indicator (base, target, latest actual, progress against elapsed time, status, trend, \
required rate), a chart per indicator, the qualitative goals for human review, the methods appendix \
and the sources (document and quote). It is a mid-term evaluation (中期评估) before the plan's last \
year and a final one (终期评估) from it on. PDF output needs LibreOffice: `soffice` on PATH, or its \
path in $PLANWATCH_SOFFICE."
)]
pub struct Args {
    /// Plan document: file name or id prefix.
    #[arg(long)]
    doc: String,
    /// Evaluation year: actuals after it are ignored.
    #[arg(long, value_name = "YEAR")]
    as_of: i32,
    /// The report file: .html, .docx or .pdf.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Output format [default: from --out's extension].
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,
    /// Leave the charts out of a DOCX (older Word versions cannot show SVG pictures).
    #[arg(long)]
    no_charts: bool,
    #[command(flatten)]
    store: StoreOpts,
    #[command(flatten)]
    catalog: CatalogOpt,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = match args
        .format
        .or_else(|| ReportFormat::from_path(&args.out))
    {
        Some(f) => f,
        None => bail!(
            "cannot tell the format of {}: give --format html|docx|pdf or an .html, .docx or .pdf file",
            args.out.display()
        ),
    };
    let soffice = if format == ReportFormat::Pdf {
        Some(find_soffice().context(
            "PDF output needs LibreOffice: install it (e.g. `apt install libreoffice-writer`) so that \
             `soffice` is on PATH, or set PLANWATCH_SOFFICE to its path; or write .html or .docx and \
             print that to PDF",
        )?)
    } else {
        None
    };
    let catalog = args.catalog.load()?;
    let loaded = load(&args.store, Some(&args.doc))?;
    let Some(doc) = loaded.doc.as_ref() else {
        bail!("no document {:?} in the store", args.doc);
    };
    let items = assess_scope(
        &catalog,
        &loaded,
        &Scope::Doc(doc.id.clone()),
        Some(args.as_of),
    );
    if items.is_empty() {
        bail!(
            "{} states no targets: nothing to evaluate (is it a plan? see `planwatch facts --doc {} --kind target`)",
            doc.name,
            doc.name
        );
    }
    let summary = summary_line(&items);
    let report = Report::new(doc_ref(doc), args.as_of, items, loaded.docs.clone());
    let options = DocxOptions {
        charts: !args.no_charts,
    };
    match format {
        ReportFormat::Html => write(&args.out, render_html(&report).as_bytes())?,
        ReportFormat::Docx => write(&args.out, &render_docx(&report, options)?)?,
        ReportFormat::Pdf => {
            let docx = render_docx(&report, options)?;
            let soffice = soffice.context("LibreOffice not found")?;
            to_pdf(&soffice, &docx, &args.out)?;
        }
    }
    println!(
        "{}: {} of {} as of {}; {summary}",
        args.out.display(),
        report.stage(),
        doc.name,
        args.as_of
    );
    Ok(ExitCode::SUCCESS)
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))
}

/// LibreOffice's `soffice`: $PLANWATCH_SOFFICE, else `soffice` or `libreoffice` on PATH.
fn find_soffice() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("PLANWATCH_SOFFICE").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            ["soffice", "libreoffice", "soffice.exe"]
                .into_iter()
                .map(move |n| dir.join(n))
        })
        .find(|p| p.is_file())
}

/// A fresh scratch folder under the system's temporary folder.
fn scratch_dir() -> anyhow::Result<PathBuf> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("planwatch-report-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

/// Converts DOCX bytes to a PDF at `out` with LibreOffice (headless, own profile).
fn to_pdf(soffice: &Path, docx: &[u8], out: &Path) -> anyhow::Result<()> {
    let dir = scratch_dir()?;
    let result = (|| {
        let input = dir.join("report.docx");
        write(&input, docx)?;
        let profile = dir.join("profile");
        let output = Command::new(soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(&dir)
            .arg(&input)
            .output()
            .with_context(|| format!("cannot run {}", soffice.display()))?;
        let pdf = dir.join("report.pdf");
        if !output.status.success() || !pdf.is_file() {
            bail!(
                "LibreOffice could not convert the report to PDF ({}): {}{}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim(),
                String::from_utf8_lossy(&output.stdout).trim()
            );
        }
        std::fs::copy(&pdf, out).with_context(|| format!("cannot write {}", out.display()))?;
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}
