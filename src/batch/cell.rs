//! One spreadsheet cell, and how its value is turned into the text the case reader expects.
//!
//! Township sheets come from Excel and WPS with every habit of their authors: numbers stored as
//! text, full-width digits, thousands separators, `元` after amounts, dates as Excel serial
//! numbers or as `2024年6月30日`, 是/否 written as √/×. Each is normalised here to the one form
//! the case format reads. Anything that still does not fit is passed through unchanged, so the
//! case reader reports it with its own Chinese message: the rules' reader stays the only judge.
use crate::decode::Node;
use chrono::{Datelike, Duration, NaiveDate};
use std::borrow::Cow;

/// A cell's text.
pub type CellText = compact_str::CompactString;

/// A cell as read from CSV (always text) or xlsx (typed; formulas give their cached value).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    /// Text; up to 24 bytes (most cells: 是/否, dates, amounts, names) kept inline, so reading a
    /// row allocates once for its cells rather than once per cell.
    Text(CellText),
    Number(f64),
    Bool(bool),
    /// A cell formatted as a date, as its calendar date (time of day dropped).
    Date(NaiveDate),
    /// An Excel error value such as `#DIV/0!`.
    Error(String),
    /// A formula saved without its result (`=SUM(B2:B4)`): the file was written by a program and
    /// never calculated, so its value is unknown — not empty.
    Uncalculated(String),
}

/// How a column's cells are read (the `kind` of data/household-fields.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Key,
    Text,
    IdNumber,
    Date,
    Money,
    /// A net amount: may be negative (a loss).
    NetMoney,
    Int,
    Bool,
    Choice,
    List,
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.chars().all(char::is_whitespace),
            _ => false,
        }
    }

    /// The cell as a person reads it in the sheet (used for CSV export and messages).
    pub fn display(&self) -> String {
        self.shown().into_owned()
    }

    /// [`Cell::display`] without copying text cells: what an export writes for every cell.
    pub fn shown(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s.as_str()),
            Cell::Error(s) | Cell::Uncalculated(s) => Cow::Borrowed(s.as_str()),
            Cell::Number(x) => Cow::Owned(number_text(*x)),
            Cell::Bool(b) => Cow::Borrowed(if *b { "是" } else { "否" }),
            Cell::Date(d) => Cow::Owned(iso_date(*d)),
        }
    }
}

/// `2024-06-30`, written directly (a format string is interpreted anew on every call).
pub fn iso_date(d: NaiveDate) -> String {
    if (0..=9999).contains(&d.year()) {
        format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// Shortest decimal text of a number (`1234.5`, `3`, never `3.0` or `1e3`).
pub fn number_text(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// Full-width ASCII (０-９, Ａ-Ｚ, ．，－ …) and the ideographic space to their half-width forms.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Errors found while normalising a cell: the message names the column's label.
pub type CellResult<'c> = Result<Option<Node<'c>>, String>;

/// The value a cell contributes to the case (borrowing the cell's text when it needs no change);
/// `Ok(None)` for an empty cell.
pub fn to_node<'c>(cell: &'c Cell, kind: Kind, label: &str) -> CellResult<'c> {
    if cell.is_empty() {
        return Ok(None);
    }
    if let Cell::Error(e) = cell {
        return Err(format!("「{label}」是公式错误值 {e}，请先在表格中改正"));
    }
    if let Cell::Uncalculated(f) = cell {
        return Err(format!("「{label}」是公式 {f}，但文件中没有保存计算结果（多半由程序生成、未在 Excel/WPS 中打开过）：请在 Excel/WPS 中打开并保存后再核查"));
    }
    let v = match kind {
        Kind::Key | Kind::Text | Kind::Choice => Node::String(text_ref(cell)),
        Kind::IdNumber => Node::String(id_number(cell, label)?),
        Kind::Money | Kind::NetMoney | Kind::Int => Node::String(number_ref(cell)),
        Kind::Bool => Node::String(boolean_ref(cell)),
        Kind::Date => Node::String(date_ref(cell)),
        Kind::List => Node::Array(list_ref(cell).into_iter().map(Node::String).collect()),
    };
    Ok(Some(v))
}

/// Trimmed text; full-width letters and digits made half-width (choice codes, names with digits).
pub fn text(cell: &Cell) -> String {
    text_ref(cell).into_owned()
}

/// [`text`], borrowing the cell when it needs no conversion (most cells).
pub fn text_ref(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(s) if !has_full_width(s) => Cow::Borrowed(s.trim()),
        Cell::Text(s) => Cow::Owned(half_width(s).trim().to_string()),
        other => other.shown(),
    }
}

/// Whether [`half_width`] would change anything: full-width forms are U+FF01–U+FF5E (UTF-8
/// `EF BC 81`–`EF BD 9E`) and the ideographic space U+3000 (`E3 80 80`).
fn has_full_width(s: &str) -> bool {
    // Their lead bytes first (a byte scan), the characters only if one is there.
    s.bytes().any(|b| b == 0xE3 || b == 0xEF) && s.chars().any(|c| c == '\u{3000}' || ('\u{FF01}'..='\u{FF5E}').contains(&c))
}

