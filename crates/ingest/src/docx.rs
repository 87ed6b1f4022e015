//! DOCX to text with zip + quick-xml: body paragraphs and tables in document
//! order, table rows as tab-separated lines, with zip-bomb limits.
//!
//! Work is linear in the XML's size: each tag does O(1) work on the frame
//! stack however deep unclosed paragraphs or text boxes nest, a row keeps
//! at most [`MAX_ROW_CELLS`] grid columns (`gridSpan` at most
//! [`MAX_GRID_SPAN`]), a table at most [`MAX_TABLE_ROWS`] rows (the rest is
//! read as paragraphs), and at most [`MAX_NS_IN_SCOPE`] namespace
//! declarations may be in scope (the XML reader looks each prefix up
//! through all of them).

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;
use zip::result::ZipError;
use zip::ZipArchive;

use crate::{IngestError, MAX_ROW_CELLS, MAX_TABLE_ROWS};

const W_NS: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_NS_STRICT: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
const MAIN_PART: &str = "word/document.xml";
/// Tables nested deeper than this are read as plain paragraphs.
const MAX_TABLE_DEPTH: usize = 32;
/// Most grid columns one `w:gridSpan` adds.
const MAX_GRID_SPAN: usize = 64;
/// Most namespace declarations in scope at once (Word declares about 40).
const MAX_NS_IN_SCOPE: usize = 256;

/// Why `word/document.xml` could not be read.
#[derive(Debug, thiserror::Error)]
enum ParseError {
    #[error("word/document.xml is not valid XML: {0}")]
    Xml(#[from] quick_xml::Error),
    #[error("word/document.xml has more than {MAX_NS_IN_SCOPE} namespace declarations in scope")]
    Namespaces,
}

const MB: u64 = 1024 * 1024;

/// How far a DOCX may expand when unzipped.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Absolute cap on the uncompressed bytes read.
    pub max_bytes: u64,
    /// Cap on uncompressed / compressed size...
    pub max_ratio: u64,
    /// ...applied only above this many uncompressed bytes.
    pub ratio_floor: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 200 * MB,
            max_ratio: 100,
            ratio_floor: 10 * MB,
        }
    }
}

/// Extracts the text of a DOCX with the default [`Limits`].
pub(crate) fn extract(name: &str, bytes: &[u8]) -> Result<String, IngestError> {
    extract_with_limits(name, bytes, Limits::default())
}

/// Extracts the text of a DOCX, refusing to read more than `limits` allow.
pub(crate) fn extract_with_limits(
    name: &str,
    bytes: &[u8],
    limits: Limits,
) -> Result<String, IngestError> {
    let xml = read_main_part(name, bytes, limits)?;
    let xml = to_utf8(xml);
    let blocks =
        parse(&xml).map_err(|e| IngestError::unreadable(name, format!("corrupt DOCX: {e}")))?;
    let mut out = String::new();
    render_blocks(&blocks, &mut out);
    Ok(out)
}

fn read_main_part(name: &str, bytes: &[u8], limits: Limits) -> Result<Vec<u8>, IngestError> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        IngestError::unreadable(
            name,
            format!("corrupt or truncated DOCX (bad zip archive: {e})"),
        )
    })?;
    let mut file = match archive.by_name(MAIN_PART) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => {
            return Err(IngestError::unreadable(
                name,
                format!("zip archive without {MAIN_PART}: not a DOCX"),
            ))
        }
        Err(e) => {
            return Err(IngestError::unreadable(
                name,
                format!("corrupt or unsupported DOCX (cannot open {MAIN_PART}: {e})"),
            ))
        }
    };
    let by_ratio = file
        .compressed_size()
        .saturating_mul(limits.max_ratio)
        .max(limits.ratio_floor);
    let limit = limits.max_bytes.min(by_ratio);
    let too_large = || IngestError::TooLarge {
        name: name.to_owned(),
        limit_mb: limit.div_ceil(MB),
    };
    if file.size() > limit {
        return Err(too_large());
    }
    let mut xml = Vec::new();
    (&mut file)
        .take(limit.saturating_add(1))
        .read_to_end(&mut xml)
        .map_err(|e| {
            IngestError::unreadable(
                name,
                format!("corrupt or truncated DOCX (cannot read {MAIN_PART}: {e})"),
            )
        })?;
    if xml.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(xml)
}

