//! Reads JSON input into typed values, collecting every problem with its path and a Chinese message.
//!
//! Serde's derived decoding stops at the first error and speaks English. Staff filling a form need
//! all problems at once, named in their own terms, so case and parameter files are read through
//! this small reader instead: each accessor takes the field's Chinese label, records a
//! [`FieldError`] on bad input and returns `None`, and the caller carries on. A field that is
//! absent or `null` is simply unknown (`None`, no error): the rules then report it as missing.
use crate::error::{Failure, FieldError};
use crate::money::MAX_AMOUNT;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::str::FromStr;

/// A closed set of values with a stable English code (used in JSON) and a Chinese label.
/// Input may use either; output always uses the code.
pub trait Choice: Sized + Copy + 'static {
    const OPTIONS: &'static [(Self, &'static str, &'static str)];

    fn code(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::OPTIONS.iter().find(|(v, _, _)| *v == self).map(|(_, c, _)| *c).unwrap_or("")
    }

    fn label(self) -> &'static str
    where
        Self: PartialEq,
    {
        Self::OPTIONS.iter().find(|(v, _, _)| *v == self).map(|(_, _, l)| *l).unwrap_or("")
    }

    fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        Self::OPTIONS.iter().find(|(_, c, l)| *c == s || *l == s).map(|(v, _, _)| *v)
    }

    /// `全劳力(full) / 半劳力(half) …` for error messages.
    fn describe_options() -> String {
        Self::OPTIONS.iter().map(|(_, c, l)| format!("{l}({c})")).collect::<Vec<_>>().join(" / ")
    }
}

/// Declares a [`Choice`] enum whose serde form is its code.
#[macro_export]
macro_rules! choice_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = ($code:literal, $label:literal) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant ),+
        }

        impl $crate::decode::Choice for $name {
            const OPTIONS: &'static [(Self, &'static str, &'static str)] =
                &[ $( ($name::$variant, $code, $label) ),+ ];
        }
    };
}

/// Collects field errors while a document is read.
#[derive(Default, Debug)]
pub struct Decoder {
    errors: Vec<FieldError>,
}

/// Most errors reported for one document; past this the rest are summarised, so an absurd input
/// cannot make the error list itself absurd.
const MAX_ERRORS: usize = 200;

impl Decoder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(FieldError::new(path, message));
        } else if self.errors.len() == MAX_ERRORS {
            self.errors.push(FieldError::new("$", format!("错误超过 {MAX_ERRORS} 条，其余从略")));
        }
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The decoded value if no error was recorded, else all errors.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, Failure> {
        match value {
            Some(v) if self.errors.is_empty() => Ok(v),
            _ if self.errors.is_empty() => Err(Failure::invalid(vec![FieldError::new("$", "输入无法读取")])),
            _ => Err(Failure::invalid(self.errors)),
        }
    }

    /// The document root, which must be a JSON object.
    pub fn root<'v>(&mut self, value: &'v Value, what: &str) -> Option<Obj<'v>> {
        match value {
            Value::Object(map) => Some(Obj { path: "$".into(), map }),
            other => {
                self.error("$", format!("{what}应为 JSON 对象，收到{}", kind_of(other)));
                None
            }
        }
    }
}

/// Parses JSON text, turning a syntax error into a [`Failure`] with line and column.
pub fn parse_json(text: &str) -> Result<Value, Failure> {
    serde_json::from_str(text).map_err(|e| {
        Failure::invalid(vec![FieldError::new(
            "$",
            format!("不是有效的 JSON（第 {} 行第 {} 列）：{}", e.line(), e.column(), json_error_zh(&e)),
        )])
    })
}

fn json_error_zh(e: &serde_json::Error) -> &'static str {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => "内容意外结束",
        Category::Syntax => "语法错误",
        Category::Data => "数据类型不符",
        Category::Io => "读取失败",
    }
}

/// A JSON object being read, with its path for error messages.
pub struct Obj<'v> {
    path: String,
    map: &'v Map<String, Value>,
}

/// One element of a JSON array being read, with its path.
pub struct Item<'v> {
    pub path: String,
    pub value: &'v Value,
}

