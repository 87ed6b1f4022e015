//! Browser test in headless Chromium (Debian's `chromium` and `chromium-driver`),
//! driven over WebDriver: the dashboard's red list leads to an indicator page
//! whose chart renders without script errors; a source quote lands on its
//! highlighted fact in the document; a search shows highlighted snippets;
//! the upload form stores a file; an admin publishes a plan from /public and
//! its public page draws the status chart; and the upload form sent from
//! another origin is refused (403) with nothing stored.
//!
//! Without Chromium the test prints a note and passes, unless `CI` is set.

mod common;

use std::path::PathBuf;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_indicator_document_and_search_in_chromium() {
    let (Some(chromium), Some(chromedriver)) = (
        find(&["chromium", "chromium-browser"]),
        find(&["chromedriver"]),
    ) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but chromium or chromedriver is missing (apt-get install -y chromium chromium-driver)"
        );
        eprintln!("note: chromium/chromedriver not found; skipping the browser test (apt-get install -y chromium chromium-driver)");
        return;
    };

    // The server on loopback over a temporary SQLite store holding the corpus.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("planwatch.db");
    let store = planwatch_store::Store::open(db.to_str().expect("utf-8 path"))
        .await
        .expect("store");
    let index =
        planwatch_store::SearchIndex::open(&dir.path().join("planwatch.db.index")).expect("index");
    let state = common::state_with(store, index, common::test_config()).await;
    common::import_hostile(&state).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let base = format!("http://{addr}");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let store = state.store().clone();
    let server = tokio::spawn(planwatch_server::serve_on(state, listener, async {
        let _ = stopped.await;
    }));

    // chromedriver and a fresh profile.
    let port = free_port();
    let _driver = Driver(
        Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver"),
    );
    let profile = dir.path().join("chromium-profile");
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
    c.goto(&format!("http://localhost:{}/documents", addr.port()))
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
    let _ = stop.send(());
    server
        .await
        .expect("server task")
        .expect("server shut down cleanly");
}
