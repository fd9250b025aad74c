//! The household sheet's columns as data (the field catalogue data/household-fields.toml, every field
//! with a `header`; build.rs writes the table), and matching a
//! sheet's header row against them.
//!
//! Headers vary between townships (`身份证号码`, `出生年月`, `工资性收入（元）`, `*姓名`): each
//! column has a template header and a list of common variants, and matching ignores spaces,
//! required-field stars and a trailing unit in brackets. Whatever cannot be matched is listed by
//! name, so staff can rename it instead of wondering why a value was ignored.
use super::cell::{half_width, Kind};
use crate::error::Failure;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/household-columns.json"));

/// Prefix of the columns batch evaluation adds; such columns are skipped when a result file is
/// read again, so re-importing an export evaluates the same input.
pub const RESULT_PREFIX: &str = "【核查】";

/// A column batch evaluation added (household 【核查】 or village 【考核】), skipped when read.
pub fn is_result_header(h: &str) -> bool {
    let h = h.trim_start();
    h.starts_with(RESULT_PREFIX) || h.starts_with(super::village::RESULT_PREFIX)
}

/// One known column.
#[derive(Debug, Clone, Deserialize)]
pub struct ColumnDef {
    /// Case field it fills: `village`, `status.dibao`, `members[].birth_date`, or `household_id`.
    pub field: String,
    pub kind: Kind,
    /// Header in the template.
    pub header: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl ColumnDef {
    /// Member field path inside a member object (`birth_date`, `disability.grade`).
    pub fn member_field(&self) -> Option<&str> {
        self.field.strip_prefix("members[].")
    }
}

#[derive(Deserialize)]
struct Table {
    columns: Vec<ColumnDef>,
}

static TABLE: OnceLock<Result<Vec<ColumnDef>, String>> = OnceLock::new();

/// The built-in column table.
pub fn table() -> Result<&'static [ColumnDef], Failure> {
    TABLE
        .get_or_init(|| serde_json::from_str::<Table>(TABLE_JSON).map(|t| t.columns).map_err(|e| e.to_string()))
        .as_deref()
        .map_err(|e| Failure::calc(format!("内置列定义无法读取：{e}")))
}

/// Header text reduced to what matters for matching.
pub fn normalise(header: &str) -> String {
    let s: String = half_width(header).chars().filter(|c| !c.is_whitespace() && *c != '*').collect();
    s.to_lowercase()
}

/// The header without a trailing bracketed note: `工资性收入(元)` → `工资性收入`.
fn without_unit(s: &str) -> &str {
    match s.find(['(', '【', '[']) {
        Some(i) if i > 0 => &s[..i],
        _ => s,
    }
}

/// How a sheet's header row maps onto the known columns.
#[derive(Debug, Clone, Serialize)]
pub struct HeaderMap {
    /// `(index in the row, index in the column table)` for each matched column.
    #[serde(skip)]
    pub matched: Vec<(usize, usize)>,
    /// The sheet's headers that were recognised, with the template header each maps to.
    pub mapped: Vec<MappedColumn>,
    /// Headers that match no known column (ignored), in sheet order.
    pub unmapped: Vec<String>,
    /// Headers found twice for the same field (the first is used).
    pub duplicates: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MappedColumn {
    pub header: String,
    pub template_header: String,
    pub field: String,
}

/// Matches a header row.
pub fn match_headers(headers: &[String]) -> Result<HeaderMap, Failure> {
    let table = table()?;
    let mut map = HeaderMap { matched: Vec::new(), mapped: Vec::new(), unmapped: Vec::new(), duplicates: Vec::new() };
    for (i, h) in headers.iter().enumerate() {
        let n = normalise(h);
        if n.is_empty() || is_result_header(h) {
            continue;
        }
        let found = find(table, &n).or_else(|| find(table, without_unit(&n)));
        match found {
            Some(c) if map.matched.iter().any(|(_, k)| *k == c) => map.duplicates.push(h.trim().to_string()),
            Some(c) => {
                map.matched.push((i, c));
                let def = &table[c];
                map.mapped.push(MappedColumn { header: h.trim().to_string(), template_header: def.header.clone(), field: def.field.clone() });
            }
            None => map.unmapped.push(h.trim().to_string()),
        }
    }
    Ok(map)
}

/// The column a normalised header names: the first column (in table order) whose header or one of
/// whose aliases normalises to it. The index is built once — matching a header row used to normalise
/// every header and alias of the table again for each of the sheet's headers.
fn find(table: &'static [ColumnDef], n: &str) -> Option<usize> {
    static INDEX: OnceLock<HashMap<String, usize>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            let mut index = HashMap::new();
            for (i, c) in table.iter().enumerate() {
                for name in std::iter::once(&c.header).chain(&c.aliases) {
                    index.entry(normalise(name)).or_insert(i);
                }
            }
            index
        })
        .get(n)
        .copied()
}

/// The template's header row, in table order.
pub fn template_headers() -> Result<Vec<String>, Failure> {
    Ok(table()?.iter().map(|c| c.header.clone()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn variants_map_and_the_rest_is_listed() {
        let m = match_headers(&headers(&["户号", " *姓名 ", "身份证号码", "工资性收入（元）", "备注", "【核查】农村低保", "出生年月"])).unwrap();
        let fields: Vec<&str> = m.mapped.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["household_id", "members[].name", "members[].id_number", "incomes.wage", "members[].birth_date"]);
        assert_eq!(m.unmapped, ["备注"]);
    }

    #[test]
    fn a_second_header_for_the_same_field_is_reported() {
        let m = match_headers(&headers(&["身份证号", "身份证号码"])).unwrap();
        assert_eq!(m.duplicates, ["身份证号码"]);
    }

    #[test]
    fn every_template_header_maps_to_itself() {
        let hs = template_headers().unwrap();
        let m = match_headers(&hs).unwrap();
        assert_eq!(m.mapped.len(), hs.len());
        assert!(m.unmapped.is_empty() && m.duplicates.is_empty());
    }
}
