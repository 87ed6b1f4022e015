//! HTML to text with scraper: block elements become lines, data-table rows
//! become tab-separated lines, and page chrome (scripts, navigation,
//! headers, footers, forms, copyright and share lines) is dropped.
//!
//! Every step is linear in the page's bytes: pages the HTML parser would be
//! slow on (see [`guard`]) are flattened by stripping tags instead, rows
//! hold at most [`MAX_ROW_CELLS`] cells and a table at most
//! [`MAX_TABLE_ROWS`] tab-separated rows.

mod guard;

use std::collections::HashSet;

use ego_tree::iter::Edge;
use ego_tree::NodeId;
use encoding_rs::{Encoding, GB18030, GBK, UTF_16BE, UTF_16LE};
use scraper::{node::Element, Html, Node};

use crate::{MAX_ROW_CELLS, MAX_TABLE_ROWS};

/// The encoding an HTML page declares in `<meta charset=..>`,
/// `<meta http-equiv=.. content="..; charset=..">` or an XML declaration
/// within its first 16 KiB. GBK and GB2312 map to GB18030; UTF-16 labels
/// are ignored (the bytes being scanned are ASCII-compatible).
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes[..bytes.len().min(16_384)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&head[from..], b"<meta") {
        let start = from + pos;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        if let Some(enc) = charset_in(&head[start..end]) {
            return Some(enc);
        }
        from = end.max(start + 1);
        if from >= head.len() {
            break;
        }
    }
    if head.starts_with(b"<?xml") {
        let end = head.iter().position(|&b| b == b'>').unwrap_or(head.len());
        let decl = &head[..end];
        if let Some(p) = find(decl, b"encoding=") {
            return label_to_encoding(value_at(&decl[p + 9..]));
        }
    }
    None
}

fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let p = find(tag, b"charset")?;
    let rest = &tag[p + 7..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let rest = rest.strip_prefix(b"=")?;
    label_to_encoding(value_at(rest))
}

fn value_at(s: &[u8]) -> &[u8] {
    let s = s.strip_prefix(b" ").unwrap_or(s);
    let s = s
        .strip_prefix(b"\"")
        .or_else(|| s.strip_prefix(b"'"))
        .unwrap_or(s);
    let end = s
        .iter()
        .position(|&b| {
            matches!(
                b,
                b'"' | b'\'' | b' ' | b';' | b'>' | b'/' | b'\t' | b'\n' | b'\r'
            )
        })
        .unwrap_or(s.len());
    &s[..end]
}

fn label_to_encoding(label: &[u8]) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label)?;
    if enc == UTF_16LE || enc == UTF_16BE {
        None
    } else if enc == GBK {
        Some(GB18030)
    } else {
        Some(enc)
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Elements whose whole subtree is page chrome or not text.
const DROP: &[&str] = &[
    "script", "style", "nav", "header", "footer", "noscript", "select", "option", "optgroup",
    "datalist", "textarea", "button", "input", "iframe", "object", "embed", "svg", "canvas",
    "template", "head", "map", "audio", "video", "dialog", "math",
];

/// Elements that start and end a line.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "section",
    "article",
    "main",
    "aside",
    "blockquote",
    "pre",
    "address",
    "center",
    "figure",
    "figcaption",
    "hr",
    "fieldset",
    "legend",
    "details",
    "summary",
    "body",
    "html",
    "form",
    "title",
];

/// A `<tr>` being collected as one tab-separated line (rows past
/// [`MAX_TABLE_ROWS`] in a table are read as blocks, each cell a line).
struct Row {
    node: NodeId,
    cells: Vec<String>,
    /// Empty cells to add after the current one (colspan - 1).
    pad: usize,
    in_cell: bool,
}

/// Most grid columns one `colspan` adds.
const MAX_COLSPAN: usize = 50;

impl Row {
    /// Adds the pending empty cells, within [`MAX_ROW_CELLS`].
    fn pad(&mut self) {
        let room = MAX_ROW_CELLS.saturating_sub(self.cells.len());
        self.cells
            .extend(std::iter::repeat_n(String::new(), self.pad.min(room)));
        self.pad = 0;
    }

    /// Starts a cell spanning `span` columns.
    fn open_cell(&mut self, span: usize) {
        self.pad();
        if self.cells.len() < MAX_ROW_CELLS {
            self.cells.push(String::new());
        } else if let Some(last) = self.cells.last_mut() {
            last.push(' ');
        }
        self.pad = span.saturating_sub(1);
        self.in_cell = true;
    }
}

