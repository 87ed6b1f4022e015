//! `planwatch unit`: the departments (单位) targets are assigned to: import
//! a list (CSV or XLSX), list them, list one's targets, retire one, and
//! assign every target whose text names its departments.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use planwatch_store::export::Cell;
use planwatch_store::{parse_unit_table, StoreError};

use super::common::{block_on, pick_format, StoreOpts, Table, TableFormat};

/// Arguments of `planwatch unit`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: UnitCommand,
}

#[derive(clap::Subcommand)]
enum UnitCommand {
    /// Add the units of a table (CSV or XLSX, first sheet) not stored yet.
    #[command(
        after_help = "The first row names the columns: name (or 名称, 单位名称) and, optionally, \
short_name (or 简称). One unit a row; blank rows are skipped. CSV in UTF-8 (with or without BOM) \
or GB18030/GBK as Excel saves it. A bad row refuses the whole table: nothing is stored."
    )]
    Import {
        /// The table (.csv or .xlsx).
        file: PathBuf,
        #[command(flatten)]
        store: StoreOpts,
    },
    /// List units by name, with the number of targets each is assigned to.
    List {
        /// Retired units too.
        #[arg(long)]
        all: bool,
        /// Output format [default: table].
        #[arg(long, value_enum)]
        format: Option<TableFormat>,
        #[command(flatten)]
        store: StoreOpts,
    },
    /// List the targets a unit is assigned to (as lead or partner).
    Targets {
        /// The unit: its name, short name or id.
        unit: String,
        /// Targets of superseded document revisions too.
        #[arg(long)]
        all_revisions: bool,
        /// Output format [default: table].
        #[arg(long, value_enum)]
        format: Option<TableFormat>,
        #[command(flatten)]
        store: StoreOpts,
    },
    /// Retire a unit: kept with its assignments, but given no new targets.
    Retire {
        /// The unit: its name, short name or id.
        unit: String,
        #[command(flatten)]
        store: StoreOpts,
    },
    /// Set the e-mail address a unit's reminders of overdue targets go to.
    Email {
        /// The unit: its name, short name or id.
        unit: String,
        /// The address (name@host).
        #[arg(required_unless_present = "clear")]
        address: Option<String>,
        /// Remove the unit's address instead.
        #[arg(long, conflicts_with = "address")]
        clear: bool,
        #[command(flatten)]
        store: StoreOpts,
    },
    /// Assign every unassigned target whose document names its departments
    /// (牵头单位, 配合单位), adding the units not stored yet.
    AssignFromText {
        #[command(flatten)]
        store: StoreOpts,
    },
}

/// A store error, with what to do about an unknown unit.
pub fn unit_error(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::NoSuchUnit(_) => anyhow::anyhow!(
            "{e} (see `planwatch unit list --all`; add units with `planwatch unit import FILE`)"
        ),
        other => other.into(),
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::common::pipe_ok(run_inner(args))
}

fn run_inner(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        UnitCommand::Import { file, store } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let units =
                parse_unit_table(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let done = block_on(async {
                let store = store.open().await?;
                let done = store.add_units(&units, None).await;
                store.close().await;
                anyhow::Ok(done?)
            })??;
            println!(
                "{}: {} unit(s) added, {} already stored",
                file.display(),
                done.added.len(),
                done.known.len()
            );
        }
        UnitCommand::List { all, format, store } => {
            let units = block_on(async {
                let store = store.open_existing().await?;
                let units = store.units(all).await;
                store.close().await;
                anyhow::Ok(units?)
            })??;
            let mut t = Table::new(&["id", "name", "short_name", "targets", "retired"]);
            for u in &units {
                t.push(vec![
                    Cell::int(Some(u.id)),
                    u.name.as_str().into(),
                    Cell::opt(u.short_name.clone()),
                    Cell::int(Some(u.targets)),
                    if u.retired() {
                        "retired".into()
                    } else {
                        Cell::Empty
                    },
                ]);
            }
            t.emit(pick_format(format, None, TableFormat::Table), None, "units")?;
            if units.is_empty() {
                eprintln!("planwatch: no units; add them with `planwatch unit import FILE`");
            }
        }
        UnitCommand::Targets {
            unit,
            all_revisions,
            format,
            store,
        } => {
            let targets = block_on(async {
                let store = store.open_existing().await?;
                let targets = store.unit_targets(&unit, all_revisions).await;
                store.close().await;
                targets.map_err(unit_error)
            })??;
            let mut t = Table::new(&[
                "target",
                "role",
                "indicator",
                "year",
                "value",
                "unit",
                "lead",
                "partners",
                "quote",
            ]);
            for x in &targets {
                let f = &x.fact.fact;
                t.push(vec![
                    format!("{}#{}", x.doc, x.fact.ord).into(),
                    x.role.as_str().into(),
                    f.indicator.as_str().into(),
                    Cell::int(f.year.map(i64::from)),
                    Cell::num(f.value),
                    Cell::opt(f.unit.clone()),
                    x.assignment.lead.join("、").into(),
                    x.assignment.partners.join("、").into(),
                    f.quote.as_str().into(),
                ]);
            }
            t.emit(
                pick_format(format, None, TableFormat::Table),
                None,
                "targets",
            )?;
            if targets.is_empty() {
                eprintln!("planwatch: no targets are assigned to {unit}");
            }
        }
        UnitCommand::Retire { unit, store } => {
            let done = block_on(async {
                let store = store.open_existing().await?;
                let done = store.retire_unit(&unit, None).await;
                store.close().await;
                done.map_err(unit_error)
            })??;
            if done {
                println!("{unit} retired: it keeps its targets and takes no new ones");
            } else {
                println!("{unit} was retired already");
            }
        }
        UnitCommand::Email {
            unit,
            address,
            clear,
            store,
        } => {
            let address = if clear { None } else { address };
            let done = block_on(async {
                let store = store.open_existing().await?;
                let done = store.set_unit_email(&unit, address.as_deref(), None).await;
                store.close().await;
                done.map_err(unit_error)
            })??;
            match &done.email {
                Some(e) => println!("{}: reminders go to {e}", done.name),
                None => println!("{}: no e-mail address", done.name),
            }
        }
        UnitCommand::AssignFromText { store } => {
            let done = block_on(async {
                let store = store.open_existing().await?;
                let done = store.assign_from_text(None).await;
                store.close().await;
                anyhow::Ok(done?)
            })??;
            println!(
                "{} target(s) assigned from their text, {} unit(s) added{}",
                done.assigned,
                done.units_added.len(),
                if done.units_added.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", done.units_added.join("、"))
                }
            );
            if done.skipped > 0 {
                println!(
                    "{} target(s) left unassigned: their text names a retired unit or no unit's name",
                    done.skipped
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
