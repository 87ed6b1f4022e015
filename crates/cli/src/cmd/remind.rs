//! `planwatch overdue` and `planwatch remind`: targets whose yearly value is
//! past due (31 March of the next year) and not approved, by lead unit; and
//! the reminder e-mails to those units, sent the one way the server sends
//! them (`planwatch_server::supervision::remind`: once per unit and target
//! per 24 hours, each recorded and audited).

use std::process::ExitCode;

use anyhow::Context;
use planwatch_store::export::Cell;

use super::common::{block_on, pick_format, SmtpOpts, StoreOpts, Table, TableFormat};

/// Arguments of `planwatch overdue`.
#[derive(clap::Args)]
pub struct OverdueArgs {
    /// Only this unit's (name or short name).
    #[arg(long)]
    unit: Option<String>,
    /// Output format [default: table].
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
    #[command(flatten)]
    store: StoreOpts,
}

/// Arguments of `planwatch remind`.
#[derive(clap::Args)]
#[command(
    after_help = "Each unit with overdue targets gets one e-mail at its address (`planwatch unit email UNIT ADDRESS`) \
naming the targets it was not reminded of in the last 24 hours. Plain SMTP to a relay: --smtp-host, --smtp-port, \
--smtp-from (or PLANWATCH_SMTP_HOST, PLANWATCH_SMTP_PORT, PLANWATCH_SMTP_FROM)."
)]
pub struct RemindArgs {
    /// Print the e-mails that would be sent; send and record nothing.
    #[arg(long)]
    dry_run: bool,
    #[command(flatten)]
    smtp: SmtpOpts,
    #[command(flatten)]
    store: StoreOpts,
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

pub fn overdue(args: OverdueArgs) -> anyhow::Result<ExitCode> {
    super::common::pipe_ok(overdue_inner(args))
}

fn overdue_inner(args: OverdueArgs) -> anyhow::Result<ExitCode> {
    let unit = args.unit.clone();
    let list = block_on(async {
        let store = args.store.open_existing().await?;
        let list = async {
            let only = match &unit {
                Some(u) => Some(
                    store
                        .find_unit(u)
                        .await?
                        .ok_or_else(|| planwatch_store::StoreError::NoSuchUnit(u.clone()))?
                        .id,
                ),
                None => None,
            };
            let list = store.overdue(now()).await?;
            Ok(list
                .into_iter()
                .filter(|o| only.is_none_or(|id| o.unit.id == id))
                .collect::<Vec<_>>())
        }
        .await;
        store.close().await;
        list.map_err(super::unit::unit_error)
    })??;
    let mut t = Table::new(&[
        "unit",
        "email",
        "target",
        "indicator",
        "year",
        "value",
        "measure_unit",
        "periods_overdue",
        "due",
        "last_reminded",
    ]);
    for o in &list {
        let f = &o.fact.fact;
        t.push(vec![
            o.unit.name.as_str().into(),
            Cell::opt(o.unit.email.clone()),
            format!("{}#{}", o.doc, o.fact.ord).into(),
            f.indicator.as_str().into(),
            Cell::int(f.year.map(i64::from)),
            Cell::num(f.value),
            Cell::opt(f.unit.clone()),
            o.periods
                .iter()
                .map(|p| p.label_zh())
                .collect::<Vec<_>>()
                .join(",")
                .into(),
            o.periods
                .first()
                .map(|p| p.due_date.clone())
                .unwrap_or_default()
                .into(),
            Cell::int(o.last_reminded),
        ]);
    }
    t.emit(
        pick_format(args.format, None, TableFormat::Table),
        None,
        "overdue",
    )?;
    if list.is_empty() {
        eprintln!("planwatch: no overdue targets (a target counts once it is assigned to a lead unit: `planwatch assign`)");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn remind(args: RemindArgs) -> anyhow::Result<ExitCode> {
    let smtp = args.smtp.config()?;
    if smtp.is_none() && !args.dry_run {
        anyhow::bail!(
            "no SMTP relay: give --smtp-host and --smtp-from (or PLANWATCH_SMTP_HOST and PLANWATCH_SMTP_FROM), or --dry-run"
        );
    }
    let dry_run = args.dry_run;
    let run = block_on(async {
        let store = args.store.open_existing().await?;
        let run =
            planwatch_server::supervision::remind(&store, smtp.as_ref(), None, dry_run, now())
                .await;
        store.close().await;
        run.context("cannot send reminders")
    })??;
    for m in &run.sent {
        if dry_run {
            println!("would send to {} <{}>: {}", m.unit, m.address, m.subject);
            for line in m.body.lines() {
                println!("  {line}");
            }
        } else {
            println!(
                "sent to {} <{}>: {} target(s): {}",
                m.unit,
                m.address,
                m.targets.len(),
                m.targets.join(", ")
            );
        }
    }
    for s in &run.skipped {
        println!(
            "not reminded: {} {} ({}: {})",
            s.unit, s.target, s.reason, s.message
        );
    }
    if run.sent.is_empty() && run.skipped.is_empty() {
        println!("no overdue targets");
    }
    let failed = run.skipped.iter().any(|s| s.reason == "failed");
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
