//! `planwatch user`: accounts of the web server (add, set a password, list)
//! and their API tokens (make, list, revoke).

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use planwatch_store::Role;

use super::common::{block_on, StoreOpts};

/// Arguments of `planwatch user`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: UserCommand,
}

#[derive(clap::Subcommand)]
enum UserCommand {
    /// Create a user; the password is read from stdin (first line) or --password-file.
    Add {
        /// Login name.
        name: String,
        /// admin, reviewer, reporter or deputy.
        #[arg(long, value_parser = ["admin", "reviewer", "reporter", "deputy"], required_unless_present = "admin")]
        role: Option<String>,
        /// Shorthand for --role admin (the first admin: `planwatch user add NAME --admin`).
        #[arg(long, conflicts_with = "role")]
        admin: bool,
        /// A 单位 the user reports for (repeat for several).
        #[arg(long = "unit", value_name = "单位")]
        units: Vec<String>,
        /// Read the password from this file (first line) instead of stdin.
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
        #[command(flatten)]
        store: StoreOpts,
    },
    /// Set a user's password (ends their sessions, clears a lock-out).
    Passwd {
        /// Login name.
        name: String,
        /// Read the password from this file (first line) instead of stdin.
        #[arg(long, value_name = "FILE")]
        password_file: Option<PathBuf>,
        #[command(flatten)]
        store: StoreOpts,
    },
    /// List users with their roles and 单位.
    List {
        #[command(flatten)]
        store: StoreOpts,
    },
    /// Make an API token for a user (printed once; send it as `Authorization: Bearer TOKEN`).
    Token {
        /// Login name.
        name: String,
        /// What the token is for (shown in `planwatch user tokens`).
        #[arg(long, default_value = "")]
        label: String,
        #[command(flatten)]
        store: StoreOpts,
    },
    /// List a user's API tokens (by the start of each one's hash, never the token).
    Tokens {
        /// Login name.
        name: String,
        #[command(flatten)]
        store: StoreOpts,
    },
    /// Revoke one of a user's API tokens, named by the token or the start of its hash.
    Revoke {
        /// Login name.
        name: String,
        /// The token, or at least 6 hex digits of its hash as `planwatch user tokens` lists it.
        token: String,
        #[command(flatten)]
        store: StoreOpts,
    },
}

fn read_password(file: Option<&PathBuf>) -> anyhow::Result<String> {
    let mut raw = String::new();
    match file {
        Some(f) => {
            raw = std::fs::read_to_string(f)
                .with_context(|| format!("cannot read the password file {}", f.display()))?
        }
        None => {
            if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                eprintln!("password (one line, then Enter):");
            }
            std::io::stdin()
                .take(64 * 1024)
                .read_to_string(&mut raw)
                .context("cannot read the password from stdin")?;
        }
    }
    let line = raw.lines().next().unwrap_or("").trim_end_matches('\r');
    if line.is_empty() {
        anyhow::bail!("no password given: write it to stdin or give --password-file FILE");
    }
    Ok(line.to_string())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    block_on(async {
        match args.command {
            UserCommand::Add {
                name,
                role,
                admin,
                units,
                password_file,
                store,
            } => {
                let role = if admin {
                    Role::Admin
                } else {
                    role.as_deref()
                        .and_then(Role::parse)
                        .context("give --role admin|reviewer|reporter|deputy, or --admin")?
                };
                let password = read_password(password_file.as_ref())?;
                let store = store.open().await?;
                let user = store.add_user(&name, &password, role, &units, None).await;
                store.close().await;
                let user = user?;
                println!(
                    "added {} ({}){}",
                    user.name,
                    user.role.as_str(),
                    if user.units.is_empty() {
                        String::new()
                    } else {
                        format!(", 单位: {}", user.units.join("、"))
                    }
                );
            }
            UserCommand::Passwd {
                name,
                password_file,
                store,
            } => {
                let password = read_password(password_file.as_ref())?;
                let store = store.open_existing().await?;
                let done = store.set_password(&name, &password, None).await;
                store.close().await;
                done?;
                println!("password of {name} set; their sessions are ended");
            }
            UserCommand::List { store } => {
                let store = store.open_existing().await?;
                let users = store.users().await;
                store.close().await;
                for u in users? {
                    println!(
                        "{}\t{}\t{}\t{}",
                        u.name,
                        u.role.as_str(),
                        u.units.join(","),
                        if u.disabled { "disabled" } else { "" }
                    );
                }
            }
            UserCommand::Token { name, label, store } => {
                let store = store.open_existing().await?;
                let token = store.create_api_token(&name, &label, None).await;
                store.close().await;
                println!("{}", token?);
                eprintln!("API token of {name}: shown this once; the store keeps only its hash");
            }
            UserCommand::Tokens { name, store } => {
                let store = store.open_existing().await?;
                let tokens = store.api_tokens(&name).await;
                store.close().await;
                for t in tokens? {
                    println!(
                        "{}\t{}\t{}\t{}",
                        t.hash_prefix,
                        t.label,
                        t.created_at,
                        t.revoked_at
                            .map_or_else(|| "live".to_string(), |r| format!("revoked {r}"))
                    );
                }
            }
            UserCommand::Revoke { name, token, store } => {
                let store = store.open_existing().await?;
                let done = store.revoke_api_token(&name, &token, None).await;
                store.close().await;
                if done? {
                    println!("token revoked");
                } else {
                    println!("token was already revoked");
                }
            }
        }
        Ok(ExitCode::SUCCESS)
    })?
}
