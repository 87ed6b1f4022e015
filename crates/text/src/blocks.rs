//! Reading a whole document into blocks: headings, paragraphs (with lines cut
//! by page breaks joined again) and table rows.

use crate::line::{classify, LineClass};

/// One structural unit of a document, with its byte span in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Byte offset where the block starts in the input.
    pub start: usize,
    /// Byte offset just past the block.
    pub end: usize,
}

/// The kinds of [`Block`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// An outline heading; depth 1 is 第X章.
    Heading {
        /// Outline depth.
        level: u8,
    },
    /// Running text; may span several input lines joined across page breaks.
    Paragraph,
    /// One table row; cells are absolute byte spans in the input.
    TableRow {
        /// Cell spans.
        cells: Vec<(usize, usize)>,
    },
}

/// Sentence-final punctuation: a line ending with one of these ends its paragraph.
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with([
        '。', '！', '？', '!', '?', '；', ';', '：', ':', '”', '」', '』', '…',
    ])
}

/// Reads `text` into blocks, skipping blank lines, page numbers, tables of
/// contents and web-page chrome.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // Index in `out` of a paragraph that may continue on a later line.
    let mut open_para: Option<usize> = None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += raw.len();
        match classify(line) {
            LineClass::Blank | LineClass::PageNumber => {}
            LineClass::Toc | LineClass::Chrome => open_para = None,
            LineClass::Heading(level) => {
                open_para = None;
                out.push(Block {
                    kind: BlockKind::Heading { level },
                    start,
                    end: start + line.len(),
                });
            }
            LineClass::TableRow(cells) => {
                open_para = None;
                let cells = cells
                    .into_iter()
                    .map(|(a, b)| (start + a, start + b))
                    .collect();
                out.push(Block {
                    kind: BlockKind::TableRow { cells },
                    start,
                    end: start + line.len(),
                });
            }
            LineClass::Text => {
                let lead = line.len() - line.trim_start_matches([' ', '\u{3000}']).len();
                let end = start + line.trim_end().len();
                // An indented line starts a new paragraph (web text indents paragraphs;
                // a sentence continued after a page break is not indented).
                if lead > 0 {
                    open_para = None;
                }
                match open_para {
                    Some(i) => out[i].end = end,
                    None => {
                        out.push(Block {
                            kind: BlockKind::Paragraph,
                            start: start + lead,
                            end,
                        });
                        open_para = Some(out.len() - 1);
                    }
                }
                if ends_sentence(line) {
                    open_para = None;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, blocks: &[Block]) -> Vec<&'a str> {
        blocks.iter().map(|b| &text[b.start..b.end]).collect()
    }

    #[test]
    fn joins_sentences_cut_by_page_breaks() {
        let text = "农业生产\n\n12\n\n稳步发展。\n下一段。\n";
        let b = blocks(text);
        assert_eq!(
            texts(text, &b),
            ["农业生产\n\n12\n\n稳步发展。", "下一段。"]
        );
    }

    #[test]
    fn indented_lines_start_paragraphs() {
        let text = "  锦州市人民政府\n\n  2017年8月6日\n";
        assert_eq!(
            texts(text, &blocks(text)),
            ["锦州市人民政府", "2017年8月6日"]
        );
    }

    #[test]
    fn skips_toc_and_chrome() {
        let text = "目 录\n第一章 发展背景\t1\n版权所有 某市人民政府\n第一章 发展背景\n正文。\n";
        let b = blocks(text);
        assert_eq!(texts(text, &b), ["第一章 发展背景", "正文。"]);
        assert_eq!(b[0].kind, BlockKind::Heading { level: 1 });
    }

    #[test]
    fn table_rows_break_paragraphs() {
        let text = "表1 指标\n指标\t2020年\n森林覆盖率\t36.4\n";
        let b = blocks(text);
        assert_eq!(b.len(), 3);
        match &b[2].kind {
            BlockKind::TableRow { cells } => {
                assert_eq!(&text[cells[1].0..cells[1].1], "36.4");
            }
            other => panic!("not a row: {other:?}"),
        }
    }
}
