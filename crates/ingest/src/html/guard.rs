//! Decides, in one linear pass over the tags, whether a page is too costly
//! for the HTML parser. html5ever's tree builder scans its stack of open
//! elements and its list of active formatting elements on most tags, so its
//! time grows with depth × tags; it re-creates every unclosed formatting
//! element (`<b>`, `<font>`…) after each block that cut them off, so a few
//! bytes can make millions of nodes; and it compares each attribute of a
//! tag with all before it. The guard follows the parser's rules closely
//! enough to bound all three: end tags close only elements the parser would
//! close (a stray `</p>` or `</span>` closes nothing), implied ends (`<p>`,
//! `<li>`, `<td>`…), special and scope elements, raw text (`<script>`,
//! `<style>`…), comments, quoted attributes, foreign content (`<svg>`) and
//! the active formatting elements (markers, the Noah's Ark rule, re-creation
//! and the adoption agency, simplified where that only overestimates).

use std::collections::{HashMap, VecDeque};

/// Deeper nesting than this is not sent to the HTML parser.
pub(super) const MAX_DEPTH: usize = 2_000;
/// More attributes than this on one tag is not sent to the HTML parser
/// (it checks each new attribute against all before it).
pub(super) const MAX_ATTRS: usize = 256;
/// Elements the parser may create beyond one per input byte: re-created
/// formatting elements past this are an amplification attack, not a page.
const CREATED_SLACK: usize = 100_000;

/// What the pass found, up to the point where a limit was passed.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Shape {
    /// Deepest stack of open elements.
    pub depth: usize,
    /// Elements created, counting re-created formatting elements.
    pub created: usize,
    /// Most attributes on one tag.
    pub attrs: usize,
}

/// True when the page would make the HTML parser slow or huge.
pub(super) fn too_costly(source: &str) -> bool {
    let budget = source.len().saturating_add(CREATED_SLACK);
    let shape = measure(source, Some(budget));
    shape.depth > MAX_DEPTH || shape.attrs > MAX_ATTRS || shape.created > budget
}

/// The shape of the element tree the parser would build; with a `budget`,
/// stops as soon as one limit is passed (so the pass stays linear).
pub(super) fn measure(source: &str, budget: Option<usize>) -> Shape {
    let mut model = Model {
        budget,
        ..Model::default()
    };
    model.run(source);
    Shape {
        depth: model.max_depth,
        created: model.created,
        attrs: model.max_attrs,
    }
}

// ------------------------------------------------------------ element kinds

const SPECIAL: usize = 0;
/// Ends the default scope (applet, caption, html, table, td, th, marquee,
/// object, template, SVG/MathML integration points).
const SCOPE: usize = 1;
/// Ends the table scope (html, table, template).
const TABLE_SCOPE: usize = 2;
const BUTTON: usize = 3;
/// ol, ul: end the list-item scope.
const LIST: usize = 4;
/// Special elements other than address, div and p: stop `<li>`/`<dd>`
/// from closing an open one further down.
const LI_STOP: usize = 5;
const HEADING: usize = 6;
const TABLE: usize = 7;
const CELL: usize = 8;
const ROW: usize = 9;
const SECTION: usize = 10;
const CAPTION: usize = 11;
const SELECT: usize = 12;
const FOREIGN_ROOT: usize = 13;
const INTEGRATION: usize = 14;
const CLASSES: usize = 15;

/// The parser's "special" elements (HTML namespace).
const SPECIAL_NAMES: &[&str] = &[
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "keygen",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
];

fn is_special(n: &str) -> bool {
    SPECIAL_NAMES.contains(&n)
}

/// Elements without content or end tag.
const VOID_NAMES: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

fn is_void(n: &str) -> bool {
    VOID_NAMES.contains(&n)
}

/// Formatting elements, kept in the list of active formatting elements.
const FORMATTING_NAMES: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

fn is_formatting(n: &str) -> bool {
    FORMATTING_NAMES.contains(&n)
}

const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "search",
    "section",
    "summary",
    "ul",
    "pre",
    "listing",
];

/// Elements whose start tag closes an open `<p>`.
fn closes_p(n: &str) -> bool {
    CLOSES_P.contains(&n)
}

