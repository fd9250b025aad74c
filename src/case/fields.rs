//! The catalogue of input fields: every field of the household case once, as data
//! (data/household-fields.toml): its JSON path, Chinese label, hint, kind, unit, option list and
//! spreadsheet column.
//!
//! One list so that the case reader's error messages, the prompts for missing inputs, the JSON
//! Schema, the page's form, the batch columns and the docs cannot drift apart: build.rs turns the
//! file into [`FIELDS`] and one constant per field ([`field::MEMBER_LABOUR_CAPACITY`], …); rules
//! name the inputs they need by constant, never by a path string; tests check the schema, the docs
//! and the form against [`FIELDS`].
use serde::Serialize;

/// One input field of the household case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct FieldDef {
    /// Catalogue path: `housing`, `status.dibao`, `members[].disability.grade`.
    pub path: &'static str,
    /// JSON path of a household field (`$.status.dibao`); empty for a member field, whose path
    /// depends on the member (`$.members[2].labour_capacity`).
    #[serde(skip)]
    pub json_path: &'static str,
    /// Whether the field belongs to each member.
    pub member: bool,
    /// The path within the household, or within a member for a member field (`disability.grade`).
    #[serde(skip)]
    pub key: &'static str,
    /// 中文名, as the form, the prompts and the error messages show it.
    pub label: &'static str,
    /// `key` | `group` | `text` | `id_number` | `date` | `money` | `net_money` | `int` | `bool` | `choice` | `list`.
    pub kind: &'static str,
    /// For `choice` and `list`: the option list (`householdChoices()[choices]`).
    pub choices: &'static str,
    pub unit: &'static str,
    /// A short explanation in the policy's terms (the form shows it).
    pub hint: &'static str,
    /// What the field means for the rules (docs/household-case.md shows it).
    pub note: &'static str,
    /// The column's header in the batch template (empty: not a sheet column).
    pub header: &'static str,
}

/// A handle to an entry of [`FIELDS`]; constants for all of them live in [`field`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Field(usize);

include!(concat!(env!("OUT_DIR"), "/fields.rs"));

impl Field {
    pub fn def(self) -> &'static FieldDef {
        &FIELDS[self.0]
    }

    pub fn label(self) -> &'static str {
        self.def().label
    }

    /// The key this field has in its object (`dibao` for `status.dibao`), for the case reader.
    pub fn name(self) -> &'static str {
        let key = self.def().key;
        key.rsplit('.').next().unwrap_or(key)
    }

    /// The catalogue path (`members[].labour_capacity`).
    pub fn path(self) -> &'static str {
        self.def().path
    }
}

/// The field at a catalogue path (`status.dibao`, `members[].supporter`).
pub fn by_path(path: &str) -> Option<Field> {
    FIELDS.iter().position(|f| f.path == path).map(Field)
}

/// A field as the catalogue export describes it: its definition and the measures that read it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct FieldInfo {
    #[serde(flatten)]
    pub def: FieldDef,
    /// JSON path (`$.status.dibao`, `$.members[].labour_capacity`).
    pub json_path: String,
    /// Codes of the measures that read it (`household::measures::MEASURES`).
    pub read_by: Vec<&'static str>,
}

/// Every field, with the measures that read it (a measure reading a group reads its members).
pub fn catalogue() -> Vec<FieldInfo> {
    FIELDS
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let read_by = crate::household::measures::MEASURES
                .iter()
                .filter(|m| m.reads.iter().any(|r| r.0 == i || def.path.starts_with(&format!("{}.", r.path()))))
                .map(|m| m.code)
                .collect();
            FieldInfo { def: *def, json_path: format!("$.{}", def.path), read_by }
        })
        .collect()
}

/// The Chinese name of a field kind, as the docs' tables show it.
pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "text" => "文本",
        "id_number" => "身份证号",
        "date" => "日期",
        "money" => "金额",
        "net_money" => "净额（可为负）",
        "int" => "整数",
        "bool" => "是/否",
        "choice" => "选项",
        "list" => "选项数组",
        "group" => "对象",
        _ => "户编号",
    }
}

/// The field tables of docs/household-case.md, written from the catalogue: one table per part
/// of the case (top level, `status`, `members[]`, `incomes`, `expenses`, `assets`).
pub fn markdown_tables() -> String {
    use std::fmt::Write;
    let choices = super::choices();
    let measures = catalogue();
    let parts: [(&str, &str); 6] = [
        ("", "### 顶层"),
        ("status.", "### `status` 当前身份"),
        ("members[].", "### `members[]` 家庭成员"),
        ("incomes.", "### `incomes` 近12个月收入（元）"),
        ("expenses.", "### `expenses` 近12个月刚性支出（元；医疗自付按成员填）"),
        ("assets.", "### `assets` 家庭财产"),
    ];
    let mut out = String::new();
    for (prefix, heading) in parts {
        let _ = writeln!(out, "{heading}\n\n| JSON 字段 | 类型 | 中文 | 含义 | 表格列 | 读取它的措施 |\n|---|---|---|---|---|---|");
        for info in &measures {
            let f = &info.def;
            let Some(key) = f.path.strip_prefix(prefix) else { continue };
            let nested = ["status.", "members[].", "incomes.", "expenses.", "assets."].iter().any(|p| *p != prefix && f.path.starts_with(p));
            if f.kind == "key" || (prefix.is_empty() && nested) {
                continue;
            }
            let mut meaning = String::from(if f.note.is_empty() { f.hint } else { f.note });
            if !f.choices.is_empty() {
                if let Some(options) = choices.get(f.choices) {
                    let list: Vec<String> = options.iter().map(|o| format!("`{}` {}", o.code, o.label)).collect();
                    if !meaning.is_empty() {
                        meaning.push('。');
                    }
                    let _ = write!(meaning, "选项：{}", list.join("、"));
                }
            }
            let unit = if f.unit.is_empty() || matches!(f.kind, "money" | "net_money") { String::new() } else { format!("（{}）", f.unit) };
            let header = f.header;
            let _ = writeln!(
                out,
                "| `{key}` | {}{unit} | {} | {} | {header} | {} |",
                kind_label(f.kind),
                f.label,
                meaning.replace('|', "｜"),
                info.read_by.join("、")
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constants_name_their_fields() {
        assert_eq!(field::MEMBER_LABOUR_CAPACITY.path(), "members[].labour_capacity");
        assert_eq!(field::MEMBER_LABOUR_CAPACITY.label(), "劳动能力");
        assert_eq!(field::STATUS_DIBAO.def().json_path, "$.status.dibao");
        assert_eq!(field::STATUS_DIBAO.name(), "dibao");
        assert_eq!(field::MEMBER_DISABILITY_GRADE.def().key, "disability.grade");
        assert_eq!(by_path("housing"), Some(field::HOUSING));
    }

    #[test]
    fn every_field_has_a_chinese_label_and_paths_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for f in FIELDS {
            assert!(f.label.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", f.path);
            assert!(seen.insert(f.path), "{} twice", f.path);
        }
    }
}
