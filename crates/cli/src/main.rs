//! `planwatch`: the command-line edge. Parses arguments, calls the stage
//! crates, prints results and maps errors to exit codes. No domain logic here.

mod cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Follow Chinese development plans from their documents.
#[derive(Parser)]
#[command(name = "planwatch", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print every quantitative fact of each document.
    Extract(cmd::extract::Args),
    /// Measure extraction throughput on documents.
    Bench(cmd::bench::Args),
    /// Evaluate ad-hoc targets against actuals (JSON in, JSON out), no store needed.
    Assess(cmd::assess::Args),
    /// Extract documents (files or folders) and store them with their facts.
    Ingest(cmd::ingest::Args),
    /// List stored documents.
    Docs(cmd::docs::Args),
    /// List stored facts by document, indicator, region, year and kind.
    Facts(cmd::facts::Args),
    /// The indicator catalogue with fact counts, or the names it does not match.
    Indicators(cmd::indicators::Args),
    /// One indicator's targets and actuals by year, with sources.
    Series(cmd::series::Args),
    /// Find contradictions between and within plans (规划衔接).
    Check(cmd::check::Args),
    /// Import actual values from a CSV or XLSX table.
    Import(cmd::import::Args),
    /// Export facts or a series to CSV, XLSX or JSON.
    Export(cmd::export::Args),
    /// Full-text search over stored documents and facts.
    Search(cmd::search::Args),
    /// Evaluate every target of a plan (or region) against the stored actuals.
    Evaluate(cmd::evaluate::Args),
    /// Write a mid-term or final evaluation report of a plan (HTML, DOCX or PDF).
    Report(cmd::report::Args),
    /// Serve the web pages and the JSON API over the store.
    Serve(cmd::serve::Args),
    /// Web accounts: add a user (the first with --admin), set a password, list.
    User(cmd::user::Args),
    /// Departments (单位): import a list, list them and their targets, retire one, assign from the text.
    Unit(cmd::unit::Args),
    /// Assign a target to its lead (牵头) and partner (配合) units, or clear its assignment.
    Assign(cmd::assign::Args),
    /// Values departments reported (填报) and their review, by unit, status or target.
    Submissions(cmd::submissions::Args),
    /// Targets whose yearly value is past due (31 March of the next year) and not approved, by lead unit.
    Overdue(cmd::remind::OverdueArgs),
    /// E-mail each unit its overdue targets (督办提醒), at most once a day per target.
    Remind(cmd::remind::RemindArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => cmd::extract::run(a),
        Command::Bench(a) => cmd::bench::run(a),
        Command::Assess(a) => cmd::assess::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Docs(a) => cmd::docs::run(a),
        Command::Facts(a) => cmd::facts::run(a),
        Command::Indicators(a) => cmd::indicators::run(a),
        Command::Series(a) => cmd::series::run(a),
        Command::Check(a) => cmd::check::run(a),
        Command::Import(a) => cmd::import::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Search(a) => cmd::search::run(a),
        Command::Evaluate(a) => cmd::evaluate::run(a),
        Command::Report(a) => cmd::report::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::User(a) => cmd::user::run(a),
        Command::Unit(a) => cmd::unit::run(a),
        Command::Assign(a) => cmd::assign::run(a),
        Command::Submissions(a) => cmd::submissions::run(a),
        Command::Overdue(a) => cmd::remind::overdue(a),
        Command::Remind(a) => cmd::remind::remind(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("planwatch: {e:#}");
            ExitCode::from(2)
        }
    }
}