/// Fallback for pathological markup: drops tags (block tags become line
/// breaks) and decodes the common entities.
fn strip_tags(source: &str) -> String {
    let mut out = String::with_capacity(source.len() / 2);
    let mut rest = source;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('>').map_or(after.len(), |c| c + 1);
        let tag = after[..close].trim_start_matches('/');
        let name_len = tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len());
        if BLOCK.contains(&tag[..name_len].to_ascii_lowercase().as_str()) {
            out.push('\n');
        }
        rest = &after[close..];
    }
    out.push_str(rest);
    let out = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    let mut text = String::new();
    for line in out.lines() {
        if let Some(line) = strip_chrome(&collapse(line)) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

/// Flattens an HTML document to text lines.
pub(crate) fn to_text(source: &str) -> String {
    if guard::too_costly(source) {
        return strip_tags(source);
    }
    let doc = Html::parse_document(source);
    let kinds = Kinds::of(&doc);
    let mut out = Lines::default();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut rows: Vec<Row> = Vec::new();
    let mut pre_depth = 0usize;

    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        if let Some(row) = rows.last_mut() {
                            if row.in_cell {
                                if let Some(cell) = row.cells.last_mut() {
                                    cell.push_str(t);
                                }
                            }
                            // Text between cells (not in a td) is dropped.
                        } else if pre_depth > 0 {
                            let mut parts = t.split('\n');
                            if let Some(first) = parts.next() {
                                out.cur.push_str(first);
                            }
                            for part in parts {
                                out.flush();
                                out.cur.push_str(part);
                            }
                        } else {
                            out.cur.push_str(t);
                        }
                    }
                    Node::Element(el) => {
                        let name = el.name();
                        if is_dropped(el, node, &kinds) {
                            skip = Some(node.id());
                            continue;
                        }
                        if let Some(row) = rows.last_mut() {
                            // Inside a data row: cells split, blocks become spaces.
                            if matches!(name, "td" | "th") {
                                row.open_cell(colspan(el));
                            } else if BLOCK.contains(&name) {
                                if let Some(cell) = row.cells.last_mut() {
                                    cell.push(' ');
                                }
                            }
                            continue;
                        }
                        if name == "tr" && kinds.data_rows.contains(&node.id()) {
                            out.flush();
                            rows.push(Row {
                                node: node.id(),
                                cells: Vec::new(),
                                pad: 0,
                                in_cell: false,
                            });
                            continue;
                        }
                        if name == "pre" {
                            pre_depth += 1;
                        }
                        if BLOCK.contains(&name) {
                            out.flush();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let name = el.name();
                if let Some(row) = rows.last_mut() {
                    if row.node == node.id() {
                        let mut row = match rows.pop() {
                            Some(r) => r,
                            None => continue,
                        };
                        row.pad();
                        let cells: Vec<String> = row.cells.iter().map(|c| collapse(c)).collect();
                        if cells.iter().any(|c| !c.is_empty()) {
                            out.lines.push(cells.join("\t"));
                        }
                    } else if matches!(name, "td" | "th") {
                        row.in_cell = false;
                    } else if BLOCK.contains(&name) {
                        if let Some(cell) = row.cells.last_mut() {
                            cell.push(' ');
                        }
                    }
                    continue;
                }
                if name == "pre" {
                    pre_depth = pre_depth.saturating_sub(1);
                }
                if BLOCK.contains(&name) {
                    out.flush();
                }
            }
        }
    }
    out.flush();
    let mut text = String::new();
    for line in out.lines {
        if let Some(line) = strip_chrome(&line) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    cur: String,
}

impl Lines {
    fn flush(&mut self) {
        let line = collapse(&self.cur);
        if !line.is_empty() {
            self.lines.push(line);
        }
        self.cur.clear();
    }
}

fn colspan(el: &Element) -> usize {
    el.attr("colspan")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, MAX_COLSPAN)
}

/// Decisions that depend on an element's whole subtree, made for all
/// elements in one walk (asking each element about its descendants would
/// be quadratic in nested tables or forms).
#[derive(Default)]
struct Kinds {
    /// `<tr>`s read as one tab-separated line: at least two cells, no
    /// nested table, within the first [`MAX_TABLE_ROWS`] rows of their
    /// table. Layout rows (one cell, or a cell holding a table) are read as
    /// ordinary blocks so their paragraphs keep their own lines.
    data_rows: HashSet<NodeId>,
    /// `<form>`s holding real content (a paragraph, table or article).
    content_forms: HashSet<NodeId>,
}

