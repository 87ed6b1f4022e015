//! Facts in plan tables. A table's header gives its value columns (slots):
//! base-year and goal-year levels, and growth or cumulative columns. Rows
//! flattened from PDFs lose empty cells and shift; when a row has fewer
//! cells than slots, each value goes where its form says: `[12%]` and
//! `91.3(累计)` are cumulative, `≥6%` in a 亿元 row is a growth rate, and
//! bare levels fill the latest year columns first.

use crate::doc::{named_period, Frame};
use crate::frame::compact;
use crate::number::parse_at;
use crate::quantity::{is_unit_word, quantities, year_at};
use planwatch_core::{Attribute, Comparator, DocType, Fact, Kind, Measure};

/// A table row as (start, end, cell spans), byte offsets into the text.
pub type RowSpan = (usize, usize, Vec<(usize, usize)>);

/// One value column of a table.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Slot {
    kind: Kind,
    year: Option<i32>,
    growth: bool,
    /// A growth column measured against the previous year (比上年增长).
    yoy: bool,
    /// A share column (比重(%)): the row's share of the total, in %.
    share: bool,
    /// A level at constant prices (不变价) beside the current-price one.
    constant: bool,
    /// A change over a named earlier period (同比“十一五”增长): cumulative.
    over_period: bool,
    /// The header named neither kind nor year: the document's defaults.
    defaulted: bool,
}

impl Slot {
    /// A column of levels of `kind` in `year` (growth, share and constant
    /// prices set by the callers that need them).
    fn level(kind: Kind, year: Option<i32>) -> Slot {
        Slot {
            kind,
            year,
            growth: false,
            yoy: false,
            share: false,
            constant: false,
            over_period: false,
            defaulted: false,
        }
    }

    /// A column of levels whose header names neither kind nor year: the
    /// document's default kind and year.
    fn by_default(frame: &Frame) -> Slot {
        Slot {
            defaulted: true,
            ..Slot::level(default_kind(frame), default_year(frame))
        }
    }
}

/// What a header cell says.
#[derive(Debug, Clone, PartialEq)]
enum Label {
    Year {
        year: i32,
        base: bool,
        target: bool,
    },
    Growth {
        yoy: bool,
        /// Against a named period (比“十二五”末增长): a change over years.
        over_period: bool,
    },
    Absolute,
    /// 不变价(万元): levels at constant prices.
    Constant,
    Done(Option<i32>),
    /// 比重(%), 占比: the row's share of the table's total.
    Share,
    /// 全年目标, 年度目标: the goal of the year a report reviews.
    YearGoal,
    /// 全年完成, 预计完成: the result of that year.
    YearDone,
    /// 基期值, 基数: the plan's base values, a column of results.
    Base,
    /// 现状值: the state now, a plan's base or a review's latest results.
    Current,
    PlanGroup,
    ActualGroup,
    Index,
    Unit,
    Attribute,
    Name,
    Other,
}

fn label(cell: &str) -> Label {
    let c = without_note_mark(compact(cell));
    if c.is_empty() {
        return Label::Other;
    }
    // 按2020年不变价格计算, 按现行价格计算: how levels are priced, no year of
    // their own.
    if c.starts_with('按') && (c.contains("不变价") || c.contains("可比价")) {
        return Label::Constant;
    }
    if matches!(
        c.as_str(),
        "按现行价格计算" | "按当年价格计算" | "现行价格" | "当年价格"
    ) {
        return Label::Absolute;
    }
    let chars: Vec<char> = c.chars().collect();
    if let Some((y, _)) = (0..chars.len().min(3)).find_map(|i| year_at(&chars, i)) {
        // 2015年完成 (the year's achieved value) is a year column of actuals;
        // 2016年完成情况 is a group over its own columns.
        let done = c.ends_with("年完成")
            || c.ends_with("年实际")
            || c.ends_with("年实际完成")
            || c.ends_with("年实绩");
        if done || !c.contains("完成") || c.contains("目标") {
            return Label::Year {
                year: y,
                base: c.contains("基数") || c.contains("基期") || done,
                target: c.contains("目标"),
            };
        }
    }
    let bare = c.split(['(', '（']).next().unwrap_or(&c);
    // 行业占比(%): a share column, whatever the share is of.
    // (占生产总值比重(%): a share of the whole named.)
    if matches!(bare, "比重" | "占比" | "构成" | "所占比重")
        || (bare.chars().count() <= 6 && (bare.ends_with("占比") || bare.ends_with("比重")))
        || (bare.starts_with('占') && bare.chars().count() <= 10 && bare.ends_with("比重"))
    {
        return Label::Share;
    }
    if matches!(bare, "不变价" | "可比价" | "按可比价计算") {
        return Label::Constant;
    }
    if ["全年目标", "年度目标", "年初目标", "年度计划", "全年计划"].contains(&c.as_str())
    {
        return Label::YearGoal;
    }
    if ["全年完成", "预计完成", "全年预计", "年度完成", "完成"].contains(&c.as_str())
    {
        return Label::YearDone;
    }
    if c.contains("完成情况") || c.contains("完成值") {
        return Label::Done(named_period(&c).map(|p| p.1));
    }
    // 增长5%左右 is a value with its verb, not a 增长 column's header.
    if c.chars().any(|ch| ch.is_ascii_digit())
        && matches!(prose_cell(&c, false), Cell::Value(v) if !(1900.0..2100.0).contains(&v.value))
    {
        return Label::Other;
    }
    // (涨跌, 涨跌幅度: a price table's change on the year before.)
    if c.contains("增长")
        || c.contains("增速")
        || c.contains("累计")
        || c.contains("增幅")
        || c.contains("比上年")
        || c.contains("涨跌")
        || c.contains("涨幅")
    {
        let over_period = named_period(&c).is_some();
        return Label::Growth {
            yoy: (c.contains("比上年") || c.contains("同比")) && !over_period,
            over_period,
        };
    }
    if c.contains("绝对") || c == "数值" || c == "总量" || c.contains("绝对数") {
        return Label::Absolute;
    }
    if matches!(bare, "基期值" | "基期" | "基数" | "基准值" | "基期年") {
        return Label::Base;
    }
    if matches!(bare, "现状值" | "现状" | "现状年") {
        return Label::Current;
    }
    if c.contains("规划目标") || c == "目标" || c.contains("目标值") {
        return Label::PlanGroup;
    }
    if c.contains("实际") || c.contains("完成") || c.contains("实绩") {
        return Label::ActualGroup;
    }
    if c.contains("序号") {
        return Label::Index;
    }
    if c == "单位" || c.contains("计量单位") {
        return Label::Unit;
    }
    if c.contains("属性") || c.contains("性质") {
        return Label::Attribute;
    }
    if c.contains("指标") || c.contains("项目") || c.contains("名称") {
        return Label::Name;
    }
    // 产量(吨), 金额, 人数(万人): a bulletin table's column of levels.
    let bare = c.split(['(', '（']).next().unwrap_or(&c);
    // 1-3月, 上半年: the months so far of the year the table reports.
    if part_of_year(bare) {
        return Label::Absolute;
    }
    if [
        "产量",
        "数量",
        "产值",
        "金额",
        "总额",
        "人数",
        "面积",
        "总数",
        "总量",
        "数额",
        "规模",
        "年末数",
        // (价格指数 | 比上年±%: a column of index values.)
        "指数",
    ]
    .iter()
    .any(|w| bare.ends_with(w))
    // 现价总值 heads a column; 地区生产总值 is a row's name.
    || ["总值", "现价总值", "增加值", "现价"].contains(&bare)
    // (CPI(%), GDP(亿元): a measure named by its abbreviation, its values
    // in the column.)
    || ((2..=4).contains(&bare.len()) && bare.chars().all(|ch| ch.is_ascii_uppercase()))
    {
        return Label::Absolute;
    }
    Label::Other
}

/// `1-3月`, `1—6月份`, `一季度`, `上半年`, `前三季度`: a part of a year.
fn part_of_year(c: &str) -> bool {
    if ["一季度", "上半年", "前三季度", "第一季度", "1季度"].contains(&c) {
        return true;
    }
    let Some(months) = c.strip_suffix("月份").or_else(|| c.strip_suffix('月')) else {
        return false;
    };
    let mut parts = months.split(['-', '—', '–', '~', '至']);
    let month = |p: Option<&str>| {
        p.and_then(|m| m.parse::<u32>().ok())
            .is_some_and(|m| (1..=12).contains(&m))
    };
    month(parts.next()) && month(parts.next()) && parts.next().is_none()
}

fn is_slot_label(l: &Label) -> bool {
    matches!(
        l,
        Label::Year { .. }
            | Label::Growth { .. }
            | Label::Absolute
            | Label::Constant
            | Label::Done(_)
            | Label::YearGoal
            | Label::YearDone
            | Label::Share
            | Label::Base
            | Label::Current
    )
}

/// Whether a row is part of a header: it names years or column kinds and holds no data.
/// `比重[4]`, `人口数[2]`: a header word with the number of its note after
/// it, which is no figure (a five-year sum `[2]` stands alone in its cell).
fn without_note_mark(c: String) -> String {
    let Some(open) = c.rfind('[') else {
        return c;
    };
    let inner = &c[open + 1..];
    let mark = inner
        .strip_suffix(']')
        .is_some_and(|n| (1..=2).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()));
    let after_word = c[..open]
        .chars()
        .next_back()
        .is_some_and(|ch| planwatch_text::norm::is_han(ch) || ch == ')');
    if mark && after_word {
        c[..open].to_string()
    } else {
        c
    }
}

fn is_header_row(cells: &[String]) -> bool {
    if is_caption(cells) {
        return true;
    }
    // 一、经济增长 over the rows of its group: a heading, though 增长 reads
    // like a column's.
    let mut filled = cells.iter().filter(|c| !c.trim().is_empty());
    if let (Some(only), None) = (filled.next(), filled.next()) {
        if planwatch_text::is_group_heading(only.trim()) {
            return false;
        }
    }
    let labels: Vec<Label> = cells.iter().map(|c| label(c)).collect();
    let slots = labels.iter().filter(|l| is_slot_label(l)).count();
    let names = labels
        .iter()
        .filter(|l| {
            matches!(
                l,
                Label::Name
                    | Label::Attribute
                    | Label::Index
                    | Label::Unit
                    | Label::PlanGroup
                    | Label::ActualGroup
            )
        })
        .count();
    let data = cells
        .iter()
        .skip(1)
        .filter(|c| matches!(parse_cell(c), Cell::Value(_)))
        .count();
    // 地区生产总值增长率 | % | 7.2: a named rate with its figure is a row of
    // data, though its name reads like a column of growth.
    // (经济稳定 | 地区生产总值增长率 | % | 7.2: the same after a group's cell.)
    let named_rate = labels
        .iter()
        .zip(cells)
        .position(|(l, c)| {
            matches!(l, Label::Growth { .. } | Label::Share) && compact(c).chars().count() >= 5
        })
        .filter(|&i| labels[..i].iter().all(|l| *l == Label::Other))
        .is_some_and(|i| {
            cells.iter().skip(i + 1).any(|c| {
                matches!(parse_cell(c), Cell::Value(_)) && !matches!(label(c), Label::Year { .. })
            })
        });
    (slots > 0 || names > 0) && data <= slots && !named_rate
}

/// A caption row (`表1 “十三五”规划约束性指标完成情况`): one text cell starting with 表.
fn is_caption(cells: &[String]) -> bool {
    let non_empty: Vec<String> = cells
        .iter()
        .map(|c| compact(c))
        .filter(|c| !c.is_empty())
        .collect();
    // (1  2021年全县生产总值: a table's number before its title, 表 left out.)
    let numbered = cells
        .iter()
        .find(|c| !compact(c).is_empty())
        .is_some_and(|c| {
            let t = c.trim_start();
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            (1..=2).contains(&(t.len() - rest.len())) && rest.starts_with([' ', '\u{3000}', '\t'])
        });
    non_empty.len() == 1
        && (non_empty[0].starts_with('表')
            || numbered
            || non_empty[0].starts_with("单位")
            || non_empty[0].chars().count() > 14
            // 面积:万亩 — a note of the unit in one cell.
            || (non_empty[0].chars().count() <= 12 && non_empty[0].contains([':', '：'])))
}

/// The table's column layout, from its header rows.
#[derive(Debug, Clone, Default)]
struct Layout {
    slots: Vec<Slot>,
    /// Header labels of the leading non-value columns (指标, 单位, 序号…).
    lead: Vec<Label>,
    /// Unit of the level columns, from a header (`绝对值(亿元)`) or a `单位：亿元` note.
    level_unit: Option<String>,
    /// Rows of places (各市县地区生产总值): what every row's figures are of.
    place_topic: Option<String>,
    /// Rows of places under columns that each name an indicator (乡镇 |
    /// 可种植面积 | 2023年小麦任务面积): the column names, one per slot.
    place_columns: Vec<String>,
    /// Units of those columns as their headers give them (`GDP(亿元)`).
    place_units: Vec<Option<String>>,
}