fn is_heading(n: &str) -> bool {
    matches!(n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_integration(n: &str) -> bool {
    matches!(
        n,
        "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml" | "foreignobject" | "desc" | "title"
    )
}

const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// HTML start tags that end foreign content.
fn breaks_out(n: &str, attrs: &[(&str, &str)]) -> bool {
    BREAKOUT.contains(&n)
        || (n == "font"
            && attrs.iter().any(|(a, _)| {
                ["color", "face", "size"]
                    .iter()
                    .any(|w| a.eq_ignore_ascii_case(w))
            }))
}

/// The classes an HTML element belongs to.
fn html_classes(n: &str) -> u32 {
    let mut c = 0u32;
    let special = is_special(n);
    if special {
        c |= 1 << SPECIAL;
        if !matches!(n, "address" | "div" | "p") {
            c |= 1 << LI_STOP;
        }
    }
    if matches!(
        n,
        "applet" | "caption" | "html" | "table" | "td" | "th" | "marquee" | "object" | "template"
    ) {
        c |= 1 << SCOPE;
    }
    let class = match n {
        "button" => Some(BUTTON),
        "ol" | "ul" => Some(LIST),
        "table" => Some(TABLE),
        "td" | "th" => Some(CELL),
        "tr" => Some(ROW),
        "tbody" | "thead" | "tfoot" => Some(SECTION),
        "caption" => Some(CAPTION),
        "select" => Some(SELECT),
        "svg" | "math" => Some(FOREIGN_ROOT),
        _ if is_heading(n) => Some(HEADING),
        _ => None,
    };
    if let Some(k) = class {
        c |= 1 << k;
    }
    if matches!(n, "html" | "table" | "template") {
        c |= 1 << TABLE_SCOPE;
    }
    c
}

/// Elements that put a marker in the list of active formatting elements.
fn is_marker(n: &str) -> bool {
    matches!(
        n,
        "applet" | "object" | "marquee" | "td" | "th" | "caption" | "template"
    )
}

// ------------------------------------------------------------ the model

/// Position and id of a stack entry; stale once that entry is popped.
type Slot = (usize, u64);

struct El {
    id: u64,
    name: Box<str>,
    /// False once removed from the middle of the stack (adoption agency,
    /// `</form>`); such entries are skipped and dropped when on top.
    live: bool,
    marker: bool,
    /// Its entry in the list of active formatting elements.
    afe: Option<usize>,
}

/// One entry of the list of active formatting elements (a doubly linked
/// list, so removing from the middle is O(1)).
struct AfeNode {
    marker: bool,
    name: Box<str>,
    /// Name and attributes, for the Noah's Ark rule.
    key: Box<str>,
    elem: Option<Slot>,
    prev: Option<usize>,
    next: Option<usize>,
    alive: bool,
}

/// Entries after one marker, indexed by name and by key.
#[derive(Default)]
struct Level {
    by_name: HashMap<Box<str>, Vec<usize>>,
    by_key: HashMap<Box<str>, (usize, VecDeque<usize>)>,
}

struct Afe {
    nodes: Vec<AfeNode>,
    tail: Option<usize>,
    levels: Vec<Level>,
}

impl Default for Afe {
    fn default() -> Self {
        Afe {
            nodes: Vec::new(),
            tail: None,
            levels: vec![Level::default()],
        }
    }
}

impl Afe {
    fn append(&mut self, node: AfeNode) -> usize {
        let idx = self.nodes.len();
        self.nodes.push(AfeNode {
            prev: self.tail,
            next: None,
            ..node
        });
        if let Some(t) = self.tail {
            self.nodes[t].next = Some(idx);
        }
        self.tail = Some(idx);
        idx
    }

    fn unlink(&mut self, i: usize) {
        let (prev, next) = (self.nodes[i].prev, self.nodes[i].next);
        if let Some(p) = prev {
            self.nodes[p].next = next;
        }
        match next {
            Some(n) => self.nodes[n].prev = prev,
            None => self.tail = prev,
        }
        let node = &mut self.nodes[i];
        node.alive = false;
        node.prev = None;
        node.next = None;
    }

    fn push_marker(&mut self) {
        self.append(AfeNode {
            marker: true,
            name: "".into(),
            key: "".into(),
            elem: None,
            prev: None,
            next: None,
            alive: true,
        });
        self.levels.push(Level::default());
    }

    /// Removes entries up to and including the last marker.
    fn clear_to_marker(&mut self) {
        while let Some(t) = self.tail {
            let marker = self.nodes[t].marker;
            self.unlink(t);
            if marker {
                break;
            }
        }
        if self.levels.len() > 1 {
            self.levels.pop();
        } else {
            self.levels[0] = Level::default();
        }
    }

    /// Removes a formatting entry of the current level.
    fn remove(&mut self, i: usize) {
        if !self.nodes[i].alive {
            return;
        }
        self.unlink(i);
        let key = &self.nodes[i].key;
        if let Some(level) = self.levels.last_mut() {
            if let Some((count, _)) = level.by_key.get_mut(key) {
                *count = count.saturating_sub(1);
            }
        }
    }

    /// Adds a formatting element, first dropping the earliest of three
    /// identical ones after the last marker (the Noah's Ark rule).
    fn push_elem(&mut self, name: &str, key: Box<str>, elem: Slot) -> usize {
        let mut drop = None;
        if let Some(level) = self.levels.last_mut() {
            if let Some((count, queue)) = level.by_key.get_mut(&key) {
                if *count >= 3 {
                    while let Some(f) = queue.pop_front() {
                        if self.nodes[f].alive {
                            drop = Some(f);
                            break;
                        }
                    }
                }
            }
        }
        if let Some(f) = drop {
            self.remove(f);
        }
        let idx = self.append(AfeNode {
            marker: false,
            name: name.into(),
            key: key.clone(),
            elem: Some(elem),
            prev: None,
            next: None,
            alive: true,
        });
        if let Some(level) = self.levels.last_mut() {
            let (count, queue) = level.by_key.entry(key).or_default();
            *count += 1;
            queue.push_back(idx);
            level.by_name.entry(name.into()).or_default().push(idx);
        }
        idx
    }

    /// The last entry named `name` after the last marker.
    fn last_named(&mut self, name: &str) -> Option<usize> {
        let list = self.levels.last_mut()?.by_name.get_mut(name)?;
        while let Some(&i) = list.last() {
            if self.nodes[i].alive {
                return Some(i);
            }
            list.pop();
        }
        None
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Raw {
    /// `<style>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`,
    /// `<noscript>`, `<textarea>`, `<title>`: text up to the end tag.
    Text,
    /// `<script>`, with its escaped states (`<!--<script>…</script>-->`).
    Script,
    /// `<plaintext>`: the rest of the document is text.
    Plaintext,
}

#[derive(Default)]
struct Model {
    stack: Vec<El>,
    next_id: u64,
    depth: usize,
    max_depth: usize,
    created: usize,
    max_attrs: usize,
    budget: Option<usize>,
    classes: [Vec<Slot>; CLASSES],
    by_name: HashMap<Box<str>, Vec<Slot>>,
    afe: Afe,
    form_pointer: bool,
}

fn valid(stack: &[El], (pos, id): Slot) -> bool {
    stack.get(pos).is_some_and(|e| e.id == id && e.live)
}

/// Topmost live entry of a list of slots, dropping stale ones on the way
/// (each slot is dropped once, so this is amortised O(1)).
fn top_of(list: &mut Vec<Slot>, stack: &[El]) -> Option<usize> {
    while let Some(&slot) = list.last() {
        if valid(stack, slot) {
            return Some(slot.0);
        }
        list.pop();
    }
    None
}

struct Tag<'a> {
    name: String,
    self_closing: bool,
    /// The first attributes (past [`MAX_ATTRS`] only counted).
    attrs: Vec<(&'a str, &'a str)>,
    attr_count: usize,
    /// Index just past the tag's `>`.
    next: usize,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn find_byte(b: &[u8], from: usize, byte: u8) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&c| c == byte)
        .map(|o| from + o)
}

/// Reads a tag whose name starts at `i`; `None` when the input ends inside
/// it (the tokenizer then drops the tag).
fn parse_tag(s: &str, i: usize) -> Option<Tag<'_>> {
    let b = s.as_bytes();
    let mut j = i;
    while j < b.len() && !is_space(b[j]) && b[j] != b'/' && b[j] != b'>' {
        j += 1;
    }
    let name = s.get(i..j).unwrap_or_default().to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut attr_count = 0;
    let skip_space = |mut j: usize| {
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        j
    };
    loop {
        j = skip_space(j);
        match b.get(j) {
            None => return None,
            Some(b'>') => {
                return Some(Tag {
                    name,
                    self_closing: false,
                    attrs,
                    attr_count,
                    next: j + 1,
                })
            }
            Some(b'/') => {
                if b.get(j + 1) == Some(&b'>') {
                    return Some(Tag {
                        name,
                        self_closing: true,
                        attrs,
                        attr_count,
                        next: j + 2,
                    });
                }
                j += 1;
            }
            Some(_) => {
                // The first character may be `=`; the name runs to a space,
                // `/`, `>` or `=`.
                let start = j;
                j += 1;
                while j < b.len() && !is_space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
                    j += 1;
                }
                let attr = s.get(start..j).unwrap_or_default();
                j = skip_space(j);
                let mut value = "";
                if b.get(j) == Some(&b'=') {
                    j = skip_space(j + 1);
                    match b.get(j) {
                        None => return None,
                        Some(&q) if q == b'"' || q == b'\'' => {
                            let end = find_byte(b, j + 1, q)?;
                            value = s.get(j + 1..end).unwrap_or_default();
                            j = end + 1;
                        }
                        Some(b'>') => {}
                        Some(_) => {
                            let start = j;
                            while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                                j += 1;
                            }
                            value = s.get(start..j).unwrap_or_default();
                        }
                    }
                }
                attr_count += 1;
                if attr_count <= MAX_ATTRS + 1 {
                    attrs.push((attr, value));
                }
            }
        }
    }
}

