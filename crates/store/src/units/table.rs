//! Reading a list of units from a table: CSV (UTF-8, with or without BOM,
//! or GB18030 as Excel saves it on Chinese Windows) or an XLSX workbook (its
//! first sheet), told apart by content. The first non-empty row names the
//! columns: `name` (or 名称, 单位, 单位名称) and, optionally, `short_name`
//! (or 简称). Blank rows are skipped; a name given twice counts once.

use std::io::Cursor;

use calamine::Reader;

use super::{check_unit_name, NewUnit};

/// Most units one table may hold.
pub const MAX_UNITS_PER_TABLE: usize = 10_000;

/// Headers of the name column (compared trimmed, ASCII case ignored).
const NAME_HEADERS: &[&str] = &["name", "名称", "单位", "单位名称", "单位全称"];
/// Headers of the short-name column.
const SHORT_HEADERS: &[&str] = &["short_name", "short", "abbreviation", "简称", "单位简称"];

/// Why a table of units could not be read; nothing of it is stored then.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnitTableError {
    /// Neither a CSV text nor an XLSX workbook.
    #[error("{0}")]
    Format(String),
    /// The first row does not name a `name` column.
    #[error(
        "the first row must name the columns name[,short_name] (or 名称[,简称]); it holds {0}"
    )]
    Header(String),
    /// A row that is not a unit.
    #[error("row {row}: {message}")]
    Row {
        /// Row number, 1 being the header's.
        row: usize,
        /// What is wrong with it.
        message: String,
    },
    /// No unit in it.
    #[error("the table names no unit below its header")]
    Empty,
    /// More than [`MAX_UNITS_PER_TABLE`] units.
    #[error("more than {MAX_UNITS_PER_TABLE} units in one table")]
    TooMany,
}

type Rows = Vec<(usize, Vec<String>)>;

/// The units of a table, in its order (see the module's notes for the format).
pub fn parse_unit_table(bytes: &[u8]) -> Result<Vec<NewUnit>, UnitTableError> {
    let rows = if bytes.starts_with(b"PK\x03\x04") {
        xlsx_rows(bytes)?
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(UnitTableError::Format(
            "an old Excel workbook (.xls); save it as .xlsx or CSV".into(),
        ));
    } else {
        csv_rows(bytes)?
    };
    units_of(rows)
}

fn csv_rows(bytes: &[u8]) -> Result<Rows, UnitTableError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().take(4096).any(|&b| b == 0) {
        return Err(UnitTableError::Format(
            "binary data, neither a CSV text nor an XLSX workbook".into(),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|t| t.into_owned())
            .ok_or_else(|| {
                UnitTableError::Format("text neither in UTF-8 nor in GB18030 (GBK)".into())
            })?,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| UnitTableError::Row {
            row: i + 1,
            message: format!("not CSV: {e}"),
        })?;
        rows.push((i + 1, rec.iter().map(str::to_string).collect()));
        if rows.len() > MAX_UNITS_PER_TABLE + 100 {
            return Err(UnitTableError::TooMany);
        }
    }
    Ok(rows)
}

fn xlsx_rows(bytes: &[u8]) -> Result<Rows, UnitTableError> {
    // A damaged archive must not take its caller (a server thread) down with
    // it, should the workbook reader panic on one.
    std::panic::catch_unwind(|| read_xlsx(bytes)).unwrap_or_else(|_| {
        Err(UnitTableError::Format(
            "not a readable XLSX workbook (damaged)".into(),
        ))
    })
}

fn read_xlsx(bytes: &[u8]) -> Result<Rows, UnitTableError> {
    let mut wb = calamine::Xlsx::new(Cursor::new(bytes))
        .map_err(|e| UnitTableError::Format(format!("not a readable XLSX workbook: {e}")))?;
    let range = wb
        .worksheet_range_at(0)
        .ok_or_else(|| UnitTableError::Format("the workbook has no sheet".into()))?
        .map_err(|e| UnitTableError::Format(format!("its first sheet cannot be read: {e}")))?;
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        rows.push((first_row + i + 1, r.iter().map(|c| c.to_string()).collect()));
        if rows.len() > MAX_UNITS_PER_TABLE + 100 {
            return Err(UnitTableError::TooMany);
        }
    }
    Ok(rows)
}

fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| {
        let h = h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase();
        names.contains(&h.as_str())
    })
}