impl<'v> Obj<'v> {
    /// An object found at `path` (used by callers that walk arrays of objects).
    pub fn at(d: &mut Decoder, path: &str, value: &'v Value, label: &str) -> Option<Obj<'v>> {
        match value {
            Value::Object(map) => Some(Obj { path: path.to_string(), map }),
            other => {
                d.error(path, format!("「{label}」应为对象，收到{}", kind_of(other)));
                None
            }
        }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn path_of(&self, key: &str) -> String {
        format!("{}.{}", self.path, key)
    }

    /// The raw value of a field; `None` when absent or `null`.
    pub fn raw(&self, key: &str) -> Option<&'v Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn has(&self, key: &str) -> bool {
        self.raw(key).is_some()
    }

    pub fn keys(&self) -> impl Iterator<Item = &'v String> {
        self.map.keys()
    }

    /// Flags fields this format does not know: usually a typo that would otherwise be ignored.
    pub fn deny_unknown(&self, d: &mut Decoder, known: &[&str]) {
        for key in self.map.keys() {
            if !known.contains(&key.as_str()) {
                d.error(self.path_of(key), format!("未知字段「{key}」（拼写错误？）"));
            }
        }
    }

    /// Records "required" when the field is absent or null.
    pub fn require(&self, d: &mut Decoder, key: &str, label: &str) -> bool {
        if self.has(key) {
            true
        } else {
            d.error(self.path_of(key), format!("缺少必填字段「{label}」"));
            false
        }
    }

    /// A nested object.
    pub fn object(&self, d: &mut Decoder, key: &str, label: &str) -> Option<Obj<'v>> {
        let v = self.raw(key)?;
        Obj::at(d, &self.path_of(key), v, label)
    }

    /// An array of at most `max_len` elements.
    pub fn array(&self, d: &mut Decoder, key: &str, label: &str, max_len: usize) -> Option<Vec<Item<'v>>> {
        let path = self.path_of(key);
        match self.raw(key)? {
            Value::Array(items) if items.len() > max_len => {
                d.error(path, format!("「{label}」最多 {max_len} 项，收到 {} 项", items.len()));
                None
            }
            Value::Array(items) => Some(
                items.iter().enumerate().map(|(i, value)| Item { path: format!("{path}[{i}]"), value }).collect(),
            ),
            other => {
                d.error(path, format!("「{label}」应为数组，收到{}", kind_of(other)));
                None
            }
        }
    }

    /// A non-negative amount of money in 元: a decimal string (`"1234.56"`) or a JSON number,
    /// at most two decimal places and at most [`MAX_AMOUNT`].
    pub fn money(&self, d: &mut Decoder, key: &str, label: &str) -> Option<Decimal> {
        let v = self.raw(key)?;
        money_value(d, &self.path_of(key), v, label)
    }

    /// A decimal within `[min, max]` (ratios, percentages, counts with fractions).
    pub fn decimal(&self, d: &mut Decoder, key: &str, label: &str, min: Decimal, max: Decimal) -> Option<Decimal> {
        let v = self.raw(key)?;
        let path = self.path_of(key);
        let x = decimal_value(d, &path, v, label)?;
        if x < min || x > max {
            d.error(path, format!("「{label}」应在 {min} 到 {max} 之间，收到 {x}"));
            return None;
        }
        Some(x)
    }

    /// A whole number within `[min, max]`.
    pub fn int(&self, d: &mut Decoder, key: &str, label: &str, min: i64, max: i64) -> Option<i64> {
        let v = self.raw(key)?;
        let path = self.path_of(key);
        let n = match v {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse::<i64>().ok(),
            _ => None,
        };
        match n {
            Some(n) if (min..=max).contains(&n) => Some(n),
            Some(n) => {
                d.error(path, format!("「{label}」应在 {min} 到 {max} 之间，收到 {n}"));
                None
            }
            None => {
                d.error(path, format!("「{label}」应为整数，收到{}", show(v)));
                None
            }
        }
    }

    /// `true`/`false`; also 是/否 as typed in forms and spreadsheets.
    pub fn bool(&self, d: &mut Decoder, key: &str, label: &str) -> Option<bool> {
        let v = self.raw(key)?;
        match v {
            Value::Bool(b) => Some(*b),
            Value::String(s) => match s.trim() {
                "是" | "true" => Some(true),
                "否" | "false" => Some(false),
                _ => {
                    d.error(self.path_of(key), format!("「{label}」应为 是/否（true/false），收到{}", show(v)));
                    None
                }
            },
            other => {
                d.error(self.path_of(key), format!("「{label}」应为 是/否（true/false），收到{}", show(other)));
                None
            }
        }
    }

    /// Text of at most `max_chars` characters; blank text counts as absent.
    pub fn text(&self, d: &mut Decoder, key: &str, label: &str, max_chars: usize) -> Option<String> {
        let v = self.raw(key)?;
        match v {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) if s.chars().count() > max_chars => {
                d.error(self.path_of(key), format!("「{label}」最多 {max_chars} 个字"));
                None
            }
            Value::String(s) => Some(s.trim().to_string()),
            other => {
                d.error(self.path_of(key), format!("「{label}」应为文本，收到{}", kind_of(other)));
                None
            }
        }
    }

    /// An ISO 8601 calendar date `YYYY-MM-DD` between 1900 and 2100.
    pub fn date(&self, d: &mut Decoder, key: &str, label: &str) -> Option<NaiveDate> {
        let v = self.raw(key)?;
        date_value(d, &self.path_of(key), v, label)
    }

    /// One of a [`Choice`]'s values, by code or Chinese label.
    pub fn choice<C: Choice>(&self, d: &mut Decoder, key: &str, label: &str) -> Option<C> {
        let v = self.raw(key)?;
        choice_value(d, &self.path_of(key), v, label)
    }
}