impl Kinds {
    fn of(doc: &Html) -> Kinds {
        let mut kinds = Kinds::default();
        // Open rows and forms, with whether a table (or content) was seen
        // inside; a flag passes to the enclosing row or form on close.
        let mut rows: Vec<(NodeId, bool, usize)> = Vec::new();
        let mut forms: Vec<(NodeId, bool)> = Vec::new();
        let mut tables: Vec<usize> = Vec::new();
        for edge in doc.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    let Some(el) = node.value().as_element() else {
                        continue;
                    };
                    match el.name() {
                        "table" => {
                            if let Some(row) = rows.last_mut() {
                                row.1 = true;
                            }
                            if let Some(form) = forms.last_mut() {
                                form.1 = true;
                            }
                            tables.push(0);
                        }
                        "p" | "article" => {
                            if let Some(form) = forms.last_mut() {
                                form.1 = true;
                            }
                        }
                        "tr" => {
                            let index = tables.last_mut().map_or(0, |n| {
                                *n += 1;
                                *n
                            });
                            rows.push((node.id(), false, index));
                        }
                        "form" => forms.push((node.id(), false)),
                        _ => {}
                    }
                }
                Edge::Close(node) => {
                    let Some(el) = node.value().as_element() else {
                        continue;
                    };
                    match el.name() {
                        "table" => {
                            tables.pop();
                        }
                        "tr" => {
                            let Some((id, has_table, index)) = rows.pop() else {
                                continue;
                            };
                            if has_table {
                                if let Some(outer) = rows.last_mut() {
                                    outer.1 = true;
                                }
                            } else if index <= MAX_TABLE_ROWS && cell_count(node) >= 2 {
                                kinds.data_rows.insert(id);
                            }
                        }
                        "form" => {
                            let Some((id, content)) = forms.pop() else {
                                continue;
                            };
                            if content {
                                kinds.content_forms.insert(id);
                                if let Some(outer) = forms.last_mut() {
                                    outer.1 = true;
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        kinds
    }
}

fn cell_count(node: ego_tree::NodeRef<'_, Node>) -> usize {
    node.children()
        .filter(|c| {
            c.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "td" | "th"))
        })
        .count()
}

fn is_dropped(el: &Element, node: ego_tree::NodeRef<'_, Node>, kinds: &Kinds) -> bool {
    let name = el.name();
    if DROP.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    // Search boxes and login forms are chrome, but some sites wrap the
    // whole page in one <form>: keep a form that holds real content.
    name == "form" && !kinds.content_forms.contains(&node.id())
}

fn is_wide(c: char) -> bool {
    c >= '\u{2e80}'
}

/// Collapses whitespace to single spaces and trims; whitespace that held a
/// source line break next to a CJK character disappears entirely (HTML
/// source wraps Chinese text without meaning a space).
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run = false;
    let mut run_newline = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{3000}' {
            run = true;
            run_newline |= c == '\n' || c == '\r';
            continue;
        }
        if run {
            let prev_wide = out.chars().next_back().is_some_and(is_wide);
            if !out.is_empty() && !(run_newline && (prev_wide || is_wide(c))) {
                out.push(' ');
            }
            run = false;
            run_newline = false;
        }
        out.push(c);
    }
    out.trim_matches(|c: char| c.is_whitespace()).to_owned()
}

/// Chrome words that mark a footer line even in a long line.
const STRONG_CHROME: &[&str] = &[
    "版权所有",
    "ICP备",
    "ICP证",
    "icp备",
    "公网安备",
    "网站标识码",
    "Copyright",
    "COPYRIGHT",
    "copyright",
    "All Rights Reserved",
    "All rights reserved",
    "©",
];

/// Chrome words that mark a short navigation or tool line.
const WEAK_CHROME: &[&str] = &[
    "网站地图",
    "联系我们",
    "主办单位",
    "承办单位",
    "主办：",
    "承办：",
    "技术支持",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "【字体",
    "字体：",
    "字号：",
    "分享到",
    "当前位置",
    "您现在的位置",
    "您当前的位置",
    "收藏本页",
    "设为首页",
    "加入收藏",
    "返回顶部",
    "【打印】",
    "【关闭】",
    "扫一扫",
    "无障碍浏览",
    "网站纠错",
    "上一篇",
    "下一篇",
    "相关链接",
    "建议使用",
    "分辨率",
];