/// What surrounds a table in its document.
#[derive(Debug, Clone, Default)]
pub struct Around {
    /// The document's region.
    pub region: Option<String>,
    /// The open section's heading.
    pub section: Option<String>,
    /// A short line just above the table (`附表:2018年上半年各市县地区生产总值及增速`).
    pub caption: Option<String>,
}

/// Header cells that head a column of places.
const PLACE_COLUMN: &[&str] = &[
    "地区",
    "市县",
    "市(县)",
    "县(市)",
    "县(市、区)",
    "县(市,区)",
    "县市区",
    "区县",
    "县区",
    "县(区)",
    "区(县)",
    "市州",
    "市(州)",
    "城市",
    "地市",
    "盟市",
    "旗县",
    "县市",
    "各市县",
    "各地区",
    "区域",
    "市别",
    "县别",
    "地区名称",
    "乡镇",
    "乡镇街道",
    "镇街",
    "街道",
    // (各市2010-2012年圈围实施计划表: 序号 | 建设地点 | 圈围项目(个) | ….)
    "建设地点",
    "地点",
];

/// Rows totalling the places: the document's own region.
const PLACE_TOTALS: &[&str] = &[
    "全省", "全市", "全区", "全县", "合计", "总计", "全州", "全盟",
];

/// `海口市`, `白沙县`, `东部地区`: a row label that names a place.
fn is_place_label(c: &str) -> bool {
    let n = c.chars().count();
    (2..=10).contains(&n)
        && !c.chars().any(|ch| ch.is_ascii_digit())
        && [
            "市", "县", "区", "州", "盟", "旗", "地区", "乡", "镇", "街道",
        ]
        .iter()
        .any(|w| c.ends_with(w))
        && ![
            "保护区",
            "景区",
            "园区",
            "社区",
            "小区",
            "功能区",
            "城区",
            "示范区",
            "产业区",
        ]
        .iter()
        .any(|w| c.ends_with(w))
}

/// When the rows of a table are places (its first column headed 地区 or
/// most labels place names) and a caption says what they report, that topic
/// (`上半年地区生产总值` from `2018年上半年各市县地区生产总值及增速`).
fn place_topic(
    header: &[Vec<String>],
    rows: &[RowSpan],
    cells_of: &dyn Fn(&RowSpan) -> Vec<String>,
    caption: Option<&str>,
) -> Option<Option<String>> {
    // (乡镇(农场): the bare word before a bracket heads the column too.)
    let heads_places = |c: &String| {
        let c: String = compact(c)
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .collect();
        let bare = c.split(['(', '（']).next().unwrap_or(&c).to_string();
        PLACE_COLUMN.contains(&c.as_str()) || PLACE_COLUMN.contains(&bare.as_str())
    };
    let headed = header
        .iter()
        .filter(|r| !is_caption(r))
        .any(|r| r.first().is_some_and(heads_places));
    let labels: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            cells_of(r).first().map(|c| {
                compact(c)
                    .chars()
                    .map(planwatch_text::norm::char_for_matching)
                    .collect::<String>()
            })
        })
        .filter(|c| !c.is_empty())
        .collect();
    let places = labels
        .iter()
        .filter(|c| is_place_label(c) || PLACE_TOTALS.contains(&c.as_str()))
        .count();
    if !(headed || (labels.len() >= 3 && places * 10 >= labels.len() * 7)) {
        return None;
    }
    Some(
        header
            .iter()
            .filter(|r| is_caption(r))
            .filter_map(|r| table_topic(&r.join("")))
            .next()
            .or_else(|| caption.and_then(table_topic)),
    )
}

/// Header words of a column ranking the rows (排名, 序号, GDP排行).
fn ranks_rows(c: &str) -> bool {
    let c = compact(c);
    ["排名", "排行", "排序", "序号", "位次", "名次"]
        .iter()
        .any(|w| c.contains(w))
}

/// The column a header row heads places in (`城市`, `地区`), first or after
/// a ranking (`排名`) or blank one, when no cell of it is a figure.
fn place_column(head: &[String]) -> Option<usize> {
    let heads_places = |c: &String| {
        let c: String = compact(c)
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .collect();
        let bare = c.split(['(', '（']).next().unwrap_or(&c).to_string();
        // (县(市区), 县（市、区）: the same words, bracketed otherwise.)
        let plain: String = c
            .chars()
            .filter(|ch| !matches!(ch, '(' | ')' | '（' | '）' | '、' | ',' | '，'))
            .collect();
        PLACE_COLUMN.contains(&c.as_str())
            || PLACE_COLUMN.contains(&bare.as_str())
            || PLACE_COLUMN.contains(&plain.as_str())
    };
    let p = head.iter().position(heads_places)?;
    let figures = head
        .iter()
        .any(|c| matches!(parse_cell(c), Cell::Value(v) if !(1900.0..2100.0).contains(&v.value)));
    (p <= 1
        && !figures
        && head[..p]
            .iter()
            .all(|c| ranks_rows(c) || compact(c).is_empty()))
    .then_some(p)
}

/// Rows of places under a header naming each value column (`排名 | 城市 |
/// GDP(亿元) | 第一产业(亿) | 增速(%)`, `排名 城市 2018 2017 增量 名义增速`):
/// a layout with one slot per column, its indicator and unit from the
/// header (a year column's from the caption: `2018年河北各城市GDP排名`), and
/// whether a ranking column comes first.
fn places_layout(
    header: &[Vec<String>],
    rows: &[RowSpan],
    cells_of: &dyn Fn(&RowSpan) -> Vec<String>,
    caption: Option<&str>,
    frame: &Frame,
) -> Option<(Layout, bool)> {
    let merged = two_row_head(header);
    let head = match &merged {
        Some(m) => m,
        None => header.iter().rev().find(|r| !is_caption(r))?,
    };
    let p = place_column(head)?;
    // (备注: a column of remarks, no figures.)
    let columns: Vec<&String> = head[p + 1..]
        .iter()
        .filter(|c| !compact(c).is_empty() && !["备注", "说明"].contains(&compact(c).as_str()))
        .collect();
    // (Most rows must name something where the header heads places.)
    let named = rows
        .iter()
        .filter(|r| {
            cells_of(r)
                .get(p)
                .is_some_and(|c| matches!(parse_cell(c), Cell::Text(_)))
        })
        .count();
    if columns.is_empty() || named < 2 || named * 10 < rows.len() * 7 {
        return None;
    }
    let topic = caption.and_then(table_topic).or_else(|| {
        header
            .iter()
            .filter(|r| is_caption(r))
            .find_map(|r| table_topic(&r.join("")))
    });
    let caption_year = caption.and_then(|c| {
        let chars: Vec<char> = compact(c).chars().collect();
        (0..chars.len()).find_map(|i| year_at(&chars, i).map(|(y, _)| y))
    });
    let kind = default_kind(frame);
    let year = caption_year.or_else(|| default_year(frame));
    let mut slots = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut units = Vec::new();
    // 单位:人、% above the table: the figures' unit, the shares' %.
    let noted_unit = caption
        .map(compact)
        .and_then(|c| c.strip_prefix("单位:").map(str::to_string))
        .and_then(|u| {
            u.split(['、', ',', '，'])
                .find(|u| !u.is_empty() && !u.contains('%') && u.chars().count() <= 4)
                .map(str::to_string)
        });
    for c in columns {
        let (_, unit) = name_and_unit(c);
        let own = column_name(c);
        let share = ["比重", "占比", "构成"].iter().any(|w| own.ends_with(w));
        let unit = unit.or_else(|| {
            if share {
                Some("%".to_string())
            } else {
                noted_unit.clone()
            }
        });
        let prev = names.last().cloned().or_else(|| topic.clone());
        // (A growth column is the table's main indicator's: the first one.)
        let main = names.first().cloned().or_else(|| topic.clone());
        // (A bare 2018 heads a year's column too.)
        let bare_year = compact(c)
            .parse::<i32>()
            .ok()
            .filter(|y| (1949..2100).contains(y))
            .map(|year| Label::Year {
                year,
                base: false,
                target: false,
            });
        let (slot, name) = match bare_year.clone().unwrap_or_else(|| label(c)) {
            Label::Year { year: y, .. } => {
                let kind = if frame.present.is_some_and(|p| y > p) {
                    Kind::Target
                } else {
                    Kind::Actual
                };
                (
                    Slot::level(kind, Some(y)),
                    Some(own)
                        .filter(|n| bare_year.is_none() && n.chars().count() >= 2)
                        .or(topic.clone()),
                )
            }
            Label::Growth { over_period, .. } => {
                let bare = own.trim_start_matches("名义").trim_start_matches("实际");
                let name = if ["增速", "增长", "增长率", "比上年增长", "同比增长"].contains(&bare)
                {
                    // (名义增速: the kind of growth stays in the name.)
                    main.map(|m| if bare == own { m } else { format!("{m}{own}") })
                } else {
                    Some(own)
                };
                let slot = Slot {
                    growth: true,
                    yoy: !over_period,
                    over_period,
                    ..Slot::level(kind, year)
                };
                (slot, name)
            }
            // 单位(亿元), 数值(亿元): a column of the caption's figures, its
            // header only their unit.
            _ if ["单位", "数值", "数量", "总量", "绝对值", "金额"].contains(&own.as_str()) => {
                (Slot::level(kind, year), topic.clone())
            }
            _ if own.chars().count() <= 2 => {
                (Slot::level(kind, year), prev.map(|p| format!("{p}{own}")))
            }
            _ => (Slot::level(kind, year), Some(own)),
        };
        let name = name?;
        slots.push(slot);
        names.push(name);
        units.push(unit);
    }
    let mut lead = vec![Label::Index; p];
    lead.push(Label::Name);
    Some((
        Layout {
            slots,
            lead,
            level_unit: layout(header, frame).level_unit,
            place_topic: None,
            place_columns: names,
            place_units: units,
        },
        // (Its own reading of a two-row header is the one to take.)
        p > 0 || merged.is_some(),
    ))
}

/// A header of two rows whose lower one names years under the upper's last
/// cell (`地区 | 人口数 | 比重` over `| 2020年 | 2010年`), as one row
/// (`地区 | 人口数 | 2020年比重 | 2010年比重`).
fn two_row_head(header: &[Vec<String>]) -> Option<Vec<String>> {
    let rows: Vec<&Vec<String>> = header.iter().filter(|r| !is_caption(r)).collect();
    let [upper, lower] = rows[..] else {
        return None;
    };
    let filled = |r: &Vec<String>| -> Vec<String> {
        r.iter()
            .map(|c| compact(c))
            .filter(|c| !c.is_empty())
            .collect()
    };
    let (upper, lower) = (filled(upper), filled(lower));
    // (比重[4]: a footnote's mark goes.)
    let unmarked = |c: &String| -> String {
        match c
            .strip_suffix([']', '］'])
            .and_then(|r| r.rsplit_once(['[', '［']))
        {
            Some((head, n)) if n.chars().all(|ch| ch.is_ascii_digit()) => head.to_string(),
            _ => c.clone(),
        }
    };
    let upper: Vec<String> = upper.iter().map(unmarked).collect();
    let years = lower.len() >= 2
        && lower.iter().all(|c| {
            let chars: Vec<char> = c.chars().collect();
            year_at(&chars, 0).is_some_and(|(_, len)| len == chars.len())
        });
    let (last, rest) = upper.split_last()?;
    (years && rest.len() >= 2).then(|| {
        rest.iter()
            .cloned()
            .chain(lower.iter().map(|y| format!("{y}{last}")))
            .collect()
    })
}

/// A value column's header as an indicator's name: its unit and year cut
/// (`2023年小麦任务面积(万亩)` → `小麦任务面积`).
fn column_name(cell: &str) -> String {
    let (name, _) = name_and_unit(cell);
    let name = without_note_mark(name);
    let chars: Vec<char> = name.chars().collect();
    match year_at(&chars, 0) {
        Some((_, len)) => chars[len..].iter().collect(),
        None => name,
    }
}