fn id_number<'c>(cell: &'c Cell, label: &str) -> Result<Cow<'c, str>, String> {
    match cell {
        // Excel keeps 15 significant digits: an 18-digit number has already lost its last ones.
        Cell::Number(x) if x.abs() >= 1e15 => Err(stored_as_number(label)),
        // The same number as Excel shows it and a CSV export writes it: `1.10105E+17`.
        Cell::Text(t) if looks_scientific(t) => Err(stored_as_number(label)),
        other => match text_ref(other) {
            // Nothing to remove or upper-case.
            t if t.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()) => Ok(t),
            t => Ok(Cow::Owned(t.replace([' ', '\''], "").to_uppercase())),
        },
    }
}

fn stored_as_number(label: &str) -> String {
    format!("「{label}」被表格存成了数字，末几位已经丢失；请把该列设为“文本”格式后重新填写")
}

/// `1.10105E+17`, `1.10105e17`: a long number in Excel's scientific form.
fn looks_scientific(t: &str) -> bool {
    let t = t.trim();
    t.contains(['E', 'e']) && t.bytes().next().is_some_and(|b| b.is_ascii_digit()) && t.parse::<f64>().is_ok_and(|x| x.abs() >= 1e10)
}

/// Amounts and counts: `１,２３４.５元` → `1234.5`. Text that is not a number afterwards is left
/// as typed, for the case reader to report.
pub fn number(cell: &Cell) -> String {
    number_ref(cell).into_owned()
}

/// [`number`], borrowing the cell when it is already a plain number (most cells).
pub fn number_ref(cell: &Cell) -> Cow<'_, str> {
    let raw = match cell {
        Cell::Number(x) => return Cow::Owned(number_text(*x)),
        Cell::Bool(_) | Cell::Date(_) => return cell.shown(),
        other => text_ref(other),
    };
    // Only digits, points and minus signs: nothing below would change it (a plain number, or
    // something the case reader rejects as typed).
    if raw.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') {
        return raw;
    }
    let core = raw.trim().trim_start_matches(['¥', '￥']).trim_end_matches("元").trim_end_matches("人").trim_end_matches("个月").trim_end_matches("辆").trim();
    let ungrouped = (core.contains(',') && is_grouped(core)).then(|| core.replace(',', ""));
    let s = ungrouped.as_deref().unwrap_or(core);
    let plain = s.strip_prefix('-').unwrap_or(s);
    let numeric = !plain.is_empty() && plain.bytes().all(|c| c.is_ascii_digit() || c == b'.') && plain.bytes().filter(|c| *c == b'.').count() <= 1;
    if !numeric {
        return raw;
    }
    // Already plain: the text read is the answer, no second copy.
    let unchanged = ungrouped.is_none() && core.len() == raw.len();
    match ungrouped {
        Some(u) => Cow::Owned(u),
        None if unchanged => raw,
        None => Cow::Owned(core.to_string()),
    }
}

/// `1,234,567.8`: commas only between groups of three digits.
fn is_grouped(s: &str) -> bool {
    let int = s.strip_prefix('-').unwrap_or(s).split('.').next().unwrap_or("");
    let groups: Vec<&str> = int.split(',').collect();
    groups.len() > 1
        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.iter().skip(1).all(|g| g.len() == 3)
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
}

/// 是/否 in the forms staff actually type.
pub fn boolean(cell: &Cell) -> String {
    boolean_ref(cell).into_owned()
}

/// [`boolean`] without copying.
pub fn boolean_ref(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Bool(b) => if *b { "是" } else { "否" }.into(),
        Cell::Number(x) if *x == 1.0 => "是".into(),
        Cell::Number(x) if *x == 0.0 => "否".into(),
        other => {
            let t = text_ref(other);
            let is = |words: &[&str]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
            if t == "是" || t == "否" {
                t
            } else if is(&["有", "√", "✓", "✔", "y", "yes", "true", "1", "对"]) {
                "是".into()
            } else if is(&["无", "没有", "×", "✗", "✘", "n", "no", "false", "0", "不是"]) {
                "否".into()
            } else {
                t
            }
        }
    }
}

/// Day 0 of Excel's 1900 date system as it counts (it wrongly has a 29 February 1900, so serials
/// from 61 on are one day ahead; serials below 61 are before any date a household sheet holds).
fn excel_epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)
}

/// An Excel serial day number (1900 system) as a date, for plausible dates only.
pub fn excel_serial(x: f64) -> Option<NaiveDate> {
    if !(61.0..=73050.0).contains(&x) {
        return None;
    }
    excel_epoch()?.checked_add_signed(Duration::days(x.floor() as i64))
}

/// Dates: date cells, Excel serials, and `2024/6/30`, `2024.6.30`, `2024年6月30日`, `20240630`.
/// A bare year-month (`1965.03`, `1965年3月`, as 出生年月 columns often are) becomes its 1st day.
pub fn date(cell: &Cell) -> String {
    date_ref(cell).into_owned()
}