/// True when `</name` followed by a space, `/` or `>` starts at `at`.
fn end_tag_at(b: &[u8], at: usize, name: &str) -> bool {
    let n = name.len();
    b.get(at + 1) == Some(&b'/')
        && b.get(at + 2..at + 2 + n)
            .is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes()))
        && b.get(at + 2 + n)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Where the raw text of a `name` element starting at `from` ends: the `<`
/// of its end tag, or `None` when it runs to the end of the input.
fn skip_raw(s: &str, from: usize, raw: Raw, name: &str) -> Option<usize> {
    let b = s.as_bytes();
    match raw {
        Raw::Plaintext => None,
        Raw::Text => {
            let mut i = from;
            loop {
                let lt = find_byte(b, i, b'<')?;
                if end_tag_at(b, lt, name) {
                    return Some(lt);
                }
                i = lt + 1;
            }
        }
        Raw::Script => {
            // Script data, escaped (after `<!--`) and double escaped (after
            // `<!--<script>`), where `</script>` does not end the script.
            #[derive(PartialEq)]
            enum St {
                Data,
                Escaped,
                Double,
            }
            let mut st = St::Data;
            let mut i = from;
            while i < b.len() {
                match b[i] {
                    b'<' => {
                        if st != St::Double && end_tag_at(b, i, "script") {
                            return Some(i);
                        }
                        if st == St::Data && b[i..].starts_with(b"<!--") {
                            st = St::Escaped;
                            // The dashes of `<!--` may also close: `<!-->`.
                            i += 2;
                            continue;
                        }
                        if st == St::Escaped && starts_tag(b, i + 1, "script") {
                            st = St::Double;
                        } else if st == St::Double && end_tag_at(b, i, "script") {
                            st = St::Escaped;
                        }
                    }
                    b'-' if st != St::Data && b[i..].starts_with(b"-->") => {
                        st = St::Data;
                        i += 3;
                        continue;
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
    }
}

/// True when `name` followed by a space, `/` or `>` starts at `at`.
fn starts_tag(b: &[u8], at: usize, name: &str) -> bool {
    let n = name.len();
    b.get(at..at + n)
        .is_some_and(|w| w.eq_ignore_ascii_case(name.as_bytes()))
        && b.get(at + n)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

impl Model {
    fn over(&self) -> bool {
        self.budget.is_some_and(|budget| {
            self.max_depth > MAX_DEPTH || self.max_attrs > MAX_ATTRS || self.created > budget
        })
    }

    fn top(&mut self, class: usize) -> Option<usize> {
        top_of(&mut self.classes[class], &self.stack)
    }

    fn top_named(&mut self, name: &str) -> Option<usize> {
        let list = self.by_name.get_mut(name)?;
        top_of(list, &self.stack)
    }

    /// True when no element of `class` stands above `pos`.
    fn clear_above(&mut self, pos: usize, class: usize) -> bool {
        self.top(class).is_none_or(|b| b <= pos)
    }

    fn in_scope(&mut self, pos: usize) -> bool {
        self.clear_above(pos, SCOPE)
    }

    fn current(&self) -> Option<&str> {
        self.stack.last().map(|e| &*e.name)
    }

    fn in_foreign(&mut self) -> bool {
        let root = self.top(FOREIGN_ROOT);
        root.is_some() && root > self.top(INTEGRATION)
    }

    fn in_select(&mut self) -> bool {
        self.top(SELECT).is_some()
    }

    fn node_slot(&self, node: usize) -> Option<Slot> {
        self.afe.nodes[node]
            .elem
            .filter(|&slot| valid(&self.stack, slot))
    }

    fn push(&mut self, name: &str, classes: u32, marker: bool) -> Slot {
        self.created += 1;
        let id = self.next_id;
        self.next_id += 1;
        let pos = self.stack.len();
        for (k, list) in self.classes.iter_mut().enumerate() {
            if classes & (1 << k) != 0 {
                list.push((pos, id));
            }
        }
        match self.by_name.get_mut(name) {
            Some(list) => list.push((pos, id)),
            None => {
                self.by_name.insert(name.into(), vec![(pos, id)]);
            }
        }
        self.stack.push(El {
            id,
            name: name.into(),
            live: true,
            marker,
            afe: None,
        });
        self.depth += 1;
        self.max_depth = self.max_depth.max(self.depth);
        if marker {
            self.afe.push_marker();
        }
        (pos, id)
    }

    fn push_html(&mut self, name: &str) {
        self.push(name, html_classes(name), is_marker(name));
    }

    fn push_formatting(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let slot = self.push(name, 0, false);
        let mut pairs: Vec<String> = attrs
            .iter()
            .map(|(a, v)| format!("{}={v}", a.to_ascii_lowercase()))
            .collect();
        pairs.sort_unstable();
        let key = format!("{name} {}", pairs.join("\u{0}"));
        let node = self.afe.push_elem(name, key.into(), slot);
        if let Some(el) = self.stack.last_mut() {
            el.afe = Some(node);
        }
    }

    /// Drops dead entries left on top of the stack.
    fn trim(&mut self) {
        while self.stack.last().is_some_and(|e| !e.live) {
            self.stack.pop();
        }
    }

    fn pop_top(&mut self) {
        if let Some(el) = self.stack.pop() {
            if el.live {
                self.depth -= 1;
                if el.marker {
                    self.afe.clear_to_marker();
                }
            }
        }
        self.trim();
    }

    /// Pops entries down to and including `pos`.
    fn pop_to(&mut self, pos: usize) {
        while self.stack.len() > pos {
            self.pop_top();
        }
    }

    /// Takes the entry at `pos` out of the middle of the stack.
    fn kill(&mut self, pos: usize) {
        if let Some(el) = self.stack.get_mut(pos) {
            if el.live {
                el.live = false;
                self.depth -= 1;
            }
        }
        self.trim();
    }

    /// Re-creates the formatting elements a closed block cut off.
    fn reconstruct(&mut self) {
        let Some(tail) = self.afe.tail else {
            return;
        };
        if self.afe.nodes[tail].marker || self.node_slot(tail).is_some() {
            return;
        }
        let mut first = tail;
        while let Some(p) = self.afe.nodes[first].prev {
            if self.afe.nodes[p].marker || self.node_slot(p).is_some() {
                break;
            }
            first = p;
        }
        let mut cur = Some(first);
        while let Some(c) = cur {
            if self.over() {
                return;
            }
            let name = self.afe.nodes[c].name.clone();
            let slot = self.push(&name, 0, false);
            self.afe.nodes[c].elem = Some(slot);
            if let Some(el) = self.stack.last_mut() {
                el.afe = Some(c);
            }
            cur = self.afe.nodes[c].next;
        }
    }

    fn close_p(&mut self) {
        if let Some(p) = self.top_named("p") {
            if self.in_scope(p) && self.clear_above(p, BUTTON) {
                self.pop_to(p);
            }
        }
    }

    /// The end tag of a formatting element (the adoption agency, whose
    /// clone of the element is popped again at once in the usual case).
    fn adopt(&mut self, name: &str) {
        if let Some(top) = self.stack.last() {
            let in_list = top.afe.is_some_and(|a| self.afe.nodes[a].alive);
            if &*top.name == name && !in_list {
                self.pop_top();
                return;
            }
        }
        let Some(node) = self.afe.last_named(name) else {
            self.end_other(name);
            return;
        };
        let Some((pos, _)) = self.node_slot(node) else {
            self.afe.remove(node);
            return;
        };
        if !self.in_scope(pos) {
            return;
        }
        if self.top(SPECIAL).is_some_and(|s| s > pos) {
            self.created += 1;
            self.kill(pos);
        } else {
            self.pop_to(pos);
        }
        self.afe.remove(node);
    }

    /// Any other end tag: closes the element unless a special one is open
    /// inside it.
    fn end_other(&mut self, name: &str) {
        if let Some(pos) = self.top_named(name) {
            if self.top(SPECIAL).is_none_or(|s| s <= pos) {
                self.pop_to(pos);
            }
        }
    }

    /// Text: re-creates cut-off formatting elements (in body).
    fn text(&mut self) {
        if !self.in_select() && !self.in_foreign() {
            self.reconstruct();
        }
    }

    /// A start tag; returns the raw-text kind when its content is text.
    fn start(&mut self, tag: &Tag<'_>) -> Option<Raw> {
        let n = tag.name.as_str();
        if self.in_foreign() {
            if !breaks_out(n, &tag.attrs) {
                if tag.self_closing {
                    self.created += 1;
                } else {
                    let classes = if is_integration(n) {
                        (1 << INTEGRATION) | (1 << SPECIAL) | (1 << SCOPE)
                    } else if matches!(n, "svg" | "math") {
                        1 << FOREIGN_ROOT
                    } else {
                        0
                    };
                    self.push(n, classes, false);
                }
                return None;
            }
            if let Some(root) = self.top(FOREIGN_ROOT) {
                self.pop_to(root);
            }
        }
        if let Some(sel) = self.top(SELECT) {
            match n {
                "option" => {
                    if self.current() == Some("option") {
                        self.pop_top();
                    }
                    self.push_html(n);
                    return None;
                }
                "optgroup" => {
                    if self.current() == Some("option") {
                        self.pop_top();
                    }
                    if self.current() == Some("optgroup") {
                        self.pop_top();
                    }
                    self.push_html(n);
                    return None;
                }
                "select" => {
                    self.pop_to(sel);
                    return None;
                }
                "input" | "keygen" | "textarea" => self.pop_to(sel),
                "script" | "template" => {}
                "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th"
                    if self.top(TABLE).is_some_and(|t| t < sel) =>
                {
                    self.pop_to(sel)
                }
                _ => return None,
            }
        }
        self.start_in_body(tag)
    }

    fn start_in_body(&mut self, tag: &Tag<'_>) -> Option<Raw> {
        let n = tag.name.as_str();
        match n {
            "html" | "body" | "head" | "frameset" | "frame" => {}
            "script" => {
                self.created += 1;
                return Some(Raw::Script);
            }
            "style" | "iframe" | "noembed" | "noframes" | "noscript" | "textarea" | "title" => {
                self.created += 1;
                return Some(Raw::Text);
            }
            "xmp" => {
                self.close_p();
                self.reconstruct();
                self.created += 1;
                return Some(Raw::Text);
            }
            "plaintext" => {
                self.close_p();
                self.created += 1;
                return Some(Raw::Plaintext);
            }
            "hr" => {
                self.close_p();
                self.created += 1;
            }
            "br" | "img" | "image" | "input" | "keygen" | "embed" | "area" | "wbr" => {
                self.reconstruct();
                self.created += 1;
            }
            _ if is_void(n) => self.created += 1,
            "form" => {
                if !self.form_pointer {
                    self.close_p();
                    self.push_html(n);
                    self.form_pointer = true;
                }
            }
            _ if is_heading(n) => {
                self.close_p();
                if self.current().is_some_and(is_heading) {
                    self.pop_top();
                }
                self.push_html(n);
            }
            "li" | "dd" | "dt" => {
                let open = if n == "li" {
                    self.top_named("li")
                } else {
                    self.top_named("dd").max(self.top_named("dt"))
                };
                if let Some(pos) = open {
                    if self.top(LI_STOP) == Some(pos) {
                        self.pop_to(pos);
                    }
                }
                self.close_p();
                self.push_html(n);
            }
            _ if closes_p(n) => {
                self.close_p();
                self.push_html(n);
            }
            "button" => {
                if let Some(b) = self.top_named("button") {
                    if self.in_scope(b) {
                        self.pop_to(b);
                    }
                }
                self.reconstruct();
                self.push_html(n);
            }
            "a" => {
                if let Some(node) = self.afe.last_named("a") {
                    let slot = self.node_slot(node);
                    self.adopt("a");
                    self.afe.remove(node);
                    if let Some((pos, _)) = slot.filter(|&s| valid(&self.stack, s)) {
                        self.kill(pos);
                    }
                }
                self.reconstruct();
                self.push_formatting(n, &tag.attrs);
            }
            "nobr" => {
                self.reconstruct();
                if let Some(pos) = self.top_named("nobr") {
                    if self.in_scope(pos) {
                        self.adopt("nobr");
                        self.reconstruct();
                    }
                }
                self.push_formatting(n, &tag.attrs);
            }
            _ if is_formatting(n) => {
                self.reconstruct();
                self.push_formatting(n, &tag.attrs);
            }
            "table" => {
                if let Some(t) = self.top(TABLE) {
                    let in_cell = self.top(CELL).is_some_and(|c| c > t)
                        || self.top(CAPTION).is_some_and(|c| c > t);
                    if !in_cell {
                        // A table directly in a table closes the first.
                        self.pop_to(t);
                    }
                }
                self.push_html(n);
            }
            "caption" | "colgroup" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "col" => {
                // Ignored outside a table.
                let t = self.top(TABLE)?;
                // Close what is open in this table at the same level or
                // inside it (a new row closes the open cell and row).
                let levels: &[usize] = match n {
                    "td" | "th" => &[CELL],
                    "tr" => &[CELL, ROW],
                    "tbody" | "thead" | "tfoot" => &[CELL, ROW, SECTION],
                    _ => {
                        self.pop_to(t + 1);
                        if n == "col" {
                            self.created += 1;
                        } else {
                            self.push_html(n);
                        }
                        return None;
                    }
                };
                let mut lowest = None;
                for &level in levels {
                    if let Some(p) = self.top(level).filter(|&p| p > t) {
                        lowest = Some(lowest.map_or(p, |l: usize| l.min(p)));
                    }
                }
                if let Some(p) = lowest {
                    self.pop_to(p);
                }
                self.push_html(n);
            }
            "option" | "optgroup" => {
                if self.current() == Some("option") {
                    self.pop_top();
                }
                self.reconstruct();
                self.push_html(n);
            }
            "svg" | "math" => {
                self.reconstruct();
                if tag.self_closing {
                    self.created += 1;
                } else {
                    self.push_html(n);
                }
            }
            "applet" | "marquee" | "object" | "select" | "template" => {
                if n != "template" {
                    self.reconstruct();
                }
                self.push_html(n);
            }
            _ => {
                self.reconstruct();
                self.push_html(n);
            }
        }
        None
    }

    fn end(&mut self, n: &str) {
        if self.in_foreign() {
            if let (Some(pos), Some(root)) = (self.top_named(n), self.top(FOREIGN_ROOT)) {
                if pos >= root {
                    self.pop_to(pos);
                    return;
                }
            }
        }
        if let Some(sel) = self.top(SELECT) {
            match n {
                "option" | "optgroup" => {
                    if n == "optgroup"
                        && self.current() == Some("option")
                        && self.stack.len() >= 2
                        && &*self.stack[self.stack.len() - 2].name == "optgroup"
                    {
                        self.pop_top();
                    }
                    if self.current() == Some(n) {
                        self.pop_top();
                    }
                }
                "select" => self.pop_to(sel),
                "caption" | "table" | "tbody" | "tfoot" | "thead" | "tr" | "td" | "th" => {
                    if let Some(pos) = self.top_named(n).filter(|&p| p < sel) {
                        if self.clear_above(pos, TABLE_SCOPE) {
                            self.pop_to(sel);
                            self.end(n);
                        }
                    }
                }
                "template" => self.end_other(n),
                _ => {}
            }
            return;
        }
        match n {
            "html" | "body" | "head" | "frameset" => {}
            "br" => {
                self.reconstruct();
                self.created += 1;
            }
            "p" => match self.top_named("p") {
                Some(p) if self.in_scope(p) && self.clear_above(p, BUTTON) => self.pop_to(p),
                // `</p>` with no open p makes an empty one.
                _ => self.created += 1,
            },
            "li" => {
                if let Some(p) = self.top_named("li") {
                    if self.in_scope(p) && self.clear_above(p, LIST) {
                        self.pop_to(p);
                    }
                }
            }
            "form" => {
                if std::mem::take(&mut self.form_pointer) {
                    if let Some(f) = self.top_named("form") {
                        if self.in_scope(f) {
                            self.kill(f);
                        }
                    }
                }
            }
            _ if is_heading(n) => {
                if let Some(h) = self.top(HEADING) {
                    if self.in_scope(h) {
                        self.pop_to(h);
                    }
                }
            }
            _ if is_formatting(n) => self.adopt(n),
            "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "table" | "caption" | "template" => {
                if let Some(p) = self.top_named(n) {
                    if self.clear_above(p, TABLE_SCOPE) {
                        self.pop_to(p);
                    }
                }
            }
            "colgroup" => {
                if self.current() == Some("colgroup") {
                    self.pop_top();
                }
            }
            _ if is_special(n) => {
                if let Some(p) = self.top_named(n) {
                    if self.in_scope(p) {
                        self.pop_to(p);
                    }
                }
            }
            _ => self.end_other(n),
        }
    }

    /// `<!…`: a comment, CDATA in foreign content, or a doctype or bogus
    /// comment up to `>`; returns where scanning continues.
    fn declaration(&mut self, s: &str, lt: usize) -> usize {
        let b = s.as_bytes();
        let skip_to_gt = |from: usize| find_byte(b, from, b'>').map_or(b.len(), |g| g + 1);
        let rest = b.get(lt + 2..).unwrap_or_default();
        if rest.starts_with(b"--") {
            let j = lt + 4;
            let after = b.get(j..).unwrap_or_default();
            if after.starts_with(b">") {
                return j + 1;
            }
            if after.starts_with(b"->") {
                return j + 2;
            }
            let mut k = j;
            while let Some(p) = find_byte(b, k, b'-') {
                if b[p..].starts_with(b"-->") {
                    return p + 3;
                }
                if b[p..].starts_with(b"--!>") {
                    return p + 4;
                }
                k = p + 1;
            }
            return b.len();
        }
        if rest.starts_with(b"[CDATA[") && self.in_foreign() {
            let mut k = lt + 9;
            while let Some(p) = find_byte(b, k, b']') {
                if b[p..].starts_with(b"]]>") {
                    return p + 3;
                }
                k = p + 1;
            }
            return b.len();
        }
        skip_to_gt(lt + 2)
    }

    fn run(&mut self, s: &str) {
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() && !self.over() {
            let Some(lt) = find_byte(b, i, b'<') else {
                self.text();
                break;
            };
            if lt > i {
                self.text();
            }
            match b.get(lt + 1) {
                Some(b'!') => i = self.declaration(s, lt),
                Some(b'?') => i = find_byte(b, lt + 2, b'>').map_or(b.len(), |g| g + 1),
                Some(b'/') => match b.get(lt + 2) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let Some(tag) = parse_tag(s, lt + 2) else {
                            break;
                        };
                        self.end(&tag.name);
                        i = tag.next;
                    }
                    Some(b'>') => i = lt + 3,
                    Some(_) => i = find_byte(b, lt + 2, b'>').map_or(b.len(), |g| g + 1),
                    None => break,
                },
                Some(c) if c.is_ascii_alphabetic() => {
                    let Some(tag) = parse_tag(s, lt + 1) else {
                        break;
                    };
                    self.max_attrs = self.max_attrs.max(tag.attr_count);
                    if self.over() {
                        break;
                    }
                    i = tag.next;
                    if let Some(raw) = self.start(&tag) {
                        match skip_raw(s, i, raw, &tag.name) {
                            Some(end) => i = end,
                            None => break,
                        }
                    }
                }
                _ => {
                    self.text();
                    i = lt + 1;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth(s: &str) -> usize {
        measure(s, None).depth
    }

    #[test]
    fn stray_end_tags_close_nothing() {
        assert_eq!(depth(&"<div></p>".repeat(3_000)), 3_000);
        assert_eq!(depth(&"<div></span></li></td>".repeat(3_000)), 3_000);
        // A span end tag stops at the div opened inside the span.
        assert_eq!(depth(&"<span><div></span>".repeat(1_500)), 3_000);
        // `/>` does not close an HTML element.
        assert_eq!(depth(&"<div/>".repeat(3_000)), 3_000);
        assert_eq!(depth(&"<ul><li>".repeat(1_500)), 3_000);
    }

    #[test]
    fn sloppy_pages_stay_shallow() {
        let cells = "<td><font size=2>数据</td>".repeat(5_000);
        assert!(depth(&format!("<table><tr>{cells}</tr></table>")) <= 5);
        assert!(depth(&"<font><p>正文</font></p>".repeat(5_000)) <= 3);
        assert!(depth(&"<p><b>粗<p>又一段<li>项<li>项".repeat(5_000)) <= 6);
        assert!(depth(&"<div><p>a<p>b<br><img src=x></div>".repeat(5_000)) <= 2);
        assert!(depth(&"<svg><path/><g><rect/></g></svg><p>x".repeat(5_000)) <= 3);
        let page = "<html><head><title>标题</title><script>if(a<b){document.write('</div><div>')}</script>\
             <style>p>a{}</style></head><body><!-- </div> --><div>正文</div></body></html>";
        assert!(depth(&page.repeat(3_000)) <= 3);
        let rows = "<tr><td>a<td>b".repeat(20_000);
        assert!(!too_costly(&format!("<table>{rows}</table>")));
    }

    #[test]
    fn hidden_text_is_not_markup() {
        // An end tag inside a comment, an attribute or a script does not
        // close the divs.
        let n = 3_000;
        for junk in [
            "<!-- > </div> -->",
            "<br title='</div>'>",
            "<script><!--<script></script></div></script>",
        ] {
            assert_eq!(depth(&format!("<div>{junk}").repeat(n)), n, "{junk}");
        }
    }

    #[test]
    fn formatting_elements_are_recreated() {
        // Each `<b id=k>` cut off by `</div>` comes back on every new
        // inline tag: the parser makes n²/2 elements.
        let html: String = (0..1_000)
            .map(|k| format!("<div><b id={k}></div>"))
            .collect();
        let shape = measure(&html, None);
        assert!(shape.created > 400_000, "{shape:?}");
        assert!(too_costly(&html));
        // Identical ones are kept three times at most.
        let same = "<div><b></div>".repeat(100_000);
        assert!(!too_costly(&same));
    }

    #[test]
    fn many_attributes() {
        let attrs: String = (0..1_000).map(|k| format!(" a{k}")).collect();
        assert!(too_costly(&format!("<div{attrs}>x</div>")));
        assert!(!too_costly("<div a=1 b='2' c=\"3\">x</div>"));
    }
}