/// What a caption over rows of places reports: its year, place words and
/// table words cut (`附表:2018年上半年各市县地区生产总值及增速` →
/// `上半年地区生产总值`). None for a table of several indicators.
fn table_topic(caption: &str) -> Option<String> {
    let mut t = compact(caption);
    for p in ["附表", "续表"] {
        if let Some(r) = t.strip_prefix(p) {
            t = r.to_string();
        }
    }
    if let Some(r) = t.strip_prefix('表') {
        t = r
            .trim_start_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
            .to_string();
    }
    t = t
        .trim_start_matches([':', '：', ' ', '.', '、'])
        .to_string();
    // Years go; the part of the year (上半年, 一季度) stays.
    let chars: Vec<char> = t.chars().collect();
    let mut kept = String::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((_, len)) = year_at(&chars, i) {
            i += len;
        } else {
            kept.push(chars[i]);
            i += 1;
        }
    }
    // Up to the place words (海南省各市县, 分地区): what comes before them
    // is kept only when it is a part of the year.
    let place_word = [
        "各市县",
        "各县(市、区)",
        "各县(市,区)",
        "各县市区",
        "各区县",
        "各县区",
        "各市(州)",
        "各市州",
        "各县(区)",
        "各地区",
        "分地区",
        "分县(市、区)",
        "分县区",
        "各县市",
        "各盟市",
        "各旗县",
        "各地市",
        "各城市",
        "各市",
        "各县",
        "各区",
        // (五大功能区域地区生产总值: zones of the city.)
        "功能区域",
        "各区域",
        "各片区",
    ]
    .iter()
    .find_map(|w| kept.find(w).map(|i| (i, w.len())));
    if let Some((i, len)) = place_word {
        let before = &kept[..i];
        let part = ["上半年", "一季度", "前三季度", "全年", "第一季度"]
            .iter()
            .find(|p| before.ends_with(*p))
            .map_or("", |p| *p);
        kept = format!("{part}{}", &kept[i + len..]);
    } else {
        return ranked_by(&kept);
    }
    let mut topic = kept.trim_start_matches('的').to_string();
    loop {
        let before = topic.clone();
        for w in [
            "及增长速度",
            "及增速",
            "及其增速",
            "增长情况",
            "完成情况",
            "情况",
            "统计表",
            "一览表",
            "排名",
            "排行",
            "表",
        ] {
            if let Some(r) = topic.strip_suffix(w) {
                topic = r.to_string();
            }
        }
        if topic == before {
            break;
        }
    }
    let n = topic.chars().count();
    let several = ["主要", "指标", "经济运行"]
        .iter()
        .any(|w| topic.contains(w));
    ((2..=20).contains(&n) && !several).then_some(topic)
}

/// What a caption ranks places by, when it names no place word (`按GDP规模:`,
/// `全省2016年度GDP排列:` with its year already gone): the indicator.
fn ranked_by(kept: &str) -> Option<String> {
    let base = kept.trim_end_matches([':', '：']);
    let t = ["规模", "排列", "排名", "排行", "排序"]
        .iter()
        .find_map(|w| base.strip_suffix(w))
        .unwrap_or(base);
    let t = t.strip_prefix('按').unwrap_or(t);
    // (Neither 按 nor a ranking word: no ranking.)
    if t.len() == base.len() {
        return None;
    }
    let t = t.trim_start_matches(['全', '省', '市', '县', '区']);
    let t = t.strip_prefix('度').unwrap_or(t);
    let n = t.chars().count();
    ((2..=12).contains(&n) && !t.chars().any(|c| c.is_ascii_digit()) && !t.contains('个'))
        .then(|| t.to_string())
}

