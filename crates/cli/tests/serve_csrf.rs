//! `planwatch serve` refuses cross-site writes: an upload needs the token of
//! `GET /api/v1/csrf` and an Origin of the server or of `--allow-origin`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Stops the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Status, headers (lower-cased names) and body of an answer.
type Answer = (u16, Vec<(String, String)>, String);

/// One HTTP/1.1 exchange.
fn http(port: u16, request: &[u8]) -> std::io::Result<Answer> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    s.write_all(request)?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Ok((status, headers, body.to_string()))
}

fn upload(port: u16, name: &str, extra: &str) -> (u16, String) {
    let boundary = "cliTESTboundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\r\n\
         示例市国民经济和社会发展第十四个五年规划纲要\n到2025年，{name}地区生产总值突破700亿元。\n\r\n--{boundary}--\r\n"
    );
    let req = format!(
        "POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
         Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n{extra}\r\n{body}",
        body.len()
    );
    let (status, _, body) = http(port, req.as_bytes()).expect("upload");
    (status, body)
}

#[test]
fn serve_takes_uploads_from_its_own_and_allowed_origins_only() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port");
    // Uploads need an admin's session (issue 10): the first admin comes from the CLI.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("planwatch.db").display().to_string();
    let pw = dir.path().join("pw.txt");
    std::fs::write(&pw, "admin-password\n").expect("password file");
    let out = Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args([
            "user",
            "add",
            "admin",
            "--admin",
            "--db",
            &db,
            "--password-file",
        ])
        .arg(&pw)
        .output()
        .expect("planwatch user add");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // An API token for a script, from the CLI too (printed once, on stdout).
    let token_out = Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(["user", "token", "admin", "--label", "脚本", "--db", &db])
        .output()
        .expect("planwatch user token");
    assert!(
        token_out.status.success(),
        "{}",
        String::from_utf8_lossy(&token_out.stderr)
    );
    let api_token = String::from_utf8_lossy(&token_out.stdout)
        .trim()
        .to_string();
    assert!(api_token.starts_with("pwt_"), "{api_token}");
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_planwatch"))
            .args([
                "serve",
                "--db",
                &db,
                "--addr",
                &format!("127.0.0.1:{port}"),
                "--allow-origin",
                "https://plan.example",
            ])
            .env_remove("PLANWATCH_DB")
            .env_remove("PLANWATCH_INDEX")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start planwatch serve"),
    );
    let started = Instant::now();
    let (status, headers, body) = loop {
        let get = format!(
            "GET /api/v1/csrf HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        );
        match http(port, get.as_bytes()) {
            Ok(r) => break r,
            Err(e) if started.elapsed() < Duration::from_secs(60) => {
                eprintln!("waiting for the server: {e}");
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(e) => panic!("the server did not answer: {e}"),
        }
    };
    assert_eq!(status, 200, "{body}");
    let cookie = headers
        .iter()
        .find(|(k, _)| k == "set-cookie")
        .and_then(|(_, v)| v.split(';').next())
        .expect("the cookie is set")
        .to_string();
    let token = cookie
        .strip_prefix("planwatch_csrf=")
        .expect("planwatch_csrf")
        .to_string();
    assert!(body.contains(&token), "{body}");
    let form = "name=admin&password=admin-password";
    let login = format!(
        "POST /login HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Cookie: {cookie}\r\nX-CSRF-Token: {token}\r\n\r\n{form}",
        form.len()
    );
    let (status, headers, body) = http(port, login.as_bytes()).expect("login");
    assert_eq!(status, 200, "{body}");
    let session = headers
        .iter()
        .find(|(k, v)| k == "set-cookie" && v.starts_with("planwatch_session="))
        .and_then(|(_, v)| v.split(';').next())
        .expect("the session cookie")
        .to_string();
    let cookie = format!("{cookie}; {session}");
    let with =
        |origin: &str| format!("Origin: {origin}\r\nCookie: {cookie}\r\nX-CSRF-Token: {token}\r\n");

    let (status, body) = upload(port, "evil.txt", &with("https://evil.example"));
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("cross_origin"), "{body}");
    let (status, body) = upload(port, "no-token.txt", "Origin: https://plan.example\r\n");
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("\"csrf\""), "{body}");
    let (status, body) = upload(port, "allowed.txt", &with("https://plan.example"));
    assert_eq!(status, 201, "{body}");
    let (status, body) = upload(port, "own.txt", &with(&format!("http://127.0.0.1:{port}")));
    assert_eq!(status, 201, "{body}");
    // The API token uploads with no cookie and no CSRF token; once revoked
    // from the CLI (by the start of its hash, as `user tokens` lists it), not.
    let bearer = format!("Authorization: Bearer {api_token}\r\n");
    let (status, body) = upload(port, "script.txt", &bearer);
    assert_eq!(status, 201, "{body}");
    let listed = Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(["user", "tokens", "admin", "--db", &db])
        .output()
        .expect("planwatch user tokens");
    let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
    assert!(!listed.contains(&api_token), "a listing shows no token");
    let id = listed.split('\t').next().expect("id").to_string();
    assert!(
        listed.contains("脚本\t") && listed.trim_end().ends_with("live"),
        "{listed}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(["user", "revoke", "admin", &id, "--db", &db])
        .output()
        .expect("planwatch user revoke");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (status, body) = upload(port, "script-2.txt", &bearer);
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("bad_token"), "{body}");
}

