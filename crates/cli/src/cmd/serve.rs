//! `planwatch serve`: the web pages (Chinese) and the JSON API over the store, with axum.

use std::net::SocketAddr;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use planwatch_server::{AppState, Config};

use super::common::{CatalogOpt, SmtpOpts, StoreOpts};

/// Arguments of `planwatch serve`.
#[derive(clap::Args)]
#[command(
    after_help = "Pages: / (总览), /indicators, /documents, /search, /check, /report. \
API: /api/v1 (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs/). \
With --db postgres://… several instances can serve the same data (give each its own --index). \
Uploads must come from the server's own origin (or --allow-origin) with the token of GET /api/v1/csrf \
(cookie planwatch_csrf, header X-CSRF-Token). \
Logs go to stderr; RUST_LOG filters them. Ctrl-C or SIGTERM stops after the requests in flight."
)]
pub struct Args {
    #[command(flatten)]
    store: StoreOpts,
    /// Address to listen on.
    #[arg(long, default_value = planwatch_server::DEFAULT_ADDR)]
    addr: SocketAddr,
    /// Largest document upload, in MiB.
    #[arg(long, default_value_t = 20, value_name = "MIB")]
    max_upload_mb: usize,
    /// Seconds between looks for data stored by other processes.
    #[arg(long, default_value_t = 2, value_name = "SECS")]
    refresh_secs: u64,
    /// Logs as JSON lines.
    #[arg(long)]
    log_json: bool,
    /// An origin besides the server's own that may upload (repeatable), e.g.
    /// the public https://plan.example of a proxy in front that changes the
    /// scheme or Host. Writes from any other site are refused.
    #[arg(long = "allow-origin", value_name = "URL", value_parser = parse_origin)]
    allow_origin: Vec<String>,
    /// The address of a reverse proxy in front (repeatable). Only requests
    /// from it are counted, for the rate limits of logins and feedback, under
    /// the client its X-Forwarded-For names (the right-most entry that is no
    /// trusted proxy); without this option that header is never read.
    #[arg(long = "trusted-proxy", value_name = "IP")]
    trusted_proxy: Vec<std::net::IpAddr>,
    #[command(flatten)]
    catalog: CatalogOpt,
    /// Where reminder e-mails (/units/remind, POST /api/v1/reminders) go.
    #[command(flatten)]
    smtp: SmtpOpts,
}

fn parse_origin(s: &str) -> Result<String, String> {
    planwatch_server::csrf::origin_of(s, false).ok_or_else(|| {
        format!("{s:?} is not an origin: give scheme://host[:port], e.g. https://plan.example")
    })
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    planwatch_server::init_logging(args.log_json);
    // The catalogue every other command links with: the same indicators,
    // series and assessments in the browser as on the command line.
    let catalog = args.catalog.load()?;
    let smtp = args.smtp.config()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async {
        let location = args.store.location();
        let index = if location == ":memory:" && args.store.index.is_none() {
            None
        } else {
            Some(args.store.index_dir())
        };
        let config = Config {
            max_upload: args.max_upload_mb.saturating_mul(1024 * 1024),
            refresh: Duration::from_secs(args.refresh_secs),
            allowed_origins: args.allow_origin,
            trusted_proxies: args.trusted_proxy,
            smtp,
            ..Config::default()
        };
        let state = AppState::open(&location, index, catalog, config)
            .await
            .with_context(|| format!("cannot serve {}", planwatch_store::redact(&location)))?;
        eprintln!("planwatch: serving http://{} (Ctrl-C to stop)", args.addr);
        planwatch_server::serve(state, args.addr, planwatch_server::shutdown_signal())
            .await
            .with_context(|| format!("cannot serve on {}", args.addr))?;
        anyhow::Ok(ExitCode::SUCCESS)
    })
}