fn layout(header: &[Vec<String>], frame: &Frame) -> Layout {
    // 绝对值(亿元) or a 单位：亿元 note gives the unit of the table's level columns.
    let level_unit = header.iter().flat_map(|r| r.iter()).find_map(|c| {
        let cc = compact(c);
        if let Some(u) = cc.strip_prefix("单位:") {
            // (单位:人、%: the figures' unit; the shares take their own %.)
            let u = u
                .split(['、', ',', '，'])
                .find(|p| !p.is_empty() && !p.contains('%'))
                .filter(|_| u.contains(['、', ',', '，']))
                .unwrap_or(u);
            return (!u.is_empty() && u.chars().count() <= 6).then(|| u.to_string());
        }
        // 面积:万亩 — a note naming what is measured and its unit.
        // (The unit as the table writes it: 萬畝 on a 繁 page.)
        let written: String = c.chars().filter(|ch| !ch.is_whitespace()).collect();
        if let Some((what, u)) = written.split_once([':', '：']) {
            if what.chars().count() <= 4 && (1..=4).contains(&u.chars().count()) {
                return Some(u.to_string());
            }
        }
        // (完成值(亿元): the figures done, in that unit.)
        matches!(label(c), Label::Absolute | Label::Done(None))
            .then(|| name_and_unit(c).1)
            .flatten()
    });
    let header: Vec<&Vec<String>> = header.iter().filter(|r| !is_caption(r)).collect();
    let labelled: Vec<Vec<Label>> = header
        .iter()
        .map(|r| r.iter().map(|c| label(c)).collect())
        .collect();
    let mut lead = Vec::new();
    for row in &labelled {
        // (规划目标 heads values too, a column or a group of them.)
        if let Some(first) = row
            .iter()
            .position(|l| is_slot_label(l) || *l == Label::PlanGroup)
        {
            if first > lead.len() && row[..first].iter().any(|l| !matches!(l, Label::Other)) {
                lead = row[..first].to_vec();
            }
        }
        if lead.is_empty() && row.first().is_some_and(|l| matches!(l, Label::Name)) {
            lead = vec![Label::Name];
        }
    }
    if lead.is_empty() {
        lead = vec![Label::Name];
    }
    let actual_group = labelled
        .iter()
        .flatten()
        .any(|l| matches!(l, Label::ActualGroup));
    let years: Vec<i32> = labelled
        .iter()
        .flatten()
        .filter_map(|l| {
            if let Label::Year { year, .. } = l {
                Some(*year)
            } else {
                None
            }
        })
        .collect();
    let min_year = years.iter().copied().min();
    let distinct_years = {
        let mut y = years.clone();
        y.sort_unstable();
        y.dedup();
        y.len()
    };
    let bulletin = frame.doc_type == DocType::StatisticalBulletin;
    let mut slots: Vec<Slot> = Vec::new();
    let mut seen: Vec<i32> = Vec::new();
    let mut in_actual = false;
    for (r, row) in labelled.iter().enumerate() {
        for l in row {
            match l {
                Label::Year { year, base, target } => {
                    // (2023年 | 2024年 | 2025年 in a plan for 2023—2025: each
                    // year's goal, the first too.)
                    let plans_it = matches!(
                        frame.doc_type,
                        DocType::ImplementationPlan | DocType::FiveYearPlan | DocType::Outline
                    ) && frame.period_start.is_some_and(|s| *year >= s)
                        && !actual_group;
                    let kind = if bulletin
                        || *base
                        || (Some(*year) == min_year && distinct_years > 1 && !*target && !plans_it)
                    {
                        Kind::Actual
                    } else if *target || plans_it {
                        Kind::Target
                    } else if seen.contains(year) && actual_group {
                        in_actual = true;
                        Kind::Actual
                    } else if in_actual
                        || (frame.present.is_some_and(|p| *year <= p)
                            // (An article's "present" is only its latest year;
                            // under 规划目标 the past plan's goals stand.)
                            && (distinct_years == 1 || !(frame.from_figures || actual_group)))
                    {
                        Kind::Actual
                    } else {
                        Kind::Target
                    };
                    seen.push(*year);
                    slots.push(Slot::level(kind, Some(*year)));
                }
                Label::Growth { yoy, over_period } => {
                    let prev = slots.last().copied().unwrap_or(Slot::by_default(frame));
                    // An article's table of results grows year on year.
                    let article = frame.doc_type == DocType::Other && prev.kind == Kind::Actual;
                    slots.push(Slot {
                        growth: true,
                        yoy: !*over_period && (*yoy || bulletin || article),
                        over_period: *over_period,
                        constant: false,
                        ..prev
                    });
                }
                Label::Absolute
                    // Under a 完成情况 group the slot was already made; otherwise a level column.
                    if !labelled[..r]
                        .iter()
                        .flatten()
                        .any(|l| matches!(l, Label::Done(_)))
                    => {
                        slots.push(Slot::by_default(frame));
                    }
                Label::Constant => {
                    slots.push(Slot {
                        constant: true,
                        ..Slot::by_default(frame)
                    });
                }
                Label::Share => {
                    slots.push(Slot {
                        share: true,
                        ..Slot::by_default(frame)
                    });
                }
                // 基期值 | 目标值: no years named, the plan's own base and end.
                Label::Base | Label::Current => {
                    let year = match frame.doc_type {
                        DocType::FiveYearPlan | DocType::Outline => frame.present,
                        // (A review's 现状 is what it reviews: its latest year.)
                        DocType::PlanReview if *l == Label::Current => frame.actual_year,
                        _ => frame.period_start.map(|s| s - 1).or(frame.actual_year),
                    };
                    slots.push(Slot::level(Kind::Actual, year));
                }
                // 规划目标 with no columns of its own below it is one column of goals.
                Label::PlanGroup
                    if !labelled[r + 1..]
                        .iter()
                        .flatten()
                        .any(|l| is_slot_label(l) && !matches!(l, Label::Base | Label::Current)) =>
                {
                    slots.push(Slot::level(Kind::Target, frame.target_year));
                }
                Label::YearGoal | Label::YearDone => {
                    let kind = if *l == Label::YearGoal {
                        Kind::Target
                    } else {
                        Kind::Actual
                    };
                    slots.push(Slot::level(kind, frame.present));
                }
                Label::Done(end) => {
                    let year = end.or(frame.present);
                    // Its sub-columns come in the next header row: 绝对量, 年均增长.
                    let subs: Vec<&Label> = labelled
                        .get(r + 1)
                        .map(|n| n.iter().filter(|l| is_slot_label(l)).collect())
                        .unwrap_or_default();
                    if subs.is_empty() {
                        slots.push(Slot::level(Kind::Actual, year));
                    } else {
                        for s in subs {
                            let yoy = matches!(s, Label::Growth { yoy: true, .. });
                            slots.push(Slot {
                                growth: matches!(s, Label::Growth { .. }),
                                yoy,
                                ..Slot::level(Kind::Actual, year)
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        // Sub-labels under 完成情况 were consumed above.
        if row.iter().any(|l| matches!(l, Label::Done(_))) {
            break;
        }
    }
    // 可种植面积 | 2023年小麦任务面积: beside a column of goals for a named
    // year, a column naming none tells how things stand now.
    if slots
        .iter()
        .any(|s| !s.defaulted && s.kind == Kind::Target && s.year.is_some())
    {
        for s in slots.iter_mut() {
            if s.defaulted && s.kind == Kind::Target {
                s.kind = Kind::Actual;
                s.year = frame.present;
            }
        }
    }
    Layout {
        slots,
        lead,
        level_unit,
        place_topic: None,
        place_columns: Vec::new(),
        place_units: Vec::new(),
    }
}

fn default_kind(frame: &Frame) -> Kind {
    // Articles report results: their tables too, unless a column says goal.
    if matches!(
        frame.doc_type,
        DocType::StatisticalBulletin | DocType::WorkReport | DocType::Other
    ) {
        Kind::Actual
    } else {
        Kind::Target
    }
}

fn default_year(frame: &Frame) -> Option<i32> {
    match default_kind(frame) {
        Kind::Actual => frame.actual_year,
        Kind::Target => frame.target_year,
    }
}

/// A parsed value cell.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    /// A blank cell: in flattened rows, position is unreliable.
    Empty,
    /// An explicit dash: no value, but the column is there.
    Dash,
    Value(CellValue),
    Text(String),
    Skip,
}

#[derive(Debug, Clone, PartialEq)]
struct CellValue {
    value: f64,
    comparator: Comparator,
    percent: bool,
    cumulative: bool,
    unit: Option<String>,
    measure: Option<Measure>,
}

fn parse_cell(cell: &str) -> Cell {
    let mut c = compact(cell);
    if c.is_empty() {
        return Cell::Empty;
    }
    if c.chars()
        .all(|ch| matches!(ch, '—' | '-' | '－' | '–' | '/' | '…' | '_'))
    {
        return Cell::Dash;
    }
    let mut cumulative = false;
    for (o, e) in [('[', ']'), ('{', '}'), ('【', '】'), ('〔', '〕')] {
        if c.starts_with(o) && c.ends_with(e) && c.len() > 2 {
            c = c[o.len_utf8()..c.len() - e.len_utf8()].to_string();
            cumulative = true;
        }
    }
    for w in ["(累计)", "（累计）", "累计"] {
        if let Some(stripped) = c.strip_suffix(w) {
            c = stripped.to_string();
            cumulative = true;
        }
    }
    let chars: Vec<char> = c.chars().collect();
    let mut i = 0;
    let mut comparator = Comparator::Eq;
    for (w, cmp) in [
        ("≥", Comparator::Ge),
        (">=", Comparator::Ge),
        ("≤", Comparator::Le),
        ("<=", Comparator::Le),
        (">", Comparator::Gt),
        ("<", Comparator::Lt),
        ("约", Comparator::Approx),
    ] {
        if c.starts_with(w) {
            comparator = cmp;
            i = w.chars().count();
            break;
        }
    }
    let negative = chars.get(i) == Some(&'-') || chars.get(i) == Some(&'－');
    if negative {
        i += 1;
    }
    if let Some(n) = chars
        .get(i)
        .filter(|ch| ch.is_ascii_digit())
        .and_then(|_| parse_at(&chars, i))
    {
        let mut j = i + n.len;
        let mut percent = false;
        let mut unit = None;
        if matches!(chars.get(j), Some('%') | Some('‰')) {
            percent = true;
            unit = chars.get(j).map(|u| u.to_string());
            j += 1;
        }
        let rest: String = chars[j..].iter().collect();
        match rest.as_str() {
            "" => {}
            "左右" => comparator = Comparator::Approx,
            "以上" => comparator = Comparator::Ge,
            "以内" | "以下" => comparator = Comparator::Le,
            _ => return prose_cell(&c, cumulative),
        }
        let value = if negative { -n.value } else { n.value };
        return Cell::Value(CellValue {
            value,
            comparator,
            percent,
            cumulative,
            unit,
            measure: None,
        });
    }
    prose_cell(&c, cumulative)
}

/// A cell holding words: a quantity in a phrase (`比“十一五”期间增加2.1倍`), a
/// qualitative goal (`等待省下达`), or something to skip (`16.6:47.6:35.8`).
fn prose_cell(c: &str, cumulative: bool) -> Cell {
    let chars: Vec<char> = c.chars().collect();
    if let Some(q) = quantities(&chars).into_iter().next() {
        let comparison = c.contains('比') || c.contains('较');
        // 增长5%左右, 下降3%: a one-period change written with its verb.
        let rise = ["增长", "提高", "上涨", "增加"]
            .iter()
            .any(|w| c.starts_with(w));
        let fall = ["下降", "降低", "减少"].iter().any(|w| c.starts_with(w));
        let measure = if q.unit == "倍" || comparison {
            Some(Measure::Cumulative)
        } else if (rise || fall) && q.unit == "%" {
            Some(Measure::Growth)
        } else {
            None
        };
        return Cell::Value(CellValue {
            value: if fall && measure == Some(Measure::Growth) {
                -q.value
            } else {
                q.value
            },
            comparator: q.comparator.unwrap_or(Comparator::Eq),
            percent: q.unit == "%",
            cumulative: cumulative || measure.is_some(),
            unit: Some(q.unit),
            measure,
        });
    }
    if chars.iter().any(|ch| ch.is_ascii_digit()) {
        return Cell::Skip;
    }
    Cell::Text(c.to_string())
}

fn is_attribute(c: &str) -> Option<Attribute> {
    match compact(c).as_str() {
        "约束性" => Some(Attribute::Binding),
        "预期性" => Some(Attribute::Expected),
        _ => None,
    }
}

/// Words that mark a text cell as a goal rather than part of a name.
fn is_goal_text(c: &str) -> bool {
    [
        "等待",
        "待",
        "下达",
        "不低于",
        "不高于",
        "高于",
        "进入",
        "完成",
        "公布",
        "平均水平",
        "先进",
        "达到",
        "保持",
        "稳定",
        "持续",
    ]
    .iter()
    .any(|w| c.contains(w))
}

/// Splits `森林覆盖率（%）` into name and unit.
fn name_and_unit(raw: &str) -> (String, Option<String>) {
    let c: String = raw
        .chars()
        .filter(|ch| !ch.is_whitespace() && *ch != '\u{3000}')
        .collect();
    // (#食品烟酒: a statistics table's mark of a part, as 其中.)
    let c = c.trim_start_matches(['﹡', '*', '※', '#', '＃']);
    // 1.地区生产总值, 2、人口: a serial glued to the name.
    let c = {
        let digits = c.len() - c.trim_start_matches(|ch: char| ch.is_ascii_digit()).len();
        let rest = &c[digits..];
        match rest.chars().next() {
            Some(sep @ ('.' | '、' | '．'))
                if digits > 0
                    && rest[sep.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(planwatch_text::norm::is_han) =>
            {
                &rest[sep.len_utf8()..]
            }
            _ => c,
        }
    };
    // 其中:夏粮 — a sub-row's label.
    let c = ["其中:", "其中：", "其中"]
        .iter()
        .find_map(|w| c.strip_prefix(w).filter(|r| !r.is_empty()))
        .unwrap_or(c)
        .to_string();
    // The unit is the last bracketed group at the end.
    let norm: Vec<char> = c
        .chars()
        .map(planwatch_text::norm::char_for_matching)
        .collect();
    if norm.last() == Some(&')') {
        if let Some(open) = norm.iter().rposition(|ch| *ch == '(') {
            let inner: String = c
                .chars()
                .skip(open + 1)
                .take(norm.len() - open - 2)
                .collect();
            let name: String = c.chars().take(open).collect();
            let looks_unit = inner.chars().count() <= 8
                && !inner.contains("R&D")
                && !inner.contains("PM")
                && !inner.contains("GDP")
                && !inner.contains("含")
                && !index_base(&inner);
            if looks_unit && !name.is_empty() {
                return (name, Some(inner));
            }
        }
    }
    (c, None)
}

/// `以上年为100`, `上年=100`: the base of an index in brackets, no unit.
fn index_base(inner: &str) -> bool {
    inner.contains("100") && inner.contains(['=', '为', '為'])
}

/// State carried from row to row within one table.
#[derive(Default)]
struct RowState {
    attribute: Option<Attribute>,
    group_unit: Option<String>,
    group_name: Option<String>,
    /// A heading row of one cell (九年义务教育) over the rows up to the next one.
    heading: Option<String>,
    /// A row of 地区生产总值 came first: the industries below it are its
    /// parts (工业 is 工业增加值).
    gdp_parts: bool,
}

/// A table's body with what reading it needs: the rows under its header,
/// how to read a row's cells, and the document's frame and surroundings.
#[derive(Clone, Copy)]
struct Body<'a> {
    text: &'a str,
    header: &'a [Vec<String>],
    rows: &'a [RowSpan],
    cells_of: &'a dyn Fn(&RowSpan) -> Vec<String>,
    frame: &'a Frame,
    doc: &'a str,
    around: &'a Around,
}

/// Rows of years under columns of indicators (`年份 | GDP(亿元) | 增速(%)`,
/// `2021年 | 2311.1 | 11`): each value is its column's indicator in its
/// row's year, in the document's region. False when no row is a year.
fn year_rows(body: &Body, out: &mut Vec<Fact>) -> bool {
    let Body {
        text,
        header,
        rows,
        cells_of,
        frame,
        doc,
        around,
    } = *body;
    let Some(head) = header.last() else {
        return false;
    };
    let mut columns: Vec<(String, Option<String>, bool)> = Vec::new();
    for c in &head[1..] {
        let (name, unit) = name_and_unit(c);
        let growth = matches!(label(c), Label::Growth { .. });
        // (增速(%) after GDP(亿元): the growth of the column before it.)
        let name = match columns.last() {
            Some((prev, _, false)) if growth && name.chars().count() <= 3 => prev.clone(),
            _ => name,
        };
        columns.push((name, unit, growth));
    }
    let mut read = false;
    for row in rows {
        let cells = cells_of(row);
        let Some(first) = cells.first() else { continue };
        let chars: Vec<char> = compact(first).chars().collect();
        let Some((year, _)) = year_at(&chars, 0) else {
            continue;
        };
        read = true;
        let quote = text.get(row.0..row.1).unwrap_or_default().to_string();
        for (cell, (name, unit, growth)) in cells[1..].iter().zip(&columns) {
            let Cell::Value(v) = parse_cell(cell) else {
                continue;
            };
            if name.chars().count() < 2 {
                continue;
            }
            let kind = if frame.present.is_some_and(|p| year > p) {
                Kind::Target
            } else {
                Kind::Actual
            };
            out.push(Fact {
                doc: doc.to_string(),
                kind,
                indicator: name.clone(),
                region: around.region.clone(),
                year: Some(year),
                value: Some(v.value),
                value_max: None,
                unit: if *growth {
                    Some("%".to_string())
                } else {
                    unit.clone().or(v.unit)
                },
                measure: if *growth {
                    Measure::Growth
                } else {
                    Measure::Level
                },
                comparator: v.comparator,
                attribute: None,
                text: None,
                quote: quote.clone(),
                section: around.section.clone(),
                start: Some(row.0),
                end: Some(row.1),
                responsible: None,
            });
        }
    }
    read
}

/// Extracts facts from a run of table rows (each a line of `text` with cell spans).
///
/// Returns false when the rows have no recognisable header (not a plan
/// table), so the caller can read them as prose instead.
pub fn table_facts(
    text: &str,
    rows: &[RowSpan],
    frame: &Frame,
    doc: &str,
    around: &Around,
    out: &mut Vec<Fact>,
) -> bool {
    let region = around.region.clone();
    let section = around.section.clone();
    let cells_of = |r: &RowSpan| -> Vec<String> {
        r.2.iter()
            .map(|(a, b)| {
                let cell = text.get(*a..*b).unwrap_or_default().trim();
                planwatch_text::norm::strip_glosses(cell).into_owned()
            })
            .collect()
    };
    // Header rows run until the first data row.
    let mut header: Vec<Vec<String>> = Vec::new();
    let mut idx = 0;
    while idx < rows.len() {
        let cells = cells_of(&rows[idx]);
        // (排名 | 城市 | GDP(亿元): a header over places, though no column
        // says year or kind.)
        if !(is_header_row(&cells) || (idx == 0 && place_column(&cells).is_some())) {
            break;
        }
        // (指标 | 2017年 | 2020年 | 2022年 then 总体规模 alone: a group's
        // heading over the rows, not a header.)
        let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
        let wide_above = header
            .last()
            .is_some_and(|h| h.iter().filter(|c| is_slot_label(&label(c))).count() >= 2);
        if filled == 1 && wide_above && !is_caption(&cells) {
            break;
        }
        header.push(cells);
        idx += 1;
    }
    // A second header under the rows (年份 | GDP(亿元) | 增速(%) after a
    // table of places) starts a table of its own.
    let next_table = (idx + 1..rows.len()).find(|&k| {
        let cells = cells_of(&rows[k]);
        let years_head = cells
            .first()
            .is_some_and(|c| ["年份", "年度"].contains(&compact(c).as_str()));
        (years_head || place_column(&cells).is_some())
            && !cells
                .iter()
                .any(|c| matches!(parse_cell(c), Cell::Value(_)))
    });
    if let Some(k) = next_table {
        let first = table_facts(text, &rows[..k], frame, doc, around, out);
        let after = Around {
            caption: None,
            ..around.clone()
        };
        let second = table_facts(text, &rows[k..], frame, doc, &after, out);
        return first || second;
    }
    let body = Body {
        text,
        header: &header,
        rows: &rows[idx..],
        cells_of: &cells_of,
        frame,
        doc,
        around,
    };
    if header
        .last()
        .and_then(|h| h.first())
        .is_some_and(|c| ["年份", "年度"].contains(&compact(c).as_str()))
    {
        return year_rows(&body, out);
    }
    if urban_rural_facts(&body, out) {
        return true;
    }
    let mut lay = layout(&header, frame);
    // (A ranking of places, 排名 | 城市 | GDP(亿元) | 增速(%): columns of
    // indicators the plan-table reading does not know.)
    let ranked = match places_layout(
        &header,
        &rows[idx..],
        &cells_of,
        around.caption.as_deref(),
        frame,
    ) {
        Some((place, rank_column)) if rank_column || place.slots.len() > lay.slots.len() => {
            lay = place;
            true
        }
        _ => false,
    };
    if lay.slots.is_empty() {
        return false;
    }
    match place_topic(&header, &rows[idx..], &cells_of, around.caption.as_deref())
        .filter(|_| !ranked)
    {
        Some(Some(topic)) => lay.place_topic = Some(topic),
        Some(None) => {
            // The names of the value columns, when the last header row has
            // one for each slot.
            let names: Vec<String> = header
                .iter()
                .rev()
                .find(|r| !is_caption(r))
                .map(|r| {
                    r.iter()
                        .skip(lay.lead.len())
                        .filter(|c| is_slot_label(&label(c)))
                        .map(|c| column_name(c))
                        .collect()
                })
                .unwrap_or_default();
            if names.len() == lay.slots.len() && names.iter().all(|n| n.chars().count() >= 2) {
                lay.place_columns = names;
            }
        }
        None => {}
    }
    let mut state = RowState::default();
    // A caption such as “约束性指标完成情况” gives every row its attribute.
    let caption_attr = header.iter().filter(|r| is_caption(r)).find_map(|r| {
        let c = compact(&r.join(""));
        if c.contains("约束性指标") {
            Some(Attribute::Binding)
        } else if c.contains("预期性指标") {
            Some(Attribute::Expected)
        } else {
            None
        }
    });
    state.attribute = caption_attr;
    for row in &rows[idx..] {
        let cells = cells_of(row);
        let (rs, re) = (row.0, row.1);
        let quote = text.get(rs..re).unwrap_or_default().to_string();
        row_facts(
            &cells, &lay, &mut state, doc, &region, &section, &quote, rs, re, out,
        );
    }
    true
}

/// The columns of a table that splits each row's figure into the whole
/// place's, the towns' and the countryside's (`指标 | 全省(%) | 城市 | 农村`
/// under 居民消费价格比上年涨跌幅度): the name's prefix for each, in order.
fn urban_rural_columns(header: &[Vec<String>]) -> Option<Vec<&'static str>> {
    let cells: Vec<String> = header
        .iter()
        .flatten()
        .map(|c| {
            let c = compact(c);
            let c = c.trim_end_matches(['%', '％', ')', '）']);
            c.trim_end_matches(['(', '（']).to_string()
        })
        .filter(|c| !c.is_empty())
        .collect();
    const WHOLE: &[&str] = &[
        "全省", "全市", "全区", "全国", "全县", "全州", "全盟", "合计", "总计", "全体",
    ];
    let town = |c: &str| matches!(c, "城市" | "城镇");
    let country = |c: &str| matches!(c, "农村" | "乡村");
    let t = cells.iter().position(|c| town(c))?;
    if !cells.get(t + 1).is_some_and(|c| country(c)) || cells.len() > t + 2 {
        return None;
    }
    match t.checked_sub(1).map(|w| cells[w].as_str()) {
        Some(w) if WHOLE.contains(&w) => Some(vec!["", "城市", "农村"]),
        _ => Some(vec!["城市", "农村"]),
    }
    .map(|mut v| {
        // (城镇 | 乡村 name their columns so.)
        if cells[t] == "城镇" {
            v.iter_mut().for_each(|p| {
                *p = match *p {
                    "城市" => "城镇",
                    "农村" if cells[t + 1] == "乡村" => "乡村",
                    other => other,
                }
            });
        }
        v
    })
}

/// Facts of a table split by town and countryside (see
/// [`urban_rural_columns`]): each row a label and one figure per column, a
/// change in % on last year, or an index (上年=100) where the header says so.
fn urban_rural_facts(body: &Body, out: &mut Vec<Fact>) -> bool {
    let Body {
        text,
        header,
        rows,
        cells_of,
        frame,
        doc,
        around,
    } = *body;
    let Some(prefixes) = urban_rural_columns(header) else {
        return false;
    };
    let head: String = header
        .iter()
        .flatten()
        .map(|c| compact(c))
        .chain(around.caption.iter().map(|c| compact(c)))
        .collect();
    // (A first row 居民消费价格(上年=100) makes the whole table one of indices.)
    let index = head.contains("=100")
        || (head.contains("指数") && !head.contains("涨跌"))
        || rows
            .iter()
            .any(|r| cells_of(r).first().is_some_and(|c| c.contains("=100")));
    let priced = head.contains("价格");
    // (The raw cells, spaced: 表2 2014年… compacts to 表22014年.)
    let head_chars: Vec<char> = header
        .iter()
        .flatten()
        .chain(around.caption.iter())
        .flat_map(|c| c.chars().chain([' ']))
        .collect();
    let year = (0..head_chars.len())
        .find_map(|i| year_at(&head_chars, i).map(|(y, _)| y))
        .or_else(|| default_year(frame));
    let k = prefixes.len();
    let mut any = false;
    for row in rows {
        let cells: Vec<String> = cells_of(row)
            .into_iter()
            .filter(|c| !compact(c).is_empty())
            .collect();
        if cells.len() != k + 1 {
            continue;
        }
        // (其中:食品烟酒, 食 品: the label without the lead-in and spaces,
        // as written.)
        let written: String = cells[0].chars().filter(|c| !c.is_whitespace()).collect();
        let mut written = written
            .trim_start_matches("其中")
            .trim_start_matches([':', '：'])
            .to_string();
        // (居民消费价格(上年=100): an index, its base a note in brackets.)
        let row_index = index;
        if let Some(open) = written
            .find(['(', '（'])
            .filter(|_| written.contains("=100"))
        {
            written.truncate(open);
        }
        let label = compact(&written);
        if label.chars().count() < 2 || label.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        // (食品 under 居民消费价格…: 食品价格, or 食品价格指数 in a table of indices.)
        let mut name = written;
        if priced && !["价格", "指数", "水平"].iter().any(|w| label.contains(w)) {
            name.push_str("价格");
        }
        if row_index && !label.ends_with("指数") && !label.ends_with("水平") {
            name.push_str("指数");
        }
        let quote = text.get(row.0..row.1).unwrap_or_default().to_string();
        for (cell, prefix) in cells[1..].iter().zip(&prefixes) {
            let Cell::Value(v) = parse_cell(cell) else {
                continue;
            };
            any = true;
            out.push(Fact {
                doc: doc.to_string(),
                kind: Kind::Actual,
                indicator: format!("{prefix}{name}"),
                region: around.region.clone(),
                year,
                value: Some(v.value),
                value_max: None,
                unit: (!row_index).then(|| "%".to_string()),
                measure: if row_index {
                    Measure::Level
                } else {
                    Measure::Growth
                },
                comparator: Comparator::Eq,
                attribute: None,
                text: None,
                quote: quote.clone(),
                section: around.section.clone(),
                start: Some(row.0),
                end: Some(row.1),
                responsible: None,
            });
        }
    }
    any
}

#[allow(clippy::too_many_arguments)]
fn row_facts(
    cells: &[String],
    lay: &Layout,
    state: &mut RowState,
    doc: &str,
    region: &Option<String>,
    section: &Option<String>,
    quote: &str,
    rs: usize,
    re: usize,
    out: &mut Vec<Fact>,
) {
    if cells.iter().all(|c| compact(c).is_empty()) {
        return;
    }
    // 2.居民消费价格涨幅 | % | 2.7 under 一级指标 | 二级指标 | 单位: the group's
    // cell spans rows above and this row starts one column late.
    // (2 | 森林蓄积量(万立方米) | 4606.24 under 类别 | 序号 | 指标: the same, the
    // row's number where the group's cell would be.)
    let small_number = |c: &String| {
        let c = compact(c);
        (1..=3).contains(&c.len()) && c.chars().all(|ch| ch.is_ascii_digit())
    };
    let late_by_unit = lay
        .lead
        .iter()
        .position(|l| *l == Label::Unit)
        .is_some_and(|u| {
            u >= 2
                && cells.get(u - 1).is_some_and(|c| is_unit_word(&compact(c)))
                && !cells.get(u).is_some_and(|c| is_unit_word(&compact(c)))
        });
    let late_by_index = lay
        .lead
        .iter()
        .position(|l| *l == Label::Index)
        .is_some_and(|x| {
            x >= 1
                && cells.get(x - 1).is_some_and(small_number)
                && cells
                    .get(x)
                    .is_some_and(|c| !small_number(c) && matches!(parse_cell(c), Cell::Text(_)))
        });
    let late;
    let cells = if late_by_unit || late_by_index {
        late = std::iter::once(String::new())
            .chain(cells.iter().cloned())
            .collect::<Vec<_>>();
        &late[..]
    } else {
        cells
    };
    let mut names: Vec<String> = Vec::new();
    let mut unit_col: Option<String> = None;
    let mut attribute: Option<Attribute> = None;
    let mut rest: Vec<&String> = Vec::new();
    for (i, c) in cells.iter().enumerate() {
        if let Some(a) = is_attribute(c) {
            attribute = Some(a);
            continue;
        }
        match lay.lead.get(i) {
            Some(Label::Index) => {}
            Some(Label::Unit) => unit_col = Some(compact(c)).filter(|u| !u.is_empty()),
            Some(_) if i < lay.lead.len() => names.push(c.clone()),
            _ => rest.push(c),
        }
    }
    // Text cells before the values that are not goals are more of the name (sub-rows).
    while let Some(first) = rest.first() {
        let c = compact(first);
        let is_name = !c.is_empty()
            && matches!(parse_cell(first), Cell::Text(_))
            && !is_goal_text(&c)
            && rest[1..]
                .iter()
                .any(|r| matches!(parse_cell(r), Cell::Value(_) | Cell::Text(_)));
        if is_name {
            names.push((*first).clone());
            rest.remove(0);
        } else {
            break;
        }
    }
    let values: Vec<Cell> = rest.iter().map(|c| parse_cell(c)).collect();
    let non_empty: Vec<&String> = names.iter().filter(|n| !compact(n).is_empty()).collect();
    if values.iter().all(|v| matches!(v, Cell::Empty | Cell::Dash)) {
        // A group row (经济发展, 主要污染物排放减少（%）).
        if let Some(n) = non_empty.first() {
            let (g, u) = name_and_unit(n);
            state.heading = (cells.len() == 1).then(|| g.clone());
            state.group_name = Some(g);
            state.group_unit = u;
            if attribute.is_some() {
                state.attribute = attribute;
            }
        }
        return;
    }
    let Some(main) = non_empty.last() else { return };
    let (name, own_unit) = name_and_unit(main);
    let leading_empty = names.first().is_some_and(|n| compact(n).is_empty());
    if non_empty.len() >= 2 {
        let (g, u) = name_and_unit(non_empty[0]);
        state.group_name = Some(g);
        state.group_unit = u;
    } else if !leading_empty {
        // A row of its own ends any group (unless the group is a header row for sub-rows below).
        if lay.lead.len() > 1 {
            state.group_name = None;
            state.group_unit = None;
        }
    }
    let in_group = non_empty.len() >= 2
        || leading_empty
        || (lay.lead.len() == 1 && state.group_name.is_some() && own_unit.is_some());
    // (地区生产总值增长率(按可比价格计算) | %: the bracket is a note.)
    let own_unit = own_unit.filter(|u| unit_col.is_none() || is_unit_word(u));
    let unit = own_unit.or(unit_col).or_else(|| {
        if in_group {
            state.group_unit.clone()
        } else {
            None
        }
    });
    let attribute = attribute.or(state.attribute);
    state.attribute = attribute;
    let group_text = if in_group {
        state.group_name.clone().unwrap_or_default()
    } else {
        String::new()
    };
    let mut indicator: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    // A row of a place reports the table's topic for that place.
    let row_region;
    let place_row = lay.place_topic.is_some() || !lay.place_columns.is_empty();
    let region = if place_row {
        row_region = if PLACE_TOTALS.contains(&indicator.as_str()) {
            region.clone()
        } else {
            // (长沙 in a column of cities: 长沙市.)
            Some(
                crate::region::lookup(&indicator)
                    .filter(|p| p.name.starts_with(indicator.as_str()))
                    .map_or_else(|| indicator.clone(), |p| p.name.to_string()),
            )
        };
        if let Some(topic) = &lay.place_topic {
            indicator = topic.clone();
        }
        &row_region
    } else {
        region
    };
    // 在校生, 毛入学率 under 九年义务教育: a generic name is its group's.
    let generic =
        indicator.chars().count() <= 4 && ["生", "率", "数"].iter().any(|w| indicator.ends_with(w));
    if let Some(g) = state
        .heading
        .as_deref()
        .filter(|g| generic && !g.is_empty())
    {
        // (The heading is read by name_and_unit, spaces already removed.)
        if !indicator.starts_with(g) {
            indicator = format!("{g}{indicator}");
        }
    }
    let matching: String = indicator
        .chars()
        .map(planwatch_text::norm::char_for_matching)
        .collect();
    if matching.contains("生产总值") {
        state.gdp_parts = true;
    } else if state.gdp_parts && matching.ends_with('业') && !matching.contains("增加值") {
        indicator.push_str("增加值");
    }
    let whole = format!("{indicator}{group_text}");
    let reduction_row =
        ["降低", "减少", "下降"].iter().any(|w| whole.contains(w)) && !whole.contains("下降率");
    let growth_row = ["增长", "增速", "增长率", "涨幅", "增幅"]
        .iter()
        .any(|w| indicator.ends_with(w));
    let unit_is_rate = unit.as_deref().is_some_and(|u| u == "%" || u == "‰");

    // Which slot each value goes to.
    let slots = &lay.slots;
    let mut vals: Vec<Cell> = values.clone();
    while vals.len() > slots.len() && matches!(vals.last(), Some(Cell::Empty)) {
        vals.pop();
    }
    let positional = vals.len() == slots.len() && !vals.iter().any(|v| matches!(v, Cell::Empty));
    let assigned: Vec<(Slot, Cell)> = if positional {
        slots.iter().copied().zip(vals).collect()
    } else {
        let present: Vec<Cell> = vals
            .into_iter()
            .filter(|v| !matches!(v, Cell::Empty | Cell::Dash))
            .collect();
        assign_by_form(slots, present, unit_is_rate)
    };
    for (i, (slot, cell)) in assigned.into_iter().enumerate() {
        // (A row of places under named columns: each value is its column's.)
        let indicator = match lay.place_columns.get(i).filter(|_| positional) {
            Some(column) => column.clone(),
            None => indicator.clone(),
        };
        let base = Fact {
            doc: doc.to_string(),
            kind: slot.kind,
            indicator,
            region: region.clone(),
            year: slot.year,
            value: None,
            value_max: None,
            unit: None,
            measure: Measure::Level,
            comparator: Comparator::Eq,
            attribute,
            text: None,
            quote: quote.to_string(),
            section: section.clone(),
            start: Some(rs),
            end: Some(re),
            responsible: None,
        };
        match cell {
            // The total's share of itself says nothing.
            Cell::Value(v) if slot.share && v.value == 100.0 => {}
            Cell::Value(v) => {
                let measure = if let Some(m) = v.measure {
                    m
                } else if v.cumulative || slot.over_period {
                    Measure::Cumulative
                } else if slot.growth && slot.yoy {
                    Measure::Growth
                } else if slot.growth {
                    Measure::AvgGrowth
                } else if growth_row {
                    if slot.kind == Kind::Actual {
                        Measure::Growth
                    } else {
                        Measure::AvgGrowth
                    }
                } else if reduction_row {
                    Measure::Reduction
                } else {
                    Measure::Level
                };
                let column_unit = lay
                    .place_units
                    .get(i)
                    .filter(|_| positional)
                    .cloned()
                    .flatten();
                let unit = if slot.share {
                    Some("%".to_string())
                } else if let Some(u) = column_unit.filter(|_| !slot.growth) {
                    Some(u)
                } else if v.cumulative && v.unit.is_none() {
                    unit.clone()
                } else if slot.growth || v.percent && !unit_is_rate {
                    v.unit.clone().or(Some("%".to_string()))
                } else {
                    unit.clone()
                        .or(v.unit.clone())
                        .or_else(|| lay.level_unit.clone())
                };
                let indicator = if slot.share && !base.indicator.ends_with("比重") {
                    format!("{}比重", base.indicator)
                } else if slot.constant {
                    format!("{}(不变价)", base.indicator)
                } else {
                    base.indicator.clone()
                };
                out.push(Fact {
                    value: Some(v.value),
                    unit,
                    measure,
                    comparator: v.comparator,
                    indicator,
                    ..base
                });
            }
            Cell::Text(t) if slot.kind == Kind::Target && !slot.growth => {
                let comparator = if t.contains("不低于") {
                    Comparator::Ge
                } else if t.contains("高于") || t.contains("超过") {
                    Comparator::Gt
                } else {
                    Comparator::Eq
                };
                let measure = if reduction_row {
                    Measure::Reduction
                } else {
                    Measure::Level
                };
                out.push(Fact {
                    text: Some(t),
                    measure,
                    comparator,
                    ..base
                });
            }
            _ => {}
        }
    }
}

/// Places values of a row that lost its empty cells: growth-form values go
/// to growth columns in order, levels to the latest level columns.
fn assign_by_form(slots: &[Slot], present: Vec<Cell>, unit_is_rate: bool) -> Vec<(Slot, Cell)> {
    let level_slots: Vec<Slot> = slots.iter().copied().filter(|s| !s.growth).collect();
    let growth_slots: Vec<Slot> = slots.iter().copied().filter(|s| s.growth).collect();
    let is_growth_form = |c: &Cell, allow_pct: bool| match c {
        Cell::Value(v) => v.cumulative || (v.percent && allow_pct),
        _ => false,
    };
    let levels_without_pct = present.iter().filter(|c| !is_growth_form(c, true)).count();
    // In a % row an explicit % marks the growth column only when levels already fill their columns.
    let pct_is_growth = !unit_is_rate || levels_without_pct >= level_slots.len();
    let mut growth_vals = Vec::new();
    let mut level_vals = Vec::new();
    for c in present {
        if is_growth_form(&c, pct_is_growth) && !growth_slots.is_empty() {
            growth_vals.push(c);
        } else {
            level_vals.push(c);
        }
    }
    let mut out = Vec::new();
    for (s, c) in growth_slots.iter().zip(growth_vals) {
        out.push((*s, c));
    }
    let n = level_vals.len().min(level_slots.len());
    // A missing level is mostly a plan's base; a missing share (总计 | 53.48 | |)
    // is the share column's.
    let skip = if level_slots.iter().any(|s| s.share) {
        0
    } else {
        level_slots.len() - n
    };
    for (s, c) in level_slots[skip..].iter().zip(level_vals) {
        out.push((*s, c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use planwatch_core::DocumentInfo;

    #[test]
    fn price_change_and_abbreviated_measure_columns() {
        assert!(matches!(label("涨 跌"), Label::Growth { .. }));
        assert!(matches!(label("涨跌幅度(%)"), Label::Growth { .. }));
        assert!(matches!(label("CPI(%)"), Label::Absolute));
        assert!(matches!(label("GDP(亿元)"), Label::Absolute));
        assert!(matches!(label("Ab(%)"), Label::Other));
    }

    /// The table rows of `text`, as the block reader would give them.
    #[test]
    fn a_note_mark_after_a_header_word_is_no_figure() {
        assert!(matches!(label("比重[4]"), Label::Share));
        assert_eq!(without_note_mark("人口数[2]".into()), "人口数");
        assert_eq!(without_note_mark("[2]".into()), "[2]");
        assert_eq!(without_note_mark("PM2.5[12]".into()), "PM2.5[12]");
    }

    fn rows_of(text: &str) -> Vec<RowSpan> {
        planwatch_text::blocks(text)
            .into_iter()
            .filter_map(|b| match b.kind {
                planwatch_text::BlockKind::TableRow { cells } => Some((b.start, b.end, cells)),
                _ => None,
            })
            .collect()
    }

    fn run(doc_type: DocType, period: (i32, i32), table: &str) -> Vec<String> {
        let info = DocumentInfo {
            title: None,
            region: None,
            doc_type,
            period_start: Some(period.0),
            period_end: Some(period.1),
            year: None,
            issuer: None,
            number: None,
        };
        let frame = Frame::new(&info);
        let rows = rows_of(table);
        let mut out = Vec::new();
        table_facts(table, &rows, &frame, "t", &Around::default(), &mut out);
        out.iter()
            .map(|f| {
                format!(
                    "{} {} {} {} {} {} {} {}",
                    f.kind.as_str(),
                    f.indicator,
                    f.year.unwrap_or(0),
                    f.value
                        .map_or_else(|| f.text.clone().unwrap_or_default(), |v| v.to_string()),
                    f.unit.clone().unwrap_or_default(),
                    f.measure.as_str(),
                    f.comparator.as_str(),
                    f.attribute.map_or("-", |a| a.as_str())
                )
            })
            .collect()
    }

    #[test]
    fn a_groups_heading_under_a_header_of_years_is_no_header() {
        let t = "指标\n\n2017年\n\n2020年\n\n2022年\n\n总体规模\n\n数字经济增加值(亿元)\n\n20658\n\n30000\n\n40000\n\n软件和信息服务业收入(亿元)\n\n5543\n\n8000\n\n10000\n";
        let out = run(DocType::ImplementationPlan, (2018, 2022), t);
        assert!(
            out.contains(&"actual 数字经济增加值 2017 20658 亿元 level eq -".to_string()),
            "{out:?}"
        );
        assert!(out.contains(&"target 软件和信息服务业收入 2022 10000 亿元 level eq -".to_string()));
    }

    #[test]
    fn a_numbered_caption_over_done_and_share_columns() {
        let t = "1  2021 年全县生产总值\n\n指标名称\n\n完成值(亿元)\n\n比上年增长(%)\n\n占生产总值比重(%)\n\n地区生产总值\n\n162.78\n\n5.7\n\n100\n\n第一产业\n\n54.90\n\n7.5\n\n33.7\n\n第二产业\n\n27.28\n\n5.3\n\n16.8\n";
        let got = run(DocType::StatisticalBulletin, (2021, 2021), t);
        assert!(
            got.contains(&"actual 地区生产总值 0 162.78 亿元 level eq -".to_string()),
            "{got:?}"
        );
        assert!(got.contains(&"actual 第一产业增加值 0 7.5 % growth eq -".to_string()));
        assert!(got.contains(&"actual 第二产业增加值比重 0 16.8 % level eq -".to_string()));
    }

    #[test]
    fn a_column_of_index_values_under_its_base() {
        let t = "表1居民消费价格指数(以上年为100)\n\n指标\n\n价格指数\n\n比上年±%\n\n居民消费价格总指数\n\n103.0\n\n3.0\n\n#食品烟酒\n\n106.3\n\n6.3\n\n衣着\n\n103.1\n\n3.1\n";
        let got = run(DocType::StatisticalBulletin, (2019, 2019), t);
        assert!(
            got.contains(&"actual 居民消费价格总指数 0 103  level eq -".to_string()),
            "{got:?}"
        );
        assert!(got.contains(&"actual 食品烟酒 0 106.3  level eq -".to_string()));
        assert!(got.contains(&"actual 衣着 0 3.1 % growth eq -".to_string()));
    }

    #[test]
    fn a_table_split_by_town_and_countryside_names_each_column() {
        // Cells one per line, blank lines between, the caption in the
        // label column's header cell.
        let t = "表2 2014年居民消费价格比上年涨跌幅度\n\n全 省(%)\n\n城 市\n\n农 村\n\n居民消费价格总水平\n\n2.0\n\n2.1\n\n1.9\n\n食 品\n\n3.3\n\n3.2\n\n3.5\n\n烟酒及用品\n\n-0.8\n\n-1.0\n\n-0.5\n";
        let got = run(DocType::StatisticalBulletin, (2014, 2014), t);
        assert!(got.contains(&"actual 居民消费价格总水平 2014 2 % growth eq -".to_string()));
        assert!(got.contains(&"actual 城市食品价格 2014 3.2 % growth eq -".to_string()));
        assert!(got.contains(&"actual 农村烟酒及用品价格 2014 -0.5 % growth eq -".to_string()));
        assert_eq!(got.len(), 9);
        // Spaced cells, the header wrapped over two lines: indices on last year.
        let t = "表1 2020年居民消费价格指数\n\n  指标 全区\n\n  城市 农村\n\n  居民消费价格(上年=100) 102.2 102.2 102.1\n\n  其中:食品烟酒 104.8 105.1 104.5\n\n  衣 着 101.0 101.1 101.0\n";
        let got = run(DocType::StatisticalBulletin, (2020, 2020), t);
        assert!(got.contains(&"actual 居民消费价格指数 0 102.2  level eq -".to_string()));
        assert!(got.contains(&"actual 城市食品烟酒指数 0 105.1  level eq -".to_string()));
        // The caption just above names the year and what is priced.
        let around = Around {
            caption: Some("表1 2020年居民消费价格指数".into()),
            ..Around::default()
        };
        let frame = Frame::new(&DocumentInfo {
            title: None,
            region: None,
            doc_type: DocType::StatisticalBulletin,
            period_start: None,
            period_end: None,
            year: None,
            issuer: None,
            number: None,
        });
        let mut out = Vec::new();
        let t = t.split_once('\n').map_or(t, |(_, rest)| rest);
        table_facts(t, &rows_of(t), &frame, "t", &around, &mut out);
        let got: Vec<String> = out
            .iter()
            .map(|f| format!("{} {} {:?}", f.indicator, f.year.unwrap_or(0), f.value))
            .collect();
        assert!(got.contains(&"居民消费价格指数 2020 Some(102.2)".to_string()));
        assert!(got.contains(&"城市食品烟酒价格指数 2020 Some(105.1)".to_string()));
        assert!(got.contains(&"农村衣着价格指数 2020 Some(101.0)".to_string()));
        // A column of cities is no such split.
        assert!(urban_rural_columns(&[vec!["城市".into(), "GDP(亿元)".into()]]).is_none());
    }

    #[test]
    fn a_numbered_group_heading_under_the_header_is_no_header() {
        // 一、经济增长 reads like a column of growth; it heads its rows.
        let t = "指标|2010年实绩|2015年目标|\n一、经济增长|\n农业增加值(亿元)|81.53|163|\n粮食总产(万吨)|119.6|100|\n";
        let got = run(DocType::FiveYearPlan, (2011, 2015), t);
        assert!(got.contains(&"actual 农业增加值 2010 81.53 亿元 level eq -".to_string()));
        assert!(got.contains(&"target 粮食总产 2015 100 万吨 level eq -".to_string()));
    }

    #[test]
    fn report_table_of_the_years_goals_and_results() {
        let info = DocumentInfo {
            title: None,
            region: None,
            doc_type: DocType::WorkReport,
            period_start: None,
            period_end: None,
            year: Some(2025),
            issuer: None,
            number: None,
        };
        let frame = Frame::new(&info);
        let t = "表一  2024年上海市国民经济和社会发展主要目标完成情况\n指标名称 | 属性 | 全年目标 | 全年完成\n全市生产总值 | 预期性 | 增长5%左右 | 增长5%\n工业战略性新兴产业总产值占规模以上工业总产值比重 | 预期性 | 44%以上 | 43.6%\n";
        let rows = rows_of(t);
        let mut out = Vec::new();
        table_facts(t, &rows, &frame, "t", &Around::default(), &mut out);
        let got: Vec<String> = out
            .iter()
            .map(|f| {
                format!(
                    "{} {} {} {} {} {}",
                    f.kind.as_str(),
                    f.indicator,
                    f.year.unwrap_or(0),
                    f.value.unwrap_or(f64::NAN),
                    f.measure.as_str(),
                    f.comparator.as_str()
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "target 全市生产总值 2024 5 growth approx",
                "actual 全市生产总值 2024 5 growth eq",
                "target 工业战略性新兴产业总产值占规模以上工业总产值比重 2024 44 level ge",
                "actual 工业战略性新兴产业总产值占规模以上工业总产值比重 2024 43.6 level eq",
            ]
        );
    }

    #[test]
    fn rows_under_a_group_cell_spanning_them_start_one_column_late() {
        // (The group's cell is printed on its first row only; 1-3月 heads the
        // months so far.)
        let t = "一级指标 | 二 级 指 标 | 计量单位 | 1-3月 |\n经济稳定 | 1.地区生产总值增长率(按可比价格计算) | % | 7.2 |\n2.居民消费价格涨幅(CPI) | % | 2.7 | |\n结构优化 | 3.服务业增加值占GDP比重 | % | 55.75 |\n";
        assert_eq!(
            run(DocType::Other, (2018, 2018), t),
            [
                "actual 地区生产总值增长率 0 7.2 % growth eq -",
                "actual 居民消费价格涨幅 0 2.7 % growth eq -",
                "actual 服务业增加值占GDP比重 0 55.75 % level eq -",
            ]
        );
        assert!(part_of_year("1-3月") && part_of_year("1—6月份") && part_of_year("上半年"));
        assert!(!part_of_year("3月") && !part_of_year("13-14月") && !part_of_year("1-3-5月"));
    }

    #[test]
    fn rows_under_a_group_cell_start_with_their_number_one_column_late() {
        // (类别 spans the rows of its group; each later row opens on its 序号.)
        let t = "类别 | 序号 | 指标 | 2020年 | 2025年 | 属性 |\n生态建设 | 1 | 森林覆盖率(%) | 45.31 | 46.3 | 约束性 |\n2 | 森林蓄积量(万立方米) | 4606.24 | 5000 | 约束性 |\n";
        assert_eq!(
            run(DocType::FiveYearPlan, (2021, 2025), t),
            [
                "actual 森林覆盖率 2020 45.31 % level eq 约束性",
                "target 森林覆盖率 2025 46.3 % level eq 约束性",
                "actual 森林蓄积量 2020 4606.24 万立方米 level eq 约束性",
                "target 森林蓄积量 2025 5000 万立方米 level eq 约束性",
            ]
        );
    }

    #[test]
    fn share_columns_are_percent_of_the_total() {
        let t = "指 标 | 年末数(万人) | 比重(%) |\n常住人口 | 53.48 | |\n其中:城镇 | 34.76 | 65 |\n乡村 | 18.72 | 35 |\n";
        assert_eq!(
            run(DocType::StatisticalBulletin, (2019, 2019), t),
            [
                "actual 常住人口 0 53.48 万人 level eq -",
                "actual 城镇 0 34.76 万人 level eq -",
                "actual 城镇比重 0 65 % level eq -",
                "actual 乡村 0 18.72 万人 level eq -",
                "actual 乡村比重 0 35 % level eq -",
            ]
        );
    }

    #[test]
    fn gdp_composition_with_constant_prices_and_glosses() {
        let t = "行業(yè)名稱 | 現(xiàn)價(jià) (萬元) | 不變價(jià) (萬元) | 增速 (%) | 行業(yè)占 比(%) |\n地區(qū)生產(chǎn)總值 | 529757 | 520278 | 13.1 | 100 |\n工業(yè) | 111250 | 114767 | 12.7 | 21 |\n";
        assert_eq!(
            run(DocType::StatisticalBulletin, (2016, 2016), t),
            [
                "actual 地區生產總值 0 529757 萬元 level eq -",
                "actual 地區生產總值(不变价) 0 520278 萬元 level eq -",
                "actual 地區生產總值 0 13.1 % growth eq -",
                "actual 工業增加值 0 111250 萬元 level eq -",
                "actual 工業增加值(不变价) 0 114767 萬元 level eq -",
                "actual 工業增加值 0 12.7 % growth eq -",
                "actual 工業增加值比重 0 21 % level eq -",
            ]
        );
    }

    #[test]
    fn columns_priced_at_a_named_years_prices_are_no_year_columns() {
        let t = "指标名称 | 按现行价格计算 | 按2020年不变价格计算 | 比上年±% |\n地区生产总值 | 2728738.78 | 2716503.16 | 4.0 |\n工业 | 320169.10 | 350420.03 | 2.6 |\n";
        assert_eq!(
            run(DocType::StatisticalBulletin, (2022, 2022), t),
            [
                "actual 地区生产总值 0 2728738.78  level eq -",
                "actual 地区生产总值(不变价) 0 2716503.16  level eq -",
                "actual 地区生产总值 0 4 % growth eq -",
                "actual 工业增加值 0 320169.1  level eq -",
                "actual 工业增加值(不变价) 0 350420.03  level eq -",
                "actual 工业增加值 0 2.6 % growth eq -",
            ]
        );
    }

    #[test]
    fn beside_a_column_of_goals_for_a_year_a_plain_column_is_how_things_stand() {
        let t = "乡镇(农场) | 可种植面积 | 2023年小麦任务面积 | 备注 |\n八一乡 | 8.44 | 0.91 | |\n白脑包镇 | 32.01 | 3.89 | |\n";
        let got = run(DocType::ImplementationPlan, (2023, 2023), t);
        assert!(
            got.iter()
                .any(|f| f.starts_with("actual") && f.contains(" 8.44 ")),
            "{got:?}"
        );
        assert!(
            got.iter()
                .any(|f| f.starts_with("target") && f.contains(" 2023 0.91 ")),
            "{got:?}"
        );
    }

    #[test]
    fn tab_table_with_base_goal_and_growth_columns() {
        let t = "指标\t\t2015 年 基数\t2020 年 目标\t累计或年 均增长 (%)\t指标 属性\n经济发展\t\t\t\t\t\n地区生产总值 (亿元)\t\t1357.5\t1900\t7\t预期性\n农村贫困人口脱贫（万人）\t\t—\t7.5\t—\t约束性\n森林 发展\t森林覆盖率（%）\t19\t21\t0.4\t约束性\n\t森林蓄积量（万立方米）\t760\t800\t1\t\n";
        assert_eq!(
            run(DocType::FiveYearPlan, (2016, 2020), t),
            [
                "actual 地区生产总值 2015 1357.5 亿元 level eq 预期性",
                "target 地区生产总值 2020 1900 亿元 level eq 预期性",
                "target 地区生产总值 2020 7 % avg_growth eq 预期性",
                "target 农村贫困人口脱贫 2020 7.5 万人 level eq 约束性",
                "actual 森林覆盖率 2015 19 % level eq 约束性",
                "target 森林覆盖率 2020 21 % level eq 约束性",
                "target 森林覆盖率 2020 0.4 % avg_growth eq 约束性",
                "actual 森林蓄积量 2015 760 万立方米 level eq 约束性",
                "target 森林蓄积量 2020 800 万立方米 level eq 约束性",
                "target 森林蓄积量 2020 1 % avg_growth eq 约束性",
            ]
        );
    }

    #[test]
    fn generic_names_take_their_heading_row() {
        // A table printed with spaces, its group headings on lines of their own.
        let t = "指 标\n单位 2015年 2020年\n九年义务教育\n在校生 万人 505 535\n巩固率 % 100 100\n高中段教育\n在校生 万人 142 160\n幼儿在园人数 万人 181 222\n";
        let got = run(DocType::FiveYearPlan, (2016, 2020), t);
        let names: Vec<&str> = got
            .iter()
            .map(|l| l.split(' ').nth(1).unwrap_or_default())
            .collect();
        assert_eq!(
            names,
            [
                "九年义务教育在校生",
                "九年义务教育在校生",
                "九年义务教育巩固率",
                "九年义务教育巩固率",
                "高中段教育在校生",
                "高中段教育在校生",
                // A name of its own keeps it.
                "幼儿在园人数",
                "幼儿在园人数",
            ]
        );
    }

    #[test]
    fn shifted_pipe_rows_are_placed_by_form() {
        let t = "指标 | 属性 | 2020 年 | 2025年 | 年均增速 {累计} |\n地区生产总值(亿元) | 预期性 | ≥6% | ||\n一般公共预算收入(亿元) | 预期性 | 69.5 | 100 | 7.5%左右 |\n﹡常住人口城镇化率(%) | 预期性 | 52.5 | ||\n﹡居民人均可支配收入增长(%) | 预期性 | 4.9 | >6% | |\n﹡劳动人口平均受教育年限(年) | 约束性 | 11 | 等待省下达 | |\n万元GDP用水量下降率(%) | 约束性 | [12%左右] | ||\n";
        assert_eq!(
            run(DocType::FiveYearPlan, (2021, 2025), t),
            [
                "target 地区生产总值 2025 6 % avg_growth ge 预期性",
                "actual 一般公共预算收入 2020 69.5 亿元 level eq 预期性",
                "target 一般公共预算收入 2025 100 亿元 level eq 预期性",
                "target 一般公共预算收入 2025 7.5 % avg_growth approx 预期性",
                "target 常住人口城镇化率 2025 52.5 % level eq 预期性",
                "actual 居民人均可支配收入增长 2020 4.9 % growth eq 预期性",
                "target 居民人均可支配收入增长 2025 6 % avg_growth gt 预期性",
                "actual 劳动人口平均受教育年限 2020 11 年 level eq 约束性",
                "target 劳动人口平均受教育年限 2025 等待省下达  level eq 约束性",
                "target 万元GDP用水量下降率 2025 12 % cumulative approx 约束性",
            ]
        );
    }

    #[test]
    fn completion_table_with_plan_and_actual_groups() {
        let t = "指 标 | 规划目标 | 实际完成 | |||||\n2015年 | 2020年 | 年均增速 [累计] | 2020年 | 年均增速 [累计] | |||\n农村贫困人口脱贫(万人) | [16.03] | [17.19] | |||||\n城镇棚户区住房改造(套) | 96 | 96 | |||||\n森林覆盖率(%) | 36.16 | 37.5 | 36.4 | ||||\n";
        assert_eq!(
            run(DocType::FiveYearPlan, (2021, 2025), t),
            [
                "target 农村贫困人口脱贫 2020 16.03 万人 cumulative eq -",
                "actual 农村贫困人口脱贫 2020 17.19 万人 cumulative eq -",
                "target 城镇棚户区住房改造 2020 96 套 level eq -",
                "actual 城镇棚户区住房改造 2020 96 套 level eq -",
                "actual 森林覆盖率 2015 36.16 % level eq -",
                "target 森林覆盖率 2020 37.5 % level eq -",
                "actual 森林覆盖率 2020 36.4 % level eq -",
            ]
        );
    }

    #[test]
    fn base_and_goal_columns_without_years() {
        // 基期值 | 目标值: the plan's base year and its end; 規劃目標 beside
        // a dated base is the goal column, its growth a goal too.
        let t = "指标|基期值|目标值|属性|\n地区生产总值（亿元）|500|700|预期性|\n";
        assert_eq!(
            run(DocType::FiveYearPlan, (2021, 2025), t),
            [
                "actual 地区生产总值 2020 500 亿元 level eq 预期性",
                "target 地区生产总值 2025 700 亿元 level eq 预期性",
            ]
        );
        let t =
            "指標\t2020年\t規劃目標\t年均增長\t屬性\n地區生產總值（億元）\t500\t700\t7%\t預期性\n";
        assert_eq!(
            run(DocType::FiveYearPlan, (2021, 2025), t),
            [
                "actual 地區生產總值 2020 500 億元 level eq 预期性",
                "target 地區生產總值 2025 700 億元 level eq 预期性",
                "target 地區生產總值 2025 7 % avg_growth eq 预期性",
            ]
        );
        // A table printed with spaces, its five-year sum in brackets.
        let t = "指标 单位 2010年 2015年 年均增长\n地区生产总值 亿元 500 800 10%\n城镇化率 % 40 50 [2]\n";
        assert_eq!(
            run(DocType::FiveYearPlan, (2011, 2015), t),
            [
                "actual 地区生产总值 2010 500 亿元 level eq -",
                "target 地区生产总值 2015 800 亿元 level eq -",
                "target 地区生产总值 2015 10 % avg_growth eq -",
                "actual 城镇化率 2010 40 % level eq -",
                "target 城镇化率 2015 50 % level eq -",
                "target 城镇化率 2015 2 % cumulative eq -",
            ]
        );
    }

    #[test]
    fn yearly_goals_of_a_plan_within_its_period() {
        // A three-year plan's year-by-year goals: the first year too, after
        // the base year before the period.
        let t = "指标\t2022年\t2023年\t2024年\t2025年\n高新技术企业（家）\t400\t500\t600\t700\n";
        assert_eq!(
            run(DocType::ImplementationPlan, (2023, 2025), t),
            [
                "actual 高新技术企业 2022 400 家 level eq -",
                "target 高新技术企业 2023 500 家 level eq -",
                "target 高新技术企业 2024 600 家 level eq -",
                "target 高新技术企业 2025 700 家 level eq -",
            ]
        );
    }

    #[test]
    fn review_table_of_goals_and_the_state_now() {
        // 规划目标 | 现状 in a review: the plan's goals and the reviewed
        // year's results; a floor (≥98) and a 达标 mark printed with spaces.
        let t = "序号 指标 规划目标 现状 评价\n4 城市大气环境功能区达标率(%) ≥98 100 达标\n5 市区全年空气质量优良天数(天) ≥330 345 达标\n";
        let out = run(DocType::PlanReview, (2011, 2015), t);
        assert_eq!(
            out,
            [
                "target 城市大气环境功能区达标率 2015 98 % level ge -",
                "actual 城市大气环境功能区达标率 0 100 % level eq -",
                "target 市区全年空气质量优良天数 2015 330 天 level ge -",
                "actual 市区全年空气质量优良天数 0 345 天 level eq -",
            ]
        );
    }

    #[test]
    fn plan_table_of_the_past_period() {
        // A 十三五 plan's table of what the 十二五 achieved: both years are
        // results, and growth over the earlier period is a change over years.
        let t =
            "指标\t单位\t2010年\t2015年\t同比“十一五”增长\n铁路运营里程\t公里\t4011\t5320\t32.6%\n";
        assert_eq!(
            run(DocType::FiveYearPlan, (2016, 2020), t),
            [
                "actual 铁路运营里程 2010 4011 公里 level eq -",
                "actual 铁路运营里程 2015 5320 公里 level eq -",
                "actual 铁路运营里程 2015 32.6 % cumulative eq -",
            ]
        );
    }

    #[test]
    fn bulletin_table_growth_is_year_on_year() {
        let info = DocumentInfo {
            title: None,
            region: None,
            doc_type: DocType::StatisticalBulletin,
            period_start: None,
            period_end: None,
            year: Some(2023),
            issuer: None,
            number: None,
        };
        let frame = Frame::new(&info);
        let t = "指标\t单位\t绝对数\t比上年增长(%)\n粮食产量\t万吨\t120.5\t-1.2\n";
        let rows = rows_of(t);
        let mut out = Vec::new();
        table_facts(t, &rows, &frame, "b", &Around::default(), &mut out);
        let got: Vec<(Kind, Option<i32>, Option<f64>, Measure)> = out
            .iter()
            .map(|f| (f.kind, f.year, f.value, f.measure))
            .collect();
        assert_eq!(
            got,
            [
                (Kind::Actual, Some(2023), Some(120.5), Measure::Level),
                (Kind::Actual, Some(2023), Some(-1.2), Measure::Growth),
            ]
        );
    }

    #[test]
    fn places_under_a_two_row_header_with_a_noted_unit() {
        let info = DocumentInfo {
            title: None,
            region: Some("吴川市".into()),
            doc_type: DocType::StatisticalBulletin,
            period_start: None,
            period_end: None,
            year: Some(2020),
            issuer: None,
            number: None,
        };
        let frame = Frame::new(&info);
        let t = "地区|人口数|比重[4]|\n|2020年|2010年|\n全市|907354|100.00|100.00|\n梅菉街道|145498|16.04|15.26|\n";
        let around = Around {
            region: Some("吴川市".into()),
            section: None,
            caption: Some("单位:人、%".into()),
        };
        let mut out = Vec::new();
        table_facts(t, &rows_of(t), &frame, "b", &around, &mut out);
        let got: Vec<String> = out
            .iter()
            .map(|f| {
                format!(
                    "{} {} {} {} {}",
                    f.region.clone().unwrap_or_default(),
                    f.indicator,
                    f.year.unwrap_or(0),
                    f.value.unwrap_or(0.0),
                    f.unit.clone().unwrap_or_default()
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "吴川市 人口数 2020 907354 人",
                "吴川市 比重 2020 100 %",
                "吴川市 比重 2010 100 %",
                "梅菉街道 人口数 2020 145498 人",
                "梅菉街道 比重 2020 16.04 %",
                "梅菉街道 比重 2010 15.26 %",
            ]
        );
    }

    #[test]
    fn a_ranking_of_places_by_the_captions_indicator() {
        let info = DocumentInfo {
            title: None,
            region: Some("山东省".into()),
            doc_type: DocType::Other,
            period_start: None,
            period_end: None,
            year: Some(2017),
            issuer: None,
            number: None,
        };
        let frame = Frame::new(&info);
        // 县(市区) heads places; 单位(亿元) only gives the unit of the
        // figures the caption names.
        let t = "序号 | 县(市区) | 单位(亿元) |\n1 | 黄岛区 | 2766 |\n2 | 张店区 | 1209 |\n";
        let rows = rows_of(t);
        let around = Around {
            region: Some("山东省".into()),
            section: None,
            caption: Some("按GDP规模:".into()),
        };
        let mut out = Vec::new();
        table_facts(t, &rows, &frame, "b", &around, &mut out);
        let got: Vec<(String, String, Option<f64>, Option<String>)> = out
            .iter()
            .map(|f| {
                (
                    f.region.clone().unwrap_or_default(),
                    f.indicator.clone(),
                    f.value,
                    f.unit.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "黄岛区".into(),
                    "GDP".into(),
                    Some(2766.0),
                    Some("亿元".into())
                ),
                (
                    "张店区".into(),
                    "GDP".into(),
                    Some(1209.0),
                    Some("亿元".into())
                ),
            ]
        );
        assert_eq!(ranked_by("度GDP排列:").as_deref(), Some("GDP"));
        assert_eq!(ranked_by("主要经济指标:"), None);
    }

    #[test]
    fn rows_of_places_report_the_captions_topic() {
        let info = DocumentInfo {
            title: None,
            region: Some("海南省".into()),
            doc_type: DocType::Other,
            period_start: None,
            period_end: None,
            year: Some(2018),
            issuer: None,
            number: None,
        };
        let frame = Frame::new(&info);
        let t = "市县\t绝对数(亿元)\t比上年同期增长(%)\n全省\t2200.5\t6.0\n海 口 市\t797.49\t8.1\n三亚市\t304.09\t7.0\n";
        let rows = rows_of(t);
        let around = Around {
            region: Some("海南省".into()),
            section: None,
            caption: Some("附表:2018年上半年各市县地区生产总值及增速".into()),
        };
        let mut out = Vec::new();
        table_facts(t, &rows, &frame, "b", &around, &mut out);
        let got: Vec<(String, String, Option<f64>, Measure)> = out
            .iter()
            .map(|f| {
                (
                    f.region.clone().unwrap_or_default(),
                    f.indicator.clone(),
                    f.value,
                    f.measure,
                )
            })
            .collect();
        let gdp = "上半年地区生产总值".to_string();
        assert_eq!(
            got[0],
            ("海南省".into(), gdp.clone(), Some(2200.5), Measure::Level)
        );
        assert_eq!(
            got[3],
            ("海口市".into(), gdp.clone(), Some(8.1), Measure::Growth)
        );
        assert_eq!(got[4], ("三亚市".into(), gdp, Some(304.09), Measure::Level));
        // Rows of towns under columns that each name an indicator, a unit
        // noted above them.
        let t = "面积:万亩 | |||\n乡镇(农场) | 可种植面积 | 2023年小麦任务面积 | 备注 |\n八一乡 | 8.44 | 0.91 | |\n白脑包镇 | 32.01 | 3.89 | |\n城关镇 | 6.73 | 0.72 | |\n";
        let rows = rows_of(t);
        let mut out = Vec::new();
        table_facts(t, &rows, &frame, "b", &Around::default(), &mut out);
        let got: Vec<(String, String, Option<String>)> = out
            .iter()
            .take(2)
            .map(|f| {
                (
                    f.region.clone().unwrap_or_default(),
                    f.indicator.clone(),
                    f.unit.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("八一乡".into(), "可种植面积".into(), Some("万亩".into())),
                ("八一乡".into(), "小麦任务面积".into(), Some("万亩".into())),
            ]
        );
        // A ranking of places under columns of indicators, then a series
        // of the whole region's years in a table of its own.
        let t = "排名 | 城市 | GDP(亿元) | 第一产业(亿) | 增速(%) |\n1 | 长沙 | 3744.76 | 179.37 | 9.5 |\n2 | 岳阳 | 1272.15 | 190.19 | 9.1 |\n3 | 常德 | 1239.23 | 257.39 | 8.2 |\n年份 | GDP(亿元) | 增速(%) |\n2021年 | 2311.1 | 11 |\n2020年 | 1711.6 | 5.1 |\n";
        let rows = rows_of(t);
        let mut out = Vec::new();
        let around = Around {
            region: Some("湖南省".into()),
            ..Around::default()
        };
        assert!(table_facts(t, &rows, &frame, "b", &around, &mut out));
        let got: Vec<(String, String, Option<i32>, f64, String, Measure)> = out
            .iter()
            .map(|f| {
                (
                    f.region.clone().unwrap_or_default(),
                    f.indicator.clone(),
                    f.year,
                    f.value.unwrap_or_default(),
                    f.unit.clone().unwrap_or_default(),
                    f.measure,
                )
            })
            .collect();
        assert_eq!(got.len(), 13);
        assert_eq!(
            got[0],
            (
                "长沙市".into(),
                "GDP".into(),
                Some(2017),
                3744.76,
                "亿元".into(),
                Measure::Level
            )
        );
        assert_eq!(
            got[1],
            (
                "长沙市".into(),
                "第一产业".into(),
                Some(2017),
                179.37,
                "亿".into(),
                Measure::Level
            )
        );
        assert_eq!(
            got[2],
            (
                "长沙市".into(),
                "GDP".into(),
                Some(2017),
                9.5,
                "%".into(),
                Measure::Growth
            )
        );
        assert_eq!(
            got[10],
            (
                "湖南省".into(),
                "GDP".into(),
                Some(2021),
                11.0,
                "%".into(),
                Measure::Growth
            )
        );
        assert_eq!(
            got[11],
            (
                "湖南省".into(),
                "GDP".into(),
                Some(2020),
                1711.6,
                "亿元".into(),
                Measure::Level
            )
        );
        // A caption of several indicators names none: the rows keep their labels.
        assert_eq!(table_topic("表3 各市县主要经济指标"), None);
        assert_eq!(table_topic("2019年分地区生产总值"), Some("生产总值".into()));
        assert_eq!(
            table_topic("表1 2016年五大功能区域地区生产总值"),
            Some("地区生产总值".into())
        );
    }

    #[test]
    fn review_table_with_completion_group() {
        let t = "序号\t主要指标\t单位\t2010 年\t“十二五”完成情况\t\n\t\t\t\t绝对量\t年均增长(%)\n1\t地区生产总值\t亿元\t912.6\t1357.5\t8.2\n7\t实际利用外资\t亿美元\t5\t43.4 (累计)\t比“十一五”期间增加2.1倍\n";
        assert_eq!(
            run(DocType::FiveYearPlan, (2016, 2020), t),
            [
                "actual 地区生产总值 2010 912.6 亿元 level eq -",
                "actual 地区生产总值 2015 1357.5 亿元 level eq -",
                "actual 地区生产总值 2015 8.2 % avg_growth eq -",
                "actual 实际利用外资 2010 5 亿美元 level eq -",
                "actual 实际利用外资 2015 43.4 亿美元 cumulative eq -",
                "actual 实际利用外资 2015 2.1 倍 cumulative eq -",
            ]
        );
    }
}