#[test]
fn serve_refuses_an_allowed_origin_that_is_not_one() {
    let out = Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args([
            "serve",
            "--db",
            ":memory:",
            "--allow-origin",
            "plan.example",
        ])
        .output()
        .expect("run planwatch");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--allow-origin") && stderr.contains("scheme://host"),
        "{stderr}"
    );
}

/// The CSRF cookie and token of a running server.
fn csrf_of(port: u16) -> (String, String) {
    let started = Instant::now();
    let get =
        format!("GET /api/v1/csrf HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    let (_, headers, _) = loop {
        match http(port, get.as_bytes()) {
            Ok(r) => break r,
            Err(e) if started.elapsed() < Duration::from_secs(60) => {
                eprintln!("waiting for the server: {e}");
                std::thread::sleep(Duration::from_millis(200));
            }
            Err(e) => panic!("the server did not answer: {e}"),
        }
    };
    let cookie = headers
        .iter()
        .find(|(k, _)| k == "set-cookie")
        .and_then(|(_, v)| v.split(';').next())
        .expect("the cookie is set")
        .to_string();
    let token = cookie
        .strip_prefix("planwatch_csrf=")
        .expect("planwatch_csrf")
        .to_string();
    (cookie, token)
}

/// Behind `--trusted-proxy 127.0.0.1` (the test is the proxy), wrong logins
/// are counted per client its `X-Forwarded-For` names: one client is held
/// back (429) after its twenty, another behind the same proxy is not.
#[test]
fn serve_counts_wrong_logins_per_forwarded_client_behind_a_trusted_proxy() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port");
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_planwatch"))
            .args([
                "serve",
                "--db",
                ":memory:",
                "--addr",
                &format!("127.0.0.1:{port}"),
                "--trusted-proxy",
                "127.0.0.1",
            ])
            .env_remove("PLANWATCH_DB")
            .env_remove("PLANWATCH_INDEX")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start planwatch serve"),
    );
    let (cookie, token) = csrf_of(port);
    let login = |client: &str| {
        let form = "name=nobody&password=wrong-password";
        let req = format!(
            "POST /login HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Cookie: {cookie}\r\nX-CSRF-Token: {token}\r\nX-Forwarded-For: {client}\r\n\r\n{form}",
            form.len()
        );
        let (status, _, body) = http(port, req.as_bytes()).expect("login");
        (status, body)
    };
    for n in 1..=20 {
        let (status, body) = login("198.51.100.1, 203.0.113.1");
        assert_eq!(status, 401, "{n}: {body}");
    }
    let (status, body) = login("203.0.113.1");
    assert_eq!(status, 429, "{body}");
    assert!(body.contains("too_many_attempts"), "{body}");
    let (status, body) = login("203.0.113.2");
    assert_eq!(status, 401, "{body}");
    assert!(body.contains("bad_credentials"), "{body}");
}

#[test]
fn serve_refuses_a_trusted_proxy_that_is_no_address() {
    let out = Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args([
            "serve",
            "--db",
            ":memory:",
            "--trusted-proxy",
            "proxy.example",
        ])
        .output()
        .expect("run planwatch");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--trusted-proxy"), "{stderr}");
}