/// document.xml is UTF-8 in practice; UTF-16 (with BOM) is allowed by XML.
fn to_utf8(xml: Vec<u8>) -> Vec<u8> {
    match encoding_rs::Encoding::for_bom(&xml) {
        Some((enc, _)) if enc != encoding_rs::UTF_8 => {
            let (text, _, _) = enc.decode(&xml);
            text.into_owned().into_bytes()
        }
        Some((_, bom)) => xml.get(bom..).map(<[u8]>::to_vec).unwrap_or_default(),
        None => xml,
    }
}

/// A body-level or cell-level block.
#[derive(Debug)]
enum Block {
    /// A paragraph; may hold `\t` and `\n` from w:tab and w:br.
    Para(String),
    /// Rows of cells.
    Table(Vec<Vec<Cell>>),
}

#[derive(Debug, Default)]
struct Cell {
    blocks: Vec<Block>,
    /// Grid columns spanned (w:gridSpan).
    span: usize,
}

enum Frame {
    /// The body, holding blocks.
    Container(Vec<Block>),
    /// A text box: its paragraphs go to the enclosing body or cell.
    TextBox,
    Para(String),
    Table(Vec<Vec<Cell>>),
    Cell(Cell),
}

/// The stack of open frames, with the positions of its paragraphs and of
/// the frames holding blocks, so the innermost of each is found in O(1)
/// however many unclosed frames lie above it.
struct Frames {
    stack: Vec<Frame>,
    paras: Vec<usize>,
    holders: Vec<usize>,
}

impl Frames {
    fn new() -> Self {
        Frames {
            stack: vec![Frame::Container(Vec::new())],
            paras: Vec::new(),
            holders: vec![0],
        }
    }

    fn push(&mut self, frame: Frame) {
        let at = self.stack.len();
        match frame {
            Frame::Para(_) => self.paras.push(at),
            Frame::Container(_) | Frame::Cell(_) => self.holders.push(at),
            Frame::TextBox | Frame::Table(_) => {}
        }
        self.stack.push(frame);
    }

    fn pop(&mut self) -> Option<Frame> {
        let frame = self.stack.pop()?;
        let at = self.stack.len();
        if self.paras.last() == Some(&at) {
            self.paras.pop();
        }
        if self.holders.last() == Some(&at) {
            self.holders.pop();
        }
        Some(frame)
    }

    fn last(&self) -> Option<&Frame> {
        self.stack.last()
    }

    fn last_mut(&mut self) -> Option<&mut Frame> {
        self.stack.last_mut()
    }

    fn len(&self) -> usize {
        self.stack.len()
    }

    /// The innermost open paragraph.
    fn para(&mut self) -> Option<&mut String> {
        match self.stack.get_mut(*self.paras.last()?) {
            Some(Frame::Para(text)) => Some(text),
            _ => None,
        }
    }

    /// The blocks of the innermost body or cell.
    fn holder(&mut self) -> Option<&mut Vec<Block>> {
        match self.stack.get_mut(*self.holders.last()?) {
            Some(Frame::Container(blocks) | Frame::Cell(Cell { blocks, .. })) => Some(blocks),
            _ => None,
        }
    }
}

/// What a WordprocessingML element means to us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    P,
    T,
    R,
    Tab,
    Br,
    NoBreakHyphen,
    Tbl,
    Tr,
    Tc,
    GridSpan,
    TxbxContent,
    Fallback,
    Other,
}

fn tag(ns: &ResolveResult<'_>, local: &[u8]) -> Tag {
    match ns {
        ResolveResult::Bound(n) if n.as_ref() == W_NS || n.as_ref() == W_NS_STRICT => match local {
            b"p" => Tag::P,
            b"t" => Tag::T,
            b"r" => Tag::R,
            b"tab" => Tag::Tab,
            b"br" | b"cr" => Tag::Br,
            b"noBreakHyphen" => Tag::NoBreakHyphen,
            b"tbl" => Tag::Tbl,
            b"tr" => Tag::Tr,
            b"tc" => Tag::Tc,
            b"gridSpan" => Tag::GridSpan,
            b"txbxContent" => Tag::TxbxContent,
            _ => Tag::Other,
        },
        ResolveResult::Bound(n) if n.as_ref() == MC_NS && local == b"Fallback" => Tag::Fallback,
        _ => Tag::Other,
    }
}