/// Words that, inside a short `【...】` or `[...]` group, make the group
/// chrome (font size switches, print and close buttons).
const TOOL_WORDS: &[&str] = &[
    "字体",
    "字号",
    "打印",
    "关闭",
    "收藏",
    "分享",
    "大 中 小",
    "大中小",
];

/// Longest text inside a `【...】` or `[...]` group read as a tool group.
const MAX_GROUP_CHARS: usize = 20;

/// Removes inline tool groups like `【字体：大 中 小】【打印】`, then drops the
/// line if it is footer or navigation chrome, or left with no words.
fn strip_chrome(line: &str) -> Option<String> {
    let mut cleaned = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find(['【', '[']) {
        let (before, group) = rest.split_at(open);
        cleaned.push_str(before);
        let close_char = if group.starts_with('【') { '】' } else { ']' };
        let open_len = group.chars().next().map_or(1, char::len_utf8);
        // A tool group is short: look for its close within
        // MAX_GROUP_CHARS + 1 characters only, so a line of unclosed
        // brackets is not rescanned to its end once per bracket.
        let close = group[open_len..]
            .char_indices()
            .take(MAX_GROUP_CHARS + 1)
            .find(|&(_, c)| c == close_char)
            .map(|(i, _)| i);
        match close {
            Some(close) => {
                let inner = &group[open_len..open_len + close];
                let end = open_len + close + close_char.len_utf8();
                if !TOOL_WORDS.iter().any(|w| inner.contains(w)) {
                    cleaned.push_str(&group[..end]);
                }
                rest = &group[end..];
            }
            None => {
                cleaned.push_str(&group[..open_len]);
                rest = &group[open_len..];
            }
        }
    }
    cleaned.push_str(rest);
    // Leading and trailing tabs are empty table cells: keep them.
    let cleaned = cleaned.trim_matches(|c: char| c.is_whitespace() && c != '\t');
    let chars = cleaned.chars().count();
    if STRONG_CHROME.iter().any(|w| cleaned.contains(w)) && chars <= 150 {
        return None;
    }
    if WEAK_CHROME.iter().any(|w| cleaned.contains(w)) && chars <= 40 {
        return None;
    }
    if !cleaned.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(cleaned.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_meta() {
        let gb = declared_charset(b"<html><head><meta charset=\"gb2312\"></head>");
        assert_eq!(gb, Some(GB18030));
        let http = declared_charset(
            b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">",
        );
        assert_eq!(http, Some(GB18030));
        assert_eq!(
            declared_charset(b"<meta charset=utf-8>"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(
            declared_charset(b"<meta name=\"x\" content=\"y\"><p>"),
            None
        );
        assert_eq!(declared_charset(b"<meta charset=\"utf-16\">"), None);
        assert_eq!(
            declared_charset(b"<?xml version=\"1.0\" encoding=\"gb2312\"?><html>"),
            Some(GB18030)
        );
    }

    #[test]
    fn collapse_joins_wrapped_chinese() {
        assert_eq!(collapse("  国内生产\n    总值  "), "国内生产总值");
        assert_eq!(collapse("达到\n  1.5万亿元"), "达到1.5万亿元");
        assert_eq!(collapse("GDP 增长 6%\n to 7%"), "GDP 增长 6% to 7%");
    }

    #[test]
    fn chrome_groups_and_lines() {
        assert_eq!(
            strip_chrome("发布时间：2021-03-01【字体：大 中 小】【打印】").as_deref(),
            Some("发布时间：2021-03-01")
        );
        assert_eq!(
            strip_chrome("版权所有：某某市人民政府办公室 京ICP备05070218号"),
            None
        );
        assert_eq!(strip_chrome("网站地图 | 联系我们"), None);
        assert_eq!(strip_chrome("| > |"), None);
        assert_eq!(strip_chrome("[1] 注释").as_deref(), Some("[1] 注释"));
        assert_eq!(strip_chrome("【未闭合").as_deref(), Some("【未闭合"));
    }

    #[test]
    fn layout_table_keeps_paragraphs() {
        let t = to_text(
            "<table><tr><td><p>第一段</p><p>第二段</p></td></tr></table>\
             <table><tr><th>指标</th><th colspan=2>2025年</th><td>备注</td></tr></table>",
        );
        assert_eq!(t, "第一段\n第二段\n指标\t2025年\t\t备注\n");
    }

    #[test]
    fn deep_nesting_is_stripped_not_parsed() {
        let html = "<div>".repeat(100_000) + "深&amp;浅" + &"</div>".repeat(100_000);
        assert_eq!(guard::measure(&html, None).depth, 100_000);
        assert_eq!(to_text(&html), "深&浅\n");
        let html = "<div><p>a<p>b<br><img src=x></div>".repeat(5_000);
        assert_eq!(guard::measure(&html, None).depth, 2);
        // Stray end tags do not hide the depth (they used to count as closes).
        let html = "<div></p></span>".repeat(5_000) + "正文";
        assert!(guard::too_costly(&html));
        assert_eq!(to_text(&html), "正文\n");
    }

    #[test]
    fn nested_tables_and_forms_are_decided_once() {
        // A row holding a table is layout, however late the table comes.
        let many = "<i></i>".repeat(25_000);
        let t = to_text(&format!(
            "<table><tr><td>外</td><td>{many}<table><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>"
        ));
        assert_eq!(t, "外\n甲\t乙\n");
        let t = to_text("<form><input><p>正文</p></form><form><input>搜索</form>");
        assert_eq!(t, "正文\n");
    }

    #[test]
    fn spans_and_rows_are_capped() {
        let t = to_text("<table><tr><td colspan=99999999>a</td><td>b</td></tr></table>");
        assert_eq!(t, format!("a{}\tb\n", "\t".repeat(MAX_COLSPAN - 1)));
        // However many cells a row has, it keeps MAX_ROW_CELLS columns and
        // all its text.
        let cells = "<td colspan=50>x</td>".repeat(10_000);
        let t = to_text(&format!("<table><tr>{cells}<td>末</td></tr></table>"));
        assert_eq!(t.lines().count(), 1);
        assert_eq!(t.matches('\t').count(), MAX_ROW_CELLS - 1);
        assert_eq!(t.matches('x').count(), 10_000);
        assert!(t.ends_with("末\n"));
    }

    #[test]
    fn rows_past_the_cap_are_blocks() {
        let rows = "<tr><td>a</td><td>b</td></tr>".repeat(MAX_TABLE_ROWS + 2);
        let t = to_text(&format!("<table>{rows}</table>"));
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), MAX_TABLE_ROWS + 4);
        assert_eq!(lines[MAX_TABLE_ROWS - 1], "a\tb");
        assert_eq!(&lines[MAX_TABLE_ROWS..], ["a", "b", "a", "b"]);
    }

    #[test]
    fn unclosed_brackets_are_linear() {
        for open in ["[", "【"] {
            crate::linear::assert_linear(
                &format!("strip_chrome {open}"),
                40_000,
                |n| format!("{}]", format!("{open}字").repeat(n)),
                |line: &String| strip_chrome(line),
            );
        }
    }

    #[test]
    fn pathological_pages_are_linear() {
        type Build = fn(usize) -> String;
        let cases: [(&str, usize, Build); 9] = [
            ("unclosed divs", 50_000, |n| "<div>".repeat(n) + "x"),
            ("stray end tags", 25_000, |n| "<div></p></span>x".repeat(n)),
            ("span around div", 12_000, |n| {
                "<span><div></span>x".repeat(n)
            }),
            ("nested lists", 12_000, |n| "<ul><li>x".repeat(n)),
            ("re-created formatting", 10_000, |n| {
                (0..n).map(|k| format!("<div><b id={k}></div>")).collect()
            }),
            ("attributes", 25_000, |n| {
                let attrs: String = (0..n).map(|k| format!(" a{k}")).collect();
                format!("<div{attrs}>x</div>")
            }),
            ("colspan", 4_000, |n| {
                format!(
                    "<table><tr>{}</tr></table>",
                    "<td colspan=99999999>x".repeat(n)
                )
            }),
            ("rows", 4_000, |n| {
                format!("<table>{}</table>", "<tr><td>a<td>b".repeat(n))
            }),
            ("unclosed brackets", 20_000, |n| {
                format!("<p>{}</p>", "[【".repeat(n))
            }),
        ];
        for (name, n, build) in cases {
            crate::linear::assert_linear(&format!("html {name}"), n, build, |html: &String| {
                to_text(html)
            });
        }
    }
}