pub fn choice_value<C: Choice>(d: &mut Decoder, path: &str, v: &Value, label: &str) -> Option<C> {
    let parsed = v.as_str().and_then(C::parse);
    if parsed.is_none() {
        d.error(path, format!("「{label}」的值{}无效，可选：{}", show(v), C::describe_options()));
    }
    parsed
}

pub fn date_value(d: &mut Decoder, path: &str, v: &Value, label: &str) -> Option<NaiveDate> {
    let Some(s) = v.as_str() else {
        d.error(path, format!("「{label}」应为日期文本（如 2024-06-30），收到{}", show(v)));
        return None;
    };
    match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
        Ok(date) if (1900..=2100).contains(&date.year()) => Some(date),
        Ok(_) => {
            d.error(path, format!("「{label}」年份应在 1900 到 2100 之间，收到 {s}"));
            None
        }
        Err(_) => {
            let shaped = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
            let why = if shaped { "日期不存在" } else { "格式应为 YYYY-MM-DD" };
            d.error(path, format!("「{label}」{why}，收到 {s}"));
            None
        }
    }
}

/// A decimal from a string or a JSON number. Numbers are taken at their shortest exact decimal
/// form (`0.1` is 0.1, not the binary float nearest to it).
pub fn decimal_value(d: &mut Decoder, path: &str, v: &Value, label: &str) -> Option<Decimal> {
    let parsed = match v {
        Value::String(s) => Decimal::from_str(s.trim()).ok().filter(|_| !s.trim().is_empty()),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(Decimal::from(i))
            } else if let Some(u) = n.as_u64() {
                Some(Decimal::from(u))
            } else {
                n.as_f64().filter(|f| f.is_finite()).and_then(|f| Decimal::from_str(&format!("{f}")).ok())
            }
        }
        _ => None,
    };
    if parsed.is_none() {
        d.error(path, format!("「{label}」应为数值（如 \"1234.56\"），收到{}", show(v)));
    }
    parsed
}

pub fn money_value(d: &mut Decoder, path: &str, v: &Value, label: &str) -> Option<Decimal> {
    let x = decimal_value(d, path, v, label)?;
    if x.is_sign_negative() && !x.is_zero() {
        d.error(path, format!("「{label}」不能为负数，收到 {x}"));
        return None;
    }
    if x > MAX_AMOUNT {
        d.error(path, format!("「{label}」金额过大（{x} 元），请核对单位是否为元"));
        return None;
    }
    if x.normalize().scale() > 2 {
        d.error(path, format!("「{label}」最多两位小数（分），收到 {x}"));
        return None;
    }
    Some(x.normalize())
}

/// A short rendering of a value for error messages.
pub(crate) fn show(v: &Value) -> String {
    match v {
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            format!("“{short}”")
        }
        Value::Number(n) => format!(" {n}"),
        other => kind_of(other).to_string(),
    }
}

pub(crate) fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "空值",
        Value::Bool(_) => "布尔值",
        Value::Number(_) => "数字",
        Value::String(_) => "文本",
        Value::Array(_) => "数组",
        Value::Object(_) => "对象",
    }
}
