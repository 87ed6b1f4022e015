//! Browser test in headless Chromium (Debian's `chromium` and `chromium-driver`),
//! driven over WebDriver: the dashboard's red list leads to an indicator page
//! whose chart renders without script errors; a source quote lands on its
//! highlighted fact in the document; a search shows highlighted snippets;
//! the upload form stores a file; an admin publishes a plan from /public and
//! its public page draws the status chart; and the upload form sent from
//! another origin is refused (403) with nothing stored. A second test runs
//! issue 10's whole loop through the pages (assign, report a red value and
//! explain it, return, fix, approve, publish) and checks what each page shows.
//!
//! Without Chromium the test prints a note and passes, unless `CI` is set.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

const FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,900",
];

fn find(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|d| names.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

/// Kills chromedriver when the test ends, however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// Saves a screenshot to $PLANWATCH_SCREENSHOTS/{name}.png when that folder is given.
async fn shot(c: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("PLANWATCH_SCREENSHOTS") {
        let png = c.screenshot().await.expect("screenshot");
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png)
            .expect("write screenshot");
    }
}

async fn errors(c: &Client) -> Vec<String> {
    let v = c
        .execute(
            "return window.__pwErrors || ['error recorder missing'];",
            vec![],
        )
        .await
        .expect("read errors");
    serde_json::from_value(v).unwrap_or_else(|_| vec!["unreadable error list".into()])
}

async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    match c
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await
    {
        Ok(e) => e,
        Err(e) => {
            let url = c
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            let source = c.source().await.unwrap_or_default();
            let tail: String = source.chars().take(3000).collect();
            panic!("{css} did not appear on {url}: {e}\n{tail}")
        }
    }
}

/// Chromium and ChromeDriver from `PATH`, or `None` (after a note) when
/// either is missing; with `CI` set a missing one fails the test instead.
fn browser_binaries() -> Option<(PathBuf, PathBuf)> {
    let (Some(chromium), Some(chromedriver)) = (
        find(&["chromium", "chromium-browser"]),
        find(&["chromedriver"]),
    ) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but chromium or chromedriver is missing (apt-get install -y chromium chromium-driver)"
        );
        eprintln!("note: chromium/chromedriver not found; skipping the browser test (apt-get install -y chromium chromium-driver)");
        return None;
    };
    Some((chromium, chromedriver))
}