/// [`date`], borrowing the cell when it is already `YYYY-MM-DD`.
pub fn date_ref(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Date(d) => return Cow::Owned(iso_date(*d)),
        Cell::Number(x) => {
            let digits = number_text(*x);
            if let Some(d) = compact_date(&digits) {
                return Cow::Owned(d);
            }
            if let Some(d) = excel_serial(*x) {
                return Cow::Owned(iso_date(d));
            }
            return Cow::Owned(digits);
        }
        _ => {}
    }
    let t = text_ref(cell);
    if is_iso_shape(&t) {
        // Already `YYYY-MM-DD`: whether it is a real date is the case reader's to say.
        return t;
    }
    if let Some(d) = compact_date(&t) {
        return Cow::Owned(d);
    }
    // A serial stored as text (a date column exported to CSV without its format).
    if t.len() == 5 && t.chars().all(|c| c.is_ascii_digit()) {
        if let Some(d) = t.parse::<f64>().ok().and_then(excel_serial) {
            return Cow::Owned(iso_date(d));
        }
    }
    let parts: Vec<&str> = t.trim_end_matches('日').trim_end_matches('号').split(['-', '/', '.', '年', '月']).filter(|p| !p.is_empty()).collect();
    let nums: Option<Vec<u32>> = parts.iter().map(|p| p.trim().parse::<u32>().ok()).collect();
    let found = match nums.as_deref() {
        Some([y, m, d]) if *y >= 1000 => iso(*y, *m, *d),
        Some([y, m]) if *y >= 1000 => iso(*y, *m, 1),
        _ => None,
    };
    match found {
        Some(d) => Cow::Owned(d),
        None => t,
    }
}

fn is_iso_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn compact_date(s: &str) -> Option<String> {
    if s.len() == 8 && s.chars().all(|c| c.is_ascii_digit()) {
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(4..6)?.parse().ok()?;
        let d = s.get(6..8)?.parse().ok()?;
        return iso(y, m, d);
    }
    None
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some(format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day()))
}

/// A list cell: `产业帮扶、就业帮扶` or `因病,因残`.
pub fn list(cell: &Cell) -> Vec<String> {
    list_ref(cell).into_iter().map(Cow::into_owned).collect()
}

const LIST_SEPARATORS: [char; 7] = ['、', ',', '，', ';', '；', '/', '\n'];

/// [`list`], borrowing the cell's text when it needs no conversion.
pub fn list_ref(cell: &Cell) -> Vec<Cow<'_, str>> {
    match text_ref(cell) {
        Cow::Borrowed(t) => t.split(LIST_SEPARATORS).map(str::trim).filter(|s| !s.is_empty()).map(Cow::Borrowed).collect(),
        Cow::Owned(t) => t.split(LIST_SEPARATORS).map(str::trim).filter(|s| !s.is_empty()).map(|s| Cow::Owned(s.to_string())).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn numbers_as_typed_in_sheets() {
        assert_eq!(number(&t("１２,３４５.５")), "12345.5");
        assert_eq!(number(&t("12,345元")), "12345");
        assert_eq!(number(&t("￥800")), "800");
        assert_eq!(number(&t(" 3000 ")), "3000");
        assert_eq!(number(&Cell::Number(1234.0)), "1234");
        assert_eq!(number(&Cell::Number(0.1)), "0.1");
        // Not a grouping: left for the case reader to reject with its own message.
        assert_eq!(number(&t("1,23")), "1,23");
        assert_eq!(number(&t("约三千")), "约三千");
    }

    #[test]
    fn dates_in_every_habit() {
        let want = "2024-06-30";
        for s in ["2024/6/30", "2024.6.30", "2024年6月30日", "20240630", "２０２４－０６－３０", "2024-06-30"] {
            assert_eq!(date(&t(s)), want, "{s}");
        }
        assert_eq!(date(&Cell::Number(45473.0)), want);
        assert_eq!(date(&t("45473")), want);
        assert_eq!(date(&Cell::Number(20240630.0)), want);
        assert_eq!(date(&t("1965年3月")), "1965-03-01");
        assert_eq!(date(&t("2024-02-30")), "2024-02-30");
    }

    #[test]
    fn yes_no_marks() {
        for s in ["是", "√", "有", "Y", "1"] {
            assert_eq!(boolean(&t(s)), "是", "{s}");
        }
        for s in ["否", "×", "无", "n", "0"] {
            assert_eq!(boolean(&t(s)), "否", "{s}");
        }
        assert_eq!(boolean(&Cell::Bool(true)), "是");
        assert_eq!(boolean(&t("也许")), "也许");
    }

    #[test]
    fn id_number_stored_as_a_number_is_refused() {
        assert!(id_number(&Cell::Number(110105194912310020.0), "身份证号").is_err());
        assert_eq!(id_number(&t("11010519491231002x"), "身份证号").unwrap(), "11010519491231002X");
    }

    #[test]
    fn lists_split_on_chinese_and_ascii_separators() {
        assert_eq!(list(&t("因病、因残，因学")), vec!["因病", "因残", "因学"]);
    }
}