struct Parser {
    stack: Frames,
    in_text: usize,
    in_run: usize,
    /// Depth inside an mc:Fallback (a duplicate of the mc:Choice content).
    skip: usize,
    tables: usize,
    ignored_tables: usize,
}

impl Parser {
    /// Adds a finished block to the nearest body or cell.
    fn add_block(&mut self, block: Block) {
        if let Some(blocks) = self.stack.holder() {
            blocks.push(block);
        }
    }

    fn start(&mut self, tag: Tag, e: &BytesStart<'_>) {
        if self.skip > 0 {
            if tag == Tag::Fallback {
                self.skip += 1;
            }
            return;
        }
        match tag {
            Tag::Fallback => self.skip = 1,
            Tag::P => self.stack.push(Frame::Para(String::new())),
            Tag::T => self.in_text += 1,
            Tag::R => self.in_run += 1,
            Tag::Tab if self.in_run > 0 => self.push_text("\t"),
            Tag::Br if self.in_run > 0 => self.push_text("\n"),
            Tag::NoBreakHyphen if self.in_run > 0 => self.push_text("-"),
            Tag::TxbxContent => self.stack.push(Frame::TextBox),
            Tag::Tbl => {
                if self.tables >= MAX_TABLE_DEPTH || self.ignored_tables > 0 {
                    self.ignored_tables += 1;
                } else {
                    self.tables += 1;
                    self.stack.push(Frame::Table(Vec::new()));
                }
            }
            Tag::Tr if self.ignored_tables == 0 => {
                if let Some(Frame::Table(rows)) = self.stack.last_mut() {
                    if rows.len() < MAX_TABLE_ROWS {
                        rows.push(Vec::new());
                    } else if let Some(Frame::Table(rows)) = self.stack.pop() {
                        // The rest of a huge table is read as paragraphs,
                        // like a table nested too deep.
                        self.tables = self.tables.saturating_sub(1);
                        self.ignored_tables += 1;
                        self.add_block(Block::Table(rows));
                    }
                }
            }
            Tag::Tc if self.ignored_tables == 0 => {
                if matches!(self.stack.last(), Some(Frame::Table(_))) {
                    self.stack.push(Frame::Cell(Cell {
                        blocks: Vec::new(),
                        span: 1,
                    }));
                }
            }
            Tag::GridSpan => {
                // Unchecked: checking for duplicate attributes is quadratic.
                let span = e
                    .attributes()
                    .with_checks(false)
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == b"val")
                    .and_then(|a| {
                        std::str::from_utf8(&a.value)
                            .ok()?
                            .trim()
                            .parse::<usize>()
                            .ok()
                    });
                if let (Some(span), Some(Frame::Cell(cell))) = (span, self.stack.last_mut()) {
                    cell.span = span.clamp(1, MAX_GRID_SPAN);
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: Tag) {
        if self.skip > 0 {
            if tag == Tag::Fallback {
                self.skip -= 1;
            }
            return;
        }
        match tag {
            Tag::P => {
                if let Some(Frame::Para(_)) = self.stack.last() {
                    if let Some(Frame::Para(text)) = self.stack.pop() {
                        self.add_block(Block::Para(text));
                    }
                }
            }
            Tag::T => self.in_text = self.in_text.saturating_sub(1),
            Tag::R => self.in_run = self.in_run.saturating_sub(1),
            // Text-box paragraphs went to the enclosing body or cell as
            // they closed: nothing to move.
            Tag::TxbxContent if matches!(self.stack.last(), Some(Frame::TextBox)) => {
                self.stack.pop();
            }
            Tag::Tbl => {
                if self.ignored_tables > 0 {
                    self.ignored_tables -= 1;
                } else if let Some(Frame::Table(_)) = self.stack.last() {
                    if let Some(Frame::Table(rows)) = self.stack.pop() {
                        self.tables = self.tables.saturating_sub(1);
                        self.add_block(Block::Table(rows));
                    }
                }
            }
            Tag::Tc if self.ignored_tables == 0 => {
                if let Some(Frame::Cell(_)) = self.stack.last() {
                    if let Some(Frame::Cell(cell)) = self.stack.pop() {
                        if let Some(Frame::Table(rows)) = self.stack.last_mut() {
                            if rows.is_empty() {
                                rows.push(Vec::new());
                            }
                            if let Some(row) = rows.last_mut() {
                                row.push(cell);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        if let Some(p) = self.stack.para() {
            p.push_str(s);
        }
    }

    /// Closes whatever a truncated document left open.
    fn finish(mut self) -> Vec<Block> {
        while self.stack.len() > 1 {
            match self.stack.pop() {
                Some(Frame::Para(text)) => self.add_block(Block::Para(text)),
                Some(Frame::Table(rows)) => self.add_block(Block::Table(rows)),
                Some(Frame::Cell(cell)) => {
                    if let Some(Frame::Table(rows)) = self.stack.last_mut() {
                        match rows.last_mut() {
                            Some(row) => row.push(cell),
                            None => rows.push(vec![cell]),
                        }
                    }
                }
                Some(Frame::Container(blocks)) => {
                    for b in blocks {
                        self.add_block(b);
                    }
                }
                Some(Frame::TextBox) => {}
                None => break,
            }
        }
        match self.stack.pop() {
            Some(Frame::Container(blocks)) => blocks,
            _ => Vec::new(),
        }
    }
}

fn parse(xml: &[u8]) -> Result<Vec<Block>, ParseError> {
    let mut reader = NsReader::from_reader(xml);
    let config = reader.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = false;
    // Namespace declarations of each open element, and their sum.
    let mut declared: Vec<usize> = Vec::new();
    let mut in_scope = 0usize;
    let mut p = Parser {
        stack: Frames::new(),
        in_text: 0,
        in_run: 0,
        skip: 0,
        tables: 0,
        ignored_tables: 0,
    };
    loop {
        let (ns, event) = reader.read_resolved_event()?;
        match event {
            Event::Start(e) => {
                let n = namespace_declarations(&e);
                in_scope += n;
                if in_scope > MAX_NS_IN_SCOPE {
                    return Err(ParseError::Namespaces);
                }
                declared.push(n);
                let t = tag(&ns, e.local_name().as_ref());
                p.start(t, &e);
            }
            Event::End(e) => {
                in_scope = in_scope.saturating_sub(declared.pop().unwrap_or(0));
                let t = tag(&ns, e.local_name().as_ref());
                p.end(t);
            }
            Event::Text(t) if p.in_text > 0 && p.skip == 0 => {
                let text = t.unescape()?;
                p.push_text(&text);
            }
            Event::CData(t) if p.in_text > 0 && p.skip == 0 => {
                let text = String::from_utf8_lossy(&t);
                p.push_text(&text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(p.finish())
}

/// `xmlns` and `xmlns:…` attributes of a start tag.
fn namespace_declarations(e: &BytesStart<'_>) -> usize {
    e.attributes()
        .with_checks(false)
        .flatten()
        .filter(|a| a.key.as_ref() == b"xmlns" || a.key.as_ref().starts_with(b"xmlns:"))
        .count()
}

fn render_blocks(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Para(text) => {
                out.push_str(text);
                out.push('\n');
            }
            Block::Table(rows) => render_table(rows, out),
        }
    }
}

/// Each row one line, cells joined by `\t` (a cell spanning n grid columns
/// is followed by n - 1 empty cells so columns line up). A row with a single
/// cell is a box, not data: its paragraphs keep their own lines.
fn render_table(rows: &[Vec<Cell>], out: &mut String) {
    for row in rows {
        if let [cell] = row.as_slice() {
            render_blocks(&cell.blocks, out);
            continue;
        }
        let mut cells: Vec<String> = Vec::new();
        for cell in row {
            let mut text = String::new();
            flatten(&cell.blocks, &mut text);
            let text = crate::one_line(&text);
            if cells.len() < MAX_ROW_CELLS {
                cells.push(text);
            } else if let Some(last) = cells.last_mut().filter(|_| !text.is_empty()) {
                if !last.is_empty() {
                    last.push(' ');
                }
                last.push_str(&text);
            }
            let room = MAX_ROW_CELLS - cells.len();
            cells.extend(std::iter::repeat_n(
                String::new(),
                cell.span.saturating_sub(1).min(room),
            ));
        }
        if cells.iter().any(|c| !c.is_empty()) {
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
}

/// A cell's text on one line: paragraphs and nested tables joined by spaces.
fn flatten(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Para(text) => {
                out.push(' ');
                out.push_str(text);
            }
            Block::Table(rows) => {
                for cell in rows.iter().flatten() {
                    flatten(&cell.blocks, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>"#;

    fn text_of(body: &str) -> String {
        render(&format!("{HEAD}{body}</w:body></w:document>"))
    }

    fn render(xml: &str) -> String {
        let blocks = parse(xml.as_bytes()).unwrap_or_default();
        let mut out = String::new();
        render_blocks(&blocks, &mut out);
        out
    }

    const CELL: &str = "<w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>";
    const WIDE_CELL: &str = r#"<w:tc><w:tcPr><w:gridSpan w:val="100000000"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>"#;

    #[test]
    fn spans_rows_and_cells_are_capped() {
        let t = text_of(&format!("<w:tbl><w:tr>{WIDE_CELL}{CELL}</w:tr></w:tbl>"));
        assert_eq!(t, format!("x{}\tx\n", "\t".repeat(MAX_GRID_SPAN - 1)));
        // However many cells a row has, it keeps MAX_ROW_CELLS columns and
        // all its text.
        let row = WIDE_CELL.repeat(10_000);
        let t = text_of(&format!("<w:tbl><w:tr>{row}</w:tr></w:tbl>"));
        assert_eq!(t.lines().count(), 1);
        assert_eq!(t.matches('\t').count(), MAX_ROW_CELLS - 1);
        assert_eq!(t.matches('x').count(), 10_000);
        // Rows past MAX_TABLE_ROWS are read as paragraphs.
        let rows = format!("<w:tr>{CELL}{CELL}</w:tr>").repeat(MAX_TABLE_ROWS + 1);
        let t = text_of(&format!(
            "<w:tbl>{rows}</w:tbl><w:p><w:r><w:t>后</w:t></w:r></w:p>"
        ));
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), MAX_TABLE_ROWS + 3);
        assert_eq!(lines[MAX_TABLE_ROWS - 1], "x\tx");
        assert_eq!(&lines[MAX_TABLE_ROWS..], ["x", "x", "后"]);
    }

    #[test]
    fn unclosed_paragraphs_and_text_boxes_keep_their_order() {
        let t = text_of(
            "<w:p><w:r><w:t>甲</w:t></w:r><w:p><w:r><w:t>乙</w:t></w:r></w:p><w:r><w:t>丙</w:t></w:r></w:p>\
             <w:p><w:r><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r><w:txbxContent><w:p><w:r><w:t>内框</w:t></w:r></w:p></w:txbxContent></w:p>\
             <w:p><w:r><w:t>框二</w:t></w:r></w:p></w:txbxContent><w:t>锚</w:t></w:r></w:p>\
             <w:p><w:r><w:t>未闭</w:t></w:r><w:p><w:r><w:t>合</w:t>",
        );
        assert_eq!(t, "乙\n甲丙\n内框\n框\n框二\n锚\n合\n未闭\n");
    }

    #[test]
    fn namespaces_in_scope_are_capped() {
        let nested: String = (0..MAX_NS_IN_SCOPE + 1)
            .map(|k| format!(r#"<x{k}:e xmlns:x{k}="urn:x">"#))
            .collect();
        let xml = format!("{HEAD}{nested}<w:p><w:r><w:t>字</w:t></w:r></w:p>");
        assert!(matches!(parse(xml.as_bytes()), Err(ParseError::Namespaces)));
        // Declarations on closed elements leave scope.
        let siblings = r#"<w:p xmlns:a="urn:a" xmlns:b="urn:b"><w:r><w:t>字</w:t></w:r></w:p>"#;
        assert_eq!(text_of(&siblings.repeat(1_000)).lines().count(), 1_000);
        let e = extract("a.docx", &zipped(xml.as_bytes())).expect_err("refused");
        assert_eq!(
            e.to_string(),
            format!("a.docx: corrupt DOCX: word/document.xml has more than {MAX_NS_IN_SCOPE} namespace declarations in scope")
        );
    }

    #[test]
    fn pathological_documents_are_linear() {
        type Build = fn(usize) -> String;
        let run = |b: Build| move |n| format!("{HEAD}{}</w:body></w:document>", b(n));
        let cases: [(&str, usize, Build); 6] = [
            ("unclosed paragraphs", 8_000, |n| {
                "<w:p><w:r><w:t>x</w:t></w:r>".repeat(n) + &"</w:p>".repeat(n)
            }),
            ("nested text boxes", 8_000, |n| {
                "<w:p><w:r><w:txbxContent>".repeat(n)
                    + &"<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(n)
            }),
            ("wide cells", 5_000, |n| {
                format!("<w:tbl><w:tr>{}</w:tr></w:tbl>", WIDE_CELL.repeat(n))
            }),
            ("rows", 4_000, |n| {
                format!(
                    "<w:tbl>{}</w:tbl>",
                    format!("<w:tr>{CELL}{CELL}</w:tr>").repeat(n)
                )
            }),
            ("attributes", 20_000, |n| {
                let attrs: String = (0..n).map(|k| format!(" a{k}=\"\"")).collect();
                format!("<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan{attrs} w:val=\"2\"/></w:tcPr></w:tc>{CELL}</w:tr></w:tbl>")
            }),
            ("namespaces", 5_000, |n| {
                let ns: String = (0..200)
                    .map(|k| format!(r#"<x{k}:e xmlns:x{k}="urn:x">"#))
                    .collect();
                ns + &"<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(n)
            }),
        ];
        for (name, n, build) in cases {
            crate::linear::assert_linear(&format!("docx {name}"), n, run(build), |xml: &String| {
                render(xml)
            });
        }
    }

    #[test]
    fn tabs_breaks_and_tab_stops() {
        let t = text_of(
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>
            <w:r><w:t>一</w:t><w:tab/><w:t xml:space="preserve">二 </w:t><w:br/><w:t>三&amp;四</w:t></w:r></w:p>"#,
        );
        assert_eq!(t, "一\t二 \n三&四\n");
    }

    #[test]
    fn fallback_is_skipped_and_textbox_read_once() {
        let t = text_of(
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Choice>
            <mc:Fallback><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent><w:t>正文</w:t></w:r></w:p>"#,
        );
        assert_eq!(t, "框内\n正文\n");
    }

    #[test]
    fn grid_span_and_single_cell_box() {
        let t = text_of(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>目标</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>专栏1</w:t></w:r></w:p><w:p><w:r><w:t>内容</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
        );
        assert_eq!(t, "指标\t\t目标\n专栏1\n内容\n");
    }

    #[test]
    fn deep_tables_do_not_overflow() {
        let open = "<w:tbl><w:tr><w:tc>".repeat(5_000);
        let close = "</w:tc></w:tr></w:tbl>".repeat(5_000);
        let t = text_of(&format!("{open}<w:p><w:r><w:t>深</w:t></w:r></w:p>{close}"));
        assert_eq!(t, "深\n");
    }

    fn zipped(xml: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        w.start_file(MAIN_PART, opts).expect("start");
        w.write_all(xml).expect("write");
        w.finish().expect("finish").into_inner()
    }

    #[test]
    fn absolute_and_ratio_limits() {
        let xml = format!(
            "{HEAD}{}</w:body></w:document>",
            "<w:p><w:r><w:t>字</w:t></w:r></w:p>".repeat(20_000)
        );
        let docx = zipped(xml.as_bytes());
        let ok = extract_with_limits("a.docx", &docx, Limits::default()).expect("within limits");
        assert_eq!(ok.lines().count(), 20_000);

        let tight = Limits {
            max_bytes: 100_000,
            max_ratio: 1_000,
            ratio_floor: 0,
        };
        let e = extract_with_limits("a.docx", &docx, tight).expect_err("past 100 kB");
        assert_eq!(
            e.to_string(),
            "a.docx: DOCX expands past 1 MB, refusing (zip bomb?)"
        );

        let by_ratio = Limits {
            max_bytes: 1 << 30,
            max_ratio: 2,
            ratio_floor: 0,
        };
        let e = extract_with_limits("a.docx", &docx, by_ratio).expect_err("ratio");
        assert!(matches!(e, IngestError::TooLarge { .. }), "{e}");
    }

    #[test]
    fn truncated_xml_keeps_what_was_read() {
        let xml = format!("{HEAD}<w:p><w:r><w:t>半截");
        let blocks = parse(xml.as_bytes()).unwrap_or_default();
        let mut out = String::new();
        render_blocks(&blocks, &mut out);
        assert_eq!(out, "半截\n");
    }
}