/// Starts chromedriver and a headless Chromium with a fresh profile under `dir`.
async fn start_browser(chromium: &Path, chromedriver: &Path, dir: &Path) -> (Driver, Client) {
    let port = free_port();
    let driver = Driver(
        Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    let profile = dir.join("chromium-profile");
    let mut args: Vec<String> = FLAGS.iter().map(|s| s.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    let caps: serde_json::Map<String, Value> = serde_json::from_value(json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": chromium, "args": args }
    }))
    .expect("caps");
    let started = Instant::now();
    let c = loop {
        let attempt = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await;
        match attempt {
            Ok(c) => break c,
            Err(e) if started.elapsed() < Duration::from_secs(30) => {
                eprintln!("waiting for chromedriver: {e}");
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
            Err(e) => panic!("cannot start a browser session: {e}"),
        }
    };
    (driver, c)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_indicator_document_and_search_in_chromium() {
    let Some((chromium, chromedriver)) = browser_binaries() else {
        return;
    };
    let _one = ONE_BROWSER.lock().await;

    // The server on loopback over a temporary SQLite store holding the corpus.
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, index) = common::temp_store(dir.path()).await;
    let state = common::state_with(store, index, common::test_config()).await;
    common::import_hostile(&state).await;
    let store = state.store().clone();
    let server = common::Running::start(state).await;
    let base = server.base.clone();

    // chromedriver and a fresh profile.
    let (_driver, c) = start_browser(&chromium, &chromedriver, dir.path()).await;

    // 总览: the red list.
    c.goto(&format!("{base}/")).await.expect("dashboard");
    wait_for(&c, "#red-list").await;
    let title = c.title().await.expect("title");
    assert!(title.contains("总览"), "{title}");
    assert_eq!(errors(&c).await, Vec::<String>::new(), "dashboard errors");
    shot(&c, "dashboard").await;
    let link = wait_for(&c, "a.redlist-link").await;
    let name = link.text().await.expect("link text");
    link.click().await.expect("follow the red list");

    // 指标: the chart is drawn on a canvas, with no script errors.
    wait_for(&c, "#chart-level canvas").await;
    let h1 = c
        .find(Locator::Css("h1"))
        .await
        .expect("h1")
        .text()
        .await
        .expect("text");
    assert_eq!(h1, name, "landed on the red-list indicator");
    let status = wait_for(&c, "#chart-status")
        .await
        .text()
        .await
        .expect("status");
    assert_eq!(status, "图表已绘制");
    assert_eq!(
        errors(&c).await,
        Vec::<String>::new(),
        "indicator page errors"
    );
    shot(&c, "indicator").await;

    // A source quote lands on its highlighted fact.
    let quote = wait_for(&c, "a.quote-link").await;
    let href = quote
        .attr("href")
        .await
        .expect("href")
        .expect("quote has a link");
    assert!(
        href.contains("/documents/") && href.contains("#f"),
        "{href}"
    );
    quote.click().await.expect("follow the quote");
    wait_for(&c, "mark.fact.current").await;
    let landed = c
        .execute(
            "const m = /^#f(\\d+)$/.exec(location.hash); const el = document.querySelector('mark.fact.current'); \
             if (!m || !el) return [false, false, location.href]; const r = el.getBoundingClientRect(); \
             return [el.getAttribute('data-f').includes(' ' + m[1] + ' '), r.top >= 0 && r.bottom <= window.innerHeight, location.href];",
            vec![],
        )
        .await
        .expect("check the highlight");
    assert_eq!(
        landed[0],
        json!(true),
        "the highlighted mark is the fact linked: {landed}"
    );
    assert_eq!(
        landed[1],
        json!(true),
        "the highlighted fact is in view: {landed}"
    );
    assert_eq!(
        errors(&c).await,
        Vec::<String>::new(),
        "document page errors"
    );
    shot(&c, "document").await;

    // 检索: one box, highlighted snippets.
    c.goto(&format!("{base}/search"))
        .await
        .expect("search page");
    let input = wait_for(&c, "input[name=q]").await;
    input.send_keys("地区生产总值").await.expect("type");
    c.find(Locator::Css("form[role=search] button[type=submit]"))
        .await
        .expect("button")
        .click()
        .await
        .expect("search");
    wait_for(&c, "#hits li mark").await;
    let marks = c
        .find_all(Locator::Css("#hits li mark"))
        .await
        .expect("marks");
    assert!(!marks.is_empty());
    assert_eq!(errors(&c).await, Vec::<String>::new(), "search page errors");
    shot(&c, "search").await;

    // A unit with markup in it, imported from a table, is text in the chart's tooltip.
    c.goto(&format!(
        "{base}/indicators/{}",
        common::pct(common::HOSTILE_INDICATOR)
    ))
    .await
    .expect("indicator page");
    wait_for(&c, "#chart-level canvas").await;
    let started = Instant::now();
    let tip = loop {
        let tip = c
            .execute(
                "const el = document.getElementById('chart-level'); \
                 const unit = JSON.parse(document.getElementById('chart-data').textContent).unit; \
                 echarts.getInstanceByDom(el).dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0}); \
                 return [el.textContent.includes('年：'), el.textContent.includes(unit), el.querySelectorAll('b, img').length, unit];",
                vec![],
            )
            .await
            .expect("show the tooltip");
        if tip[0] == json!(true) || started.elapsed() > Duration::from_secs(10) {
            break tip;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(tip[0], json!(true), "no tooltip shown: {tip}");
    assert_eq!(tip[1], json!(true), "the unit is not shown as text: {tip}");
    assert_eq!(tip[2], json!(0), "the unit became markup: {tip}");
    assert_eq!(
        errors(&c).await,
        Vec::<String>::new(),
        "tooltip page errors"
    );
    shot(&c, "tooltip").await;

    // 文档: the upload form (its hidden csrf_token and the cookie the page
    // set) stores a file and lands on its page.
    let upload = dir.path().join("browser-upload.txt");
    std::fs::write(
        &upload,
        "浏览器上传测试市国民经济和社会发展第十四个五年规划纲要\n\n第二章 发展目标\n到2025年，全市地区生产总值突破800亿元。\n",
    )
    .expect("write the upload");
    let upload_path = upload.to_str().expect("utf-8 path");
    // Uploading needs an admin: log in through the 登录 page first.
    common::add_admin(&store).await;
    c.goto(&format!("{base}/login?next=/documents"))
        .await
        .expect("login page");
    wait_for(&c, "#login-form input[name=name]")
        .await
        .send_keys(common::ADMIN.0)
        .await
        .expect("name");
    c.find(Locator::Css("#login-form input[name=password]"))
        .await
        .expect("password field")
        .send_keys(common::ADMIN.1)
        .await
        .expect("password");
    c.find(Locator::Css("#login-form button[type=submit]"))
        .await
        .expect("login button")
        .click()
        .await
        .expect("log in");
    wait_for(&c, "form[action='/documents/upload']").await;
    c.goto(&format!("{base}/documents"))
        .await
        .expect("documents page");
    wait_for(&c, "form[action='/documents/upload'] input[type=file]")
        .await
        .send_keys(upload_path)
        .await
        .expect("choose the file");
    c.find(Locator::Css(
        "form[action='/documents/upload'] button[type=submit]",
    ))
    .await
    .expect("upload button")
    .click()
    .await
    .expect("upload");
    wait_for(&c, "mark.fact").await;
    let url = c.current_url().await.expect("url").to_string();
    assert!(url.contains("/documents/"), "{url}");
    assert!(store
        .find_document("browser-upload.txt")
        .await
        .expect("find")
        .is_some());
    shot(&c, "uploaded").await;

    // 公开: the admin publishes a plan from /public; anonymous or not, its
    // public page shows the frozen statuses and draws their chart.
    c.goto(&format!("{base}/public"))
        .await
        .expect("public page");
    wait_for(&c, "#publish-form button[type=submit]")
        .await
        .click()
        .await
        .expect("publish");
    wait_for(&c, "#public-targets").await;
    wait_for(&c, "#chart-status-counts canvas").await;
    assert_eq!(
        errors(&c).await,
        Vec::<String>::new(),
        "public plan page errors"
    );
    shot(&c, "public-plan").await;

    // The same form on another origin (localhost is not 127.0.0.1), sent
    // here: Chromium's Origin is not this server's (it is `null`, under the
    // pages' Referrer-Policy), so the server refuses it.
    let cross = dir.path().join("cross-site.txt");
    std::fs::write(
        &cross,
        "跨站上传测试：到2025年，地区生产总值突破900亿元。\n",
    )
    .expect("write the cross-site file");
    c.goto(&format!(
        "http://localhost:{}/documents",
        server.addr.port()
    ))
    .await
    .expect("documents page on another origin");
    wait_for(&c, "form[action='/documents/upload'] input[type=file]")
        .await
        .send_keys(cross.to_str().expect("utf-8 path"))
        .await
        .expect("choose the file");
    c.execute(
        "const f = document.querySelector(\"form[action='/documents/upload']\"); f.action = arguments[0]; f.submit();",
        vec![json!(format!("{base}/documents/upload"))],
    )
    .await
    .expect("send the form across origins");
    let refused = wait_for(&c, "h1").await.text().await.expect("h1");
    assert!(
        refused.contains("请求被拒绝") && refused.contains("403"),
        "{refused}"
    );
    let source = c.source().await.expect("source");
    assert!(source.contains("cross_origin"), "{source}");
    assert!(store
        .find_document("cross-site.txt")
        .await
        .expect("find")
        .is_none());
    shot(&c, "cross-site-refused").await;

    c.close().await.expect("close the browser");
    server.stop().await;
}

/// One browser at a time: two Chromiums on a small machine make each slow.
static ONE_BROWSER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The text of the first element `css` finds, once it contains `needle`
/// (the page the last form led to; an element of the page before goes stale).
async fn wait_text(c: &Client, css: &str, needle: &str) -> String {
    let started = Instant::now();
    loop {
        let text = match c.find(Locator::Css(css)).await {
            Ok(e) => e.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        };
        if text.contains(needle) {
            return text;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let url = c
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            let source = c.source().await.unwrap_or_default();
            let tail: String = source.chars().take(4000).collect();
            panic!("{css} on {url} never said {needle:?} (last: {text:?})\n{tail}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Types `text` into the field `css`, replacing what it held.
async fn type_into(c: &Client, css: &str, text: &str) {
    let field = wait_for(c, css).await;
    field.clear().await.expect("clear the field");
    field.send_keys(text).await.expect("type");
}

/// Clicks the button `css`.
async fn click(c: &Client, css: &str) {
    wait_for(c, css).await.click().await.expect("click");
}

/// Logs in through the 登录 page's form as `name` and goes on to `next`.
async fn log_in(c: &Client, base: &str, name: &str, password: &str, next: &str) {
    c.goto(&format!("{base}/login?next={next}"))
        .await
        .expect("login page");
    type_into(c, "#login-form input[name=name]", name).await;
    type_into(c, "#login-form input[name=password]", password).await;
    click(c, "#login-form button[type=submit]").await;
    let started = Instant::now();
    while c
        .current_url()
        .await
        .map(|u| u.path().starts_with("/login"))
        .unwrap_or(true)
    {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "logging in as {name} did not leave the login page"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The dashboard's status cards: (status, count) each.
async fn status_cards(c: &Client, base: &str) -> Vec<(String, String, i64)> {
    c.goto(&format!("{base}/")).await.expect("dashboard");
    wait_for(c, ".cards a.card").await;
    let v = c
        .execute(
            "return [...document.querySelectorAll('.cards a.card')].map(a => \
             [new URL(a.href).searchParams.get('status'), a.textContent.replace(/\\s+/g, ''), \
              Number(a.querySelector('.n').textContent)]);",
            vec![],
        )
        .await
        .expect("read the cards");
    serde_json::from_value(v).expect("cards")
}

/// The count of one status on the dashboard.
fn count_of(cards: &[(String, String, i64)], status: &str) -> i64 {
    cards
        .iter()
        .find(|(s, _, _)| s == status)
        .map(|(_, _, n)| *n)
        .unwrap_or_else(|| panic!("no card of {status}: {cards:?}"))
}

/// The whole loop of issue 10 through the pages, as each user sees it: the
/// admin uploads a plan, adds its unit, assigns the target and adds a
/// reporter of the unit and a reviewer; the
/// reporter enters a value that turns the target red, is asked for an
/// explanation and submits with one; the reviewer returns it with a
/// comment; the reporter sees the comment, fixes the value and submits
/// again; the reviewer approves; the dashboard shows the target's new
/// status, and once the admin publishes the plan the anonymous public
/// portal shows it too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assign_report_review_publish_in_chromium() {
    let Some((chromium, chromedriver)) = browser_binaries() else {
        return;
    };
    let _one = ONE_BROWSER.lock().await;

    // The server over an empty SQLite store; the first admin made as
    // `planwatch user add --admin` makes it.
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, index) = common::temp_store(dir.path()).await;
    planwatch_server::init_logging(false);
    let state = planwatch_server::AppState::new(
        store.clone(),
        Some(index),
        planwatch_catalog::Catalog::builtin(),
        common::test_config(),
    )
    .await
    .expect("state");
    common::add_admin(&store).await;
    let server = common::Running::start(state).await;
    let base = server.base.clone();
    let (_driver, c) = start_browser(&chromium, &chromedriver, dir.path()).await;
    let (admin, password) = common::ADMIN;

    // The admin uploads the plan from the 文档 page.
    log_in(&c, &base, admin, password, "/documents").await;
    let plan = dir.path().join(common::PLAN_NAME);
    std::fs::write(&plan, common::PLAN).expect("write the plan");
    wait_for(&c, "form[action='/documents/upload'] input[type=file]")
        .await
        .send_keys(plan.to_str().expect("utf-8 path"))
        .await
        .expect("choose the plan");
    click(&c, "form[action='/documents/upload'] button[type=submit]").await;
    wait_for(&c, "#assign-form").await;
    let doc_url = c.current_url().await.expect("url");
    assert!(doc_url.path().starts_with("/documents/"), "{doc_url}");

    // Before any value is reported the target has no data.
    let before = status_cards(&c, &base).await;
    assert_eq!(count_of(&before, "no_data"), 1, "{before:?}");

    // The admin adds the unit from a list on the 责任单位 page…
    let units = dir.path().join("units.csv");
    std::fs::write(
        &units,
        format!("name,short_name\n{},市统计局\n", common::UNIT),
    )
    .expect("write the unit list");
    c.goto(&format!("{base}/units")).await.expect("units page");
    wait_for(&c, "#units-import input[type=file]")
        .await
        .send_keys(units.to_str().expect("utf-8 path"))
        .await
        .expect("choose the list");
    click(&c, "#units-import button[type=submit]").await;
    wait_text(&c, "#imported", "新增 1 个单位").await;
    wait_text(&c, "#units", common::UNIT).await;

    // …and assigns the plan's 2025 target to it on the document page.
    c.goto(doc_url.as_str()).await.expect("document page");
    let target = wait_for(&c, "#assign-form select[name=ord]").await;
    let option = target
        .find(Locator::XPath("option[contains(., '2025年')]"))
        .await
        .expect("the 2025 target is offered");
    option.click().await.expect("pick the target");
    type_into(&c, "#assign-form input[name=lead]", "市统计局").await;
    click(&c, "#assign-form button[type=submit]:not([name])").await;
    wait_text(
        &c,
        "table td.units:not(:empty)",
        &format!("牵头：{}", common::UNIT),
    )
    .await;
    shot(&c, "loop-assigned").await;

    // The admin gives the unit a reporter and adds a reviewer on the 账户 page.
    c.goto(&format!("{base}/users")).await.expect("users page");
    for (name, role, units) in [("li", "reporter", "市统计局"), ("zhao", "reviewer", "")] {
        type_into(&c, "#user-add input[name=name]", name).await;
        type_into(&c, "#user-add input[name=password]", "a-long-password").await;
        wait_for(&c, "#user-add select[name=role]")
            .await
            .select_by_value(role)
            .await
            .expect("pick the role");
        type_into(&c, "#user-add input[name=units]", units).await;
        click(&c, "#user-add button[type=submit]").await;
        wait_text(&c, "#done", &format!("账户 {name}已创建")).await;
    }
    let li_row = wait_text(&c, "#users tbody", "填报人").await;
    assert!(li_row.contains(common::UNIT), "{li_row}");

    // The reporter logs in and finds the target on the 填报 page; a value
    // below the base turns it red, so submitting it without a word is
    // refused: the page asks for an explanation.
    log_in(&c, &base, "li", "a-long-password", "/fill").await;
    wait_text(&c, "section.fill-target h3", "地区生产总值").await;
    type_into(&c, ".fill-form input[name=year]", "2023").await;
    type_into(&c, ".fill-form input[name=value]", "700").await;
    click(&c, ".fill-form button[value=submit]").await;
    wait_text(&c, "#done", "请在“说明”中写明原因").await;
    wait_text(&c, ".fill-form .needs-explanation", "严重滞后或倒退").await;
    wait_text(&c, "#submissions tbody", "草稿").await;
    shot(&c, "loop-explain").await;
    // With the explanation it goes to review.
    type_into(
        &c,
        ".fill-form textarea[name=narrative]",
        "受疫情影响，2023年生产总值下降。",
    )
    .await;
    click(&c, ".fill-form button[value=submit]").await;
    wait_text(&c, "#done", "已报送审核").await;
    wait_text(&c, "#submissions tbody", "已报送").await;

    // The reviewer sees the value and its explanation, and returns it.
    log_in(&c, &base, "zhao", "a-long-password", "/review").await;
    let item = wait_text(&c, "section.review-item", "700").await;
    assert!(item.contains("受疫情影响"), "{item}");
    type_into(
        &c,
        ".review-form textarea[name=comment]",
        "请核实统计口径，700亿元低于基期值。",
    )
    .await;
    click(&c, ".review-form button[value=return]").await;
    wait_text(&c, "#done", "已退回填报单位").await;
    wait_text(&c, "#nothing-pending", "没有待审核的填报").await;

    // The reporter sees the comment, fixes the value and submits again.
    log_in(&c, &base, "li", "a-long-password", "/fill").await;
    let latest = wait_text(&c, "section.fill-target", "审核意见").await;
    assert!(
        latest.contains("请核实统计口径") && latest.contains("已退回"),
        "{latest}"
    );
    type_into(&c, ".fill-form input[name=value]", "950").await;
    type_into(
        &c,
        ".fill-form textarea[name=narrative]",
        "已按统计公报口径更正。",
    )
    .await;
    click(&c, ".fill-form button[value=submit]").await;
    wait_text(&c, "#done", "已报送审核").await;

    // The reviewer approves.
    log_in(&c, &base, "zhao", "a-long-password", "/review").await;
    let item = wait_text(&c, "section.review-item", "950").await;
    assert!(item.contains("已按统计公报口径更正"), "{item}");
    click(&c, ".review-form button[value=approve]").await;
    wait_text(&c, "#done", "已审核通过").await;
    wait_text(&c, "#reviewed tbody", "已通过").await;

    // The dashboard shows the target's new status.
    // 950亿元 in 2023 is 75% of the way from 800 to 1000 at 60% of the
    // plan's time: ahead of schedule (快于序时进度).
    let after = status_cards(&c, &base).await;
    assert_eq!(count_of(&after, "no_data"), 0, "{after:?}");
    assert_eq!(count_of(&after, "ahead"), 1, "{after:?}");
    assert_eq!(after.iter().map(|(_, _, n)| n).sum::<i64>(), 1, "{after:?}");
    let ahead = after
        .iter()
        .find(|(s, _, _)| s == "ahead")
        .map(|(_, label, _)| label.clone())
        .unwrap_or_default();
    assert!(ahead.contains("快于序时进度"), "{ahead}");
    shot(&c, "loop-dashboard").await;

    // The admin publishes the plan; anonymous visitors see the status.
    log_in(&c, &base, admin, password, "/public").await;
    click(&c, "#publish-form button[type=submit]").await;
    wait_for(&c, "#public-targets").await;
    let logout = wait_for(&c, "a[href='/login']").await;
    logout.click().await.expect("login page");
    click(&c, "form[action='/logout'] button[type=submit]").await;
    wait_for(&c, "#red-list").await;
    c.goto(&format!("{base}/public"))
        .await
        .expect("public page");
    assert!(
        c.find(Locator::Css("#publish-form")).await.is_err(),
        "anonymous visitors get no publish form"
    );
    click(&c, "#public-plans a").await;
    let row = wait_text(&c, "#public-targets tbody", "950亿元").await;
    assert!(
        row.contains("地区生产总值") && row.contains("快于序时进度"),
        "{row}"
    );
    shot(&c, "loop-public").await;

    c.close().await.expect("close the browser");
    server.stop().await;
}
