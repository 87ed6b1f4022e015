//! `planwatch assign`: give a target its lead units (牵头单位) and partner
//! units (配合单位), or clear its assignment.

use std::process::ExitCode;

use anyhow::Context;
use planwatch_catalog::FactId;
use planwatch_store::Store;

use super::common::{block_on, StoreOpts};
use super::unit::unit_error;

/// Arguments of `planwatch assign`.
#[derive(clap::Args)]
#[command(
    after_help = "TARGET is DOC#ORD: the document's file name (or the start of its id, 6 \
characters at least) and the target's position in it, the doc and ord columns of \
`planwatch facts --kind target` (the current revision is meant by a file name). Units are named \
by their name or short name as `planwatch unit list` shows them, and must be stored \
(`planwatch unit import FILE`)."
)]
pub struct Args {
    /// The target, as DOC#ORD (e.g. plan.txt#12).
    target: String,
    /// A lead unit (牵头单位); repeat for units leading jointly.
    #[arg(long = "lead", value_name = "UNIT", required_unless_present = "clear")]
    lead: Vec<String>,
    /// A partner unit (配合单位); repeat for several.
    #[arg(long = "partner", value_name = "UNIT", conflicts_with = "clear")]
    partners: Vec<String>,
    /// Remove the target's assignment instead.
    #[arg(long, conflicts_with = "lead")]
    clear: bool,
    #[command(flatten)]
    store: StoreOpts,
}

/// `DOC#ORD` split at its last `#`.
fn parse_target(target: &str) -> anyhow::Result<(&str, i64)> {
    let (doc, ord) = target
        .trim()
        .rsplit_once('#')
        .with_context(|| format!("target {target:?} is not DOC#ORD (e.g. plan.txt#12)"))?;
    let ord = ord
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
        .with_context(|| format!("target {target:?}: {ord:?} is not a position (0, 1, 2…)"))?;
    if doc.trim().is_empty() {
        anyhow::bail!("target {target:?} names no document: give DOC#ORD (e.g. plan.txt#12)");
    }
    Ok((doc.trim(), ord))
}

/// The stored fact `target` names.
pub async fn resolve_target(store: &Store, target: &str) -> anyhow::Result<FactId> {
    let (doc, ord) = parse_target(target)?;
    let d = store
        .find_document(doc)
        .await?
        .with_context(|| format!("no stored document {doc} (see `planwatch docs`)"))?;
    Ok(FactId::new(d.id, ord))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    block_on(async {
        let store = args.store.open_existing().await?;
        let done = async {
            let fact = resolve_target(&store, &args.target).await?;
            if args.clear {
                return Ok(match store.clear_assignment(&fact, None).await? {
                    Some(_) => format!("{}: assignment cleared", args.target),
                    None => format!("{}: had no assignment", args.target),
                });
            }
            let a = store
                .assign(&fact, &args.lead, &args.partners, None)
                .await
                .map_err(|e| unit_error(e).context(format!("cannot assign {}", args.target)))?;
            anyhow::Ok(format!(
                "{}: 牵头 {}{}",
                args.target,
                a.lead.join("、"),
                if a.partners.is_empty() {
                    String::new()
                } else {
                    format!("; 配合 {}", a.partners.join("、"))
                }
            ))
        }
        .await;
        store.close().await;
        println!("{}", done?);
        Ok(ExitCode::SUCCESS)
    })?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_doc_hash_ord() {
        assert_eq!(parse_target("plan.txt#12").ok(), Some(("plan.txt", 12)));
        // A file name may hold '#': the last one splits.
        assert_eq!(parse_target("a#b.txt#0").ok(), Some(("a#b.txt", 0)));
        assert!(parse_target("plan.txt").is_err());
        assert!(parse_target("plan.txt#x").is_err());
        assert!(parse_target("plan.txt#-1").is_err());
        assert!(parse_target("#3").is_err());
    }
}