fn units_of(rows: Rows) -> Result<Vec<NewUnit>, UnitTableError> {
    let mut rows = rows
        .into_iter()
        .filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty()));
    let Some((_, header)) = rows.next() else {
        return Err(UnitTableError::Empty);
    };
    let Some(name_col) = column(&header, NAME_HEADERS) else {
        let shown: Vec<String> = header
            .iter()
            .take(5)
            .map(|h| h.chars().take(30).collect())
            .collect();
        return Err(UnitTableError::Header(format!("{shown:?}")));
    };
    let short_col = column(&header, SHORT_HEADERS);
    let mut units: Vec<NewUnit> = Vec::new();
    for (row, cells) in rows {
        let cell = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
        };
        let Some(name) = cell(Some(name_col)) else {
            return Err(UnitTableError::Row {
                row,
                message: "no name".into(),
            });
        };
        let name =
            check_unit_name(&name).map_err(|message| UnitTableError::Row { row, message })?;
        let short_name = match cell(short_col) {
            Some(s) => {
                Some(check_unit_name(&s).map_err(|message| UnitTableError::Row { row, message })?)
            }
            None => None,
        };
        if units.iter().any(|u| u.name == name) {
            continue;
        }
        units.push(NewUnit { name, short_name });
        if units.len() > MAX_UNITS_PER_TABLE {
            return Err(UnitTableError::TooMany);
        }
    }
    if units.is_empty() {
        return Err(UnitTableError::Empty);
    }
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(units: &[NewUnit]) -> Vec<(&str, Option<&str>)> {
        units
            .iter()
            .map(|u| (u.name.as_str(), u.short_name.as_deref()))
            .collect()
    }

    #[test]
    fn csv_with_a_header_in_either_language() {
        let u = parse_unit_table(
            "\u{feff}name,short_name\n锦州市发展和改革委员会,市发改委\n\n锦州市统计局,\n锦州市统计局,x\n"
                .as_bytes(),
        )
        .expect("parsed");
        assert_eq!(
            names(&u),
            [
                ("锦州市发展和改革委员会", Some("市发改委")),
                ("锦州市统计局", None)
            ]
        );
        let u =
            parse_unit_table("序号,单位名称,简称\n1,市水务局,水务局\n".as_bytes()).expect("parsed");
        assert_eq!(names(&u), [("市水务局", Some("水务局"))]);
    }

    #[test]
    fn gbk_csv_as_excel_saves_it() {
        let (bytes, _, bad) = encoding_rs::GBK.encode("名称\n市财政局\n");
        assert!(!bad);
        let u = parse_unit_table(&bytes).expect("parsed");
        assert_eq!(names(&u), [("市财政局", None)]);
    }

    #[test]
    fn bad_tables_say_why() {
        assert!(matches!(
            parse_unit_table(b"unit,who\n1,2\n"),
            Err(UnitTableError::Header(_))
        ));
        assert_eq!(parse_unit_table(b"name\n"), Err(UnitTableError::Empty));
        assert_eq!(parse_unit_table(b""), Err(UnitTableError::Empty));
        assert!(matches!(
            parse_unit_table("name,short_name\n市统计局\n,简称\n".as_bytes()),
            Err(UnitTableError::Row { row: 3, .. })
        ));
        assert!(matches!(
            parse_unit_table("name\n市统计局、市财政局\n".as_bytes()),
            Err(UnitTableError::Row { row: 2, .. })
        ));
        assert!(matches!(
            parse_unit_table(b"\x00\x01\x02binary"),
            Err(UnitTableError::Format(_))
        ));
        assert!(matches!(
            parse_unit_table(b"PK\x03\x04not really a zip"),
            Err(UnitTableError::Format(_))
        ));
        assert!(matches!(
            parse_unit_table(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0]),
            Err(UnitTableError::Format(m)) if m.contains(".xls")
        ));
        // Not UTF-8 and not GB18030 either.
        assert!(matches!(
            parse_unit_table(b"name\n\xff\xff\xff\n"),
            Err(UnitTableError::Format(_))
        ));
        let many: String = std::iter::once("name\n".to_string())
            .chain((0..=MAX_UNITS_PER_TABLE).map(|i| format!("单位{i}局\n")))
            .collect();
        assert_eq!(
            parse_unit_table(many.as_bytes()),
            Err(UnitTableError::TooMany)
        );
    }

    #[test]
    fn xlsx_first_sheet() {
        let mut t = crate::export::Table::new(&["名称", "简称"]);
        t.push(vec!["锦州市交通运输局".into(), "市交通局".into()]);
        t.push(vec!["锦州市水务局".into(), crate::export::Cell::Empty]);
        let bytes = t.xlsx("单位").expect("xlsx");
        let u = parse_unit_table(&bytes).expect("parsed");
        assert_eq!(
            names(&u),
            [
                ("锦州市交通运输局", Some("市交通局")),
                ("锦州市水务局", None)
            ]
        );
    }
}
