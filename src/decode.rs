//! Reads JSON input into typed values, collecting every problem with its path and a Chinese message.
//!
//! Serde's derived decoding stops at the first error and speaks English. Staff filling a form need
//! all problems at once, named in their own terms, so case and parameter files are read through
//! this small reader instead: each accessor takes the field's Chinese label, records a
//! [`FieldError`] on bad input and returns `None`, and the caller carries on. A field that is
//! absent or `null` is simply unknown (`None`, no error): the rules then report it as missing.
//!
//! The reader reads two trees alike ([`Val`]): a `serde_json::Value` (options, parameter files,
//! indicator systems, JS objects) and a [`Node`], which borrows its strings (a case's JSON text,
//! a batch row's cells) so that reading a household allocates little. A field's path is only
//! spelt out when an error names it.
use crate::error::{Failure, FieldError};
use crate::money::MAX_AMOUNT;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Map, Number, Value};
use std::fmt;
use std::str::FromStr;

mod node;
pub use node::{Fields, Node};

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

            // A match, not the default search of OPTIONS: rules ask for labels in their hot path.
            fn code(self) -> &'static str {
                match self { $( $name::$variant => $code ),+ }
            }

            fn label(self) -> &'static str {
                match self { $( $name::$variant => $label ),+ }
            }
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
    pub fn root<'v>(&mut self, value: impl Into<Val<'v>>, what: &str) -> Option<Obj<'v>> {
        let value = value.into();
        match value.object() {
            Some(map) => Some(Obj { path: "$".into(), map }),
            None => {
                self.error("$", format!("{what}应为 JSON 对象，收到{}", kind_of(value)));
                None
            }
        }
    }
}

/// Parses JSON text, turning a syntax error into a [`Failure`] with line and column.
/// A UTF-8 byte order mark before the text is dropped: Windows Notepad saves one, and JSON
/// readers call it a syntax error at line 1, column 1.
pub fn parse_json(text: &str) -> Result<Value, Failure> {
    serde_json::from_str(strip_bom(text)).map_err(|e| json_failure(&e))
}

/// [`parse_json`] into a [`Node`] borrowing the text's strings: the same values, the same errors.
pub fn parse_node(text: &str) -> Result<Node<'_>, Failure> {
    serde_json::from_str(strip_bom(text)).map_err(|e| json_failure(&e))
}

pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{FEFF}').unwrap_or(text)
}

fn json_failure(e: &serde_json::Error) -> Failure {
    // serde_json stops at 128 levels of nesting, which is a limit, not a syntax error.
    if e.to_string().starts_with("recursion limit exceeded") {
        return Failure::invalid(vec![FieldError::new(
            "$",
            format!("JSON 嵌套层数过多（第 {} 行第 {} 列，超过 128 层），不是本工具的输入格式", e.line(), e.column()),
        )]);
    }
    Failure::invalid(vec![FieldError::new("$", format!("不是有效的 JSON（第 {} 行第 {} 列）：{}", e.line(), e.column(), json_error_zh(e)))])
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

/// A value being read, in either tree.
#[derive(Debug, Clone, Copy)]
pub enum Val<'v> {
    Json(&'v Value),
    Node(&'v Node<'v>),
}

impl<'v> From<&'v Value> for Val<'v> {
    fn from(v: &'v Value) -> Self {
        Val::Json(v)
    }
}

impl<'v, 'a: 'v> From<&'v Node<'a>> for Val<'v> {
    fn from(v: &'v Node<'a>) -> Self {
        Val::Node(v)
    }
}

/// An object's fields, in either tree.
#[derive(Debug, Clone, Copy)]
enum ObjMap<'v> {
    Json(&'v Map<String, Value>),
    Node(&'v Fields<'v>),
}

impl<'v> ObjMap<'v> {
    fn get(self, key: &str) -> Option<Val<'v>> {
        match self {
            ObjMap::Json(m) => m.get(key).map(Val::Json),
            ObjMap::Node(f) => f.get(key).map(Val::Node),
        }
    }
}

impl<'v> Val<'v> {
    pub fn is_null(self) -> bool {
        matches!(self, Val::Json(Value::Null) | Val::Node(Node::Null))
    }

    pub fn as_str(self) -> Option<&'v str> {
        match self {
            Val::Json(Value::String(s)) => Some(s),
            Val::Node(Node::String(s)) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(self) -> Option<bool> {
        match self {
            Val::Json(Value::Bool(b)) | Val::Node(Node::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    fn number(self) -> Option<&'v Number> {
        match self {
            Val::Json(Value::Number(n)) | Val::Node(Node::Number(n)) => Some(n),
            _ => None,
        }
    }

    fn object(self) -> Option<ObjMap<'v>> {
        match self {
            Val::Json(Value::Object(m)) => Some(ObjMap::Json(m)),
            Val::Node(Node::Object(f)) => Some(ObjMap::Node(f)),
            _ => None,
        }
    }

    /// The elements of an array.
    fn items(self) -> Option<Vec<Val<'v>>> {
        match self {
            Val::Json(Value::Array(items)) => Some(items.iter().map(Val::Json).collect()),
            Val::Node(Node::Array(items)) => Some(items.iter().map(Val::Node).collect()),
            _ => None,
        }
    }

    /// The value as a `serde_json::Value` (copied from a [`Node`]), for readers that take one.
    pub fn to_json(self) -> std::borrow::Cow<'v, Value> {
        match self {
            Val::Json(v) => std::borrow::Cow::Borrowed(v),
            Val::Node(n) => std::borrow::Cow::Owned(n.to_value()),
        }
    }
}

/// A field's path (`$.members[0]` + `name`), spelt out only when an error names it.
#[derive(Clone, Copy)]
struct At<'p> {
    base: &'p str,
    key: &'p str,
}

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}.{}", self.base, self.key)
    }
}

/// A JSON object being read, with its path for error messages.
pub struct Obj<'v> {
    path: String,
    map: ObjMap<'v>,
}

/// One element of a JSON array being read, with its path.
pub struct Item<'v> {
    pub path: String,
    pub value: Val<'v>,
}

impl<'v> Obj<'v> {
    /// An object found at `path` (used by callers that walk arrays of objects).
    pub fn at(d: &mut Decoder, path: &str, value: impl Into<Val<'v>>, label: &str) -> Option<Obj<'v>> {
        let value = value.into();
        match value.object() {
            Some(map) => Some(Obj { path: path.to_string(), map }),
            None => {
                d.error(path, format!("「{label}」应为对象，收到{}", kind_of(value)));
                None
            }
        }
    }

    /// [`Obj::at`] for an array element, keeping its path.
    pub fn item(d: &mut Decoder, item: Item<'v>, label: &str) -> Option<Obj<'v>> {
        match item.value.object() {
            Some(map) => Some(Obj { path: item.path, map }),
            None => {
                d.error(item.path, format!("「{label}」应为对象，收到{}", kind_of(item.value)));
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

    fn at_key<'k>(&'k self, key: &'k str) -> At<'k> {
        At { base: &self.path, key }
    }

    /// The raw value of a field; `None` when absent or `null`.
    pub fn raw(&self, key: &str) -> Option<Val<'v>> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn has(&self, key: &str) -> bool {
        self.raw(key).is_some()
    }

    /// The field names, in order.
    pub fn keys(&self) -> impl Iterator<Item = &'v str> {
        let keys: Vec<&'v str> = match self.map {
            ObjMap::Json(m) => m.keys().map(String::as_str).collect(),
            ObjMap::Node(f) => f.keys().collect(),
        };
        keys.into_iter()
    }

    /// Flags fields this format does not know: usually a typo that would otherwise be ignored.
    pub fn deny_unknown(&self, d: &mut Decoder, known: &[&str]) {
        let mut check = |key: &str| {
            if !known.contains(&key) {
                d.error(self.path_of(key), format!("未知字段「{key}」（拼写错误？）"));
            }
        };
        match self.map {
            ObjMap::Json(m) => m.keys().for_each(|k| check(k)),
            ObjMap::Node(f) => f.keys().for_each(check),
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
        match v.object() {
            Some(map) => Some(Obj { path: self.path_of(key), map }),
            None => {
                d.error(self.path_of(key), format!("「{label}」应为对象，收到{}", kind_of(v)));
                None
            }
        }
    }

    /// An array of at most `max_len` elements.
    pub fn array(&self, d: &mut Decoder, key: &str, label: &str, max_len: usize) -> Option<Vec<Item<'v>>> {
        let v = self.raw(key)?;
        match v.items() {
            Some(items) if items.len() > max_len => {
                d.error(self.path_of(key), format!("「{label}」最多 {max_len} 项，收到 {} 项", items.len()));
                None
            }
            Some(items) => {
                let path = self.path_of(key);
                Some(items.into_iter().enumerate().map(|(i, value)| Item { path: format!("{path}[{i}]"), value }).collect())
            }
            None => {
                d.error(self.path_of(key), format!("「{label}」应为数组，收到{}", kind_of(v)));
                None
            }
        }
    }

    /// A non-negative amount of money in 元: a decimal string (`"1234.56"`) or a JSON number,
    /// at most two decimal places and at most [`MAX_AMOUNT`].
    pub fn money(&self, d: &mut Decoder, key: &str, label: &str) -> Option<Decimal> {
        let v = self.raw(key)?;
        money_value(d, self.at_key(key), v, label)
    }

    /// A net amount in 元 (经营、财产、转移净收入): like [`Obj::money`], but it may be negative —
    /// a failed harvest leaves a loss, not an unknown.
    pub fn net_money(&self, d: &mut Decoder, key: &str, label: &str) -> Option<Decimal> {
        let v = self.raw(key)?;
        net_money_value(d, self.at_key(key), v, label)
    }

    /// A decimal within `[min, max]` (ratios, percentages, counts with fractions).
    pub fn decimal(&self, d: &mut Decoder, key: &str, label: &str, min: Decimal, max: Decimal) -> Option<Decimal> {
        let v = self.raw(key)?;
        let path = self.at_key(key);
        let x = decimal_value(d, path, v, label)?;
        if x < min || x > max {
            d.error(path.to_string(), format!("「{label}」应在 {min} 到 {max} 之间，收到 {x}"));
            return None;
        }
        Some(x)
    }

    /// A whole number within `[min, max]`.
    pub fn int(&self, d: &mut Decoder, key: &str, label: &str, min: i64, max: i64) -> Option<i64> {
        let v = self.raw(key)?;
        let n = match (v.number(), v.as_str()) {
            (Some(n), _) => n.as_i64(),
            (_, Some(s)) => s.trim().parse::<i64>().ok(),
            _ => None,
        };
        match n {
            Some(n) if (min..=max).contains(&n) => Some(n),
            Some(n) => {
                d.error(self.path_of(key), format!("「{label}」应在 {min} 到 {max} 之间，收到 {n}"));
                None
            }
            None => {
                d.error(self.path_of(key), format!("「{label}」应为整数，收到{}", show(v)));
                None
            }
        }
    }

    /// `true`/`false`; also 是/否 as typed in forms and spreadsheets.
    pub fn bool(&self, d: &mut Decoder, key: &str, label: &str) -> Option<bool> {
        let v = self.raw(key)?;
        if let Some(b) = v.as_bool() {
            return Some(b);
        }
        if let Some(s) = v.as_str() {
            match s.trim() {
                "是" | "true" => return Some(true),
                "否" | "false" => return Some(false),
                _ => {}
            }
        }
        d.error(self.path_of(key), format!("「{label}」应为 是/否（true/false），收到{}", show(v)));
        None
    }

    /// Text of at most `max_chars` characters; blank text counts as absent.
    pub fn text(&self, d: &mut Decoder, key: &str, label: &str, max_chars: usize) -> Option<String> {
        self.text_str(d, key, label, max_chars).map(str::to_string)
    }

    /// [`Obj::text`], borrowed (trimmed) from the input.
    pub fn text_str(&self, d: &mut Decoder, key: &str, label: &str, max_chars: usize) -> Option<&'v str> {
        let v = self.raw(key)?;
        match v.as_str() {
            Some(s) if s.trim().is_empty() => None,
            Some(s) if s.chars().count() > max_chars => {
                d.error(self.path_of(key), format!("「{label}」最多 {max_chars} 个字"));
                None
            }
            Some(s) => Some(s.trim()),
            None => {
                d.error(self.path_of(key), format!("「{label}」应为文本，收到{}", kind_of(v)));
                None
            }
        }
    }

    /// An ISO 8601 calendar date `YYYY-MM-DD` between 1900 and 2100.
    pub fn date(&self, d: &mut Decoder, key: &str, label: &str) -> Option<NaiveDate> {
        let v = self.raw(key)?;
        date_value(d, self.at_key(key), v, label)
    }

    /// One of a [`Choice`]'s values, by code or Chinese label.
    pub fn choice<C: Choice>(&self, d: &mut Decoder, key: &str, label: &str) -> Option<C> {
        let v = self.raw(key)?;
        choice_value(d, self.at_key(key), v, label)
    }
}

pub fn choice_value<C: Choice>(d: &mut Decoder, path: impl fmt::Display, v: Val, label: &str) -> Option<C> {
    let parsed = v.as_str().and_then(C::parse);
    if parsed.is_none() {
        d.error(path.to_string(), format!("「{label}」的值{}无效，可选：{}", show(v), C::describe_options()));
    }
    parsed
}

pub fn date_value(d: &mut Decoder, path: impl fmt::Display, v: Val, label: &str) -> Option<NaiveDate> {
    let Some(s) = v.as_str() else {
        d.error(path.to_string(), format!("「{label}」应为日期文本（如 2024-06-30），收到{}", show(v)));
        return None;
    };
    match parse_iso_date(s.trim()) {
        Ok(date) if (1900..=2100).contains(&date.year()) => Some(date),
        Ok(_) => {
            d.error(path.to_string(), format!("「{label}」年份应在 1900 到 2100 之间，收到 {s}"));
            None
        }
        Err(_) => {
            let shaped = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
            let why = match (shaped, year_month_day(s)) {
                (true, _) => "日期不存在".to_string(),
                // 2024/2/30: the day is what is wrong, not only the separators.
                (false, Some((y, m, day))) => match i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, day)) {
                    None if (1..=12).contains(&m) => format!("日期不存在（{y} 年 {m} 月没有 {day} 日）"),
                    None => format!("日期不存在（没有 {m} 月）"),
                    Some(date) => format!("格式应为 YYYY-MM-DD（即 {}）", date.format("%Y-%m-%d")),
                },
                (false, None) => "格式应为 YYYY-MM-DD".to_string(),
            };
            d.error(path.to_string(), format!("「{label}」{why}，收到 {s}"));
            None
        }
    }
}

/// A date written with other separators (`2024/2/30`, `2024.2.30`, `2024年2月30日`) as numbers.
fn year_month_day(s: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = s.trim_end_matches('日').split(['-', '/', '.', '年', '月']).collect();
    match parts.iter().map(|p| p.trim().parse::<u32>().ok()).collect::<Option<Vec<u32>>>()?.as_slice() {
        [y, m, d] if (1000..=9999).contains(y) => Some((*y, *m, *d)),
        _ => None,
    }
}

/// `NaiveDate::parse_from_str(s, "%Y-%m-%d")`, with the usual `dddd-dd-dd` read directly: the
/// format string is interpreted anew on every call, which showed in a batch's profile.
fn parse_iso_date(s: &str) -> Result<NaiveDate, ()> {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).filter(|ds| ds.iter().all(u8::is_ascii_digit)).map(|ds| ds.iter().fold(0u32, |n, c| n * 10 + u32::from(c - b'0')));
    if b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
        if let (Some(y), Some(m), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) {
            return i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, day)).ok_or(());
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| ())
}

/// A decimal from a string or a JSON number. Numbers are taken at their shortest exact decimal
/// form (`0.1` is 0.1, not the binary float nearest to it).
pub fn decimal_value(d: &mut Decoder, path: impl fmt::Display, v: Val, label: &str) -> Option<Decimal> {
    let parsed = match (v.as_str(), v.number()) {
        (Some(s), _) => Decimal::from_str(s.trim()).ok().filter(|_| !s.trim().is_empty()),
        (_, Some(n)) => {
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
        // NaN and ±Infinity from JS arrive as these strings (src/wasm/mod.rs): not a number at all.
        match v.as_str().map(str::trim) {
            Some(s @ ("NaN" | "Infinity" | "-Infinity")) => {
                d.error(path.to_string(), format!("「{label}」不是有效的数（收到 {s}），请填写数值（如 \"1234.56\"）"))
            }
            _ => d.error(path.to_string(), format!("「{label}」应为数值（如 \"1234.56\"），收到{}", show(v))),
        }
    }
    parsed
}

pub fn money_value(d: &mut Decoder, path: impl fmt::Display, v: Val, label: &str) -> Option<Decimal> {
    let x = decimal_value(d, &path, v, label)?;
    if x.is_sign_negative() && !x.is_zero() {
        d.error(path.to_string(), format!("「{label}」不能为负数，收到 {x}"));
        return None;
    }
    amount_within_bounds(d, path, x, label)
}

/// A net amount (may be negative: a loss), at most [`MAX_AMOUNT`] either way, in fen.
pub fn net_money_value(d: &mut Decoder, path: impl fmt::Display, v: Val, label: &str) -> Option<Decimal> {
    let x = decimal_value(d, &path, v, label)?;
    amount_within_bounds(d, path, x, label)
}

fn amount_within_bounds(d: &mut Decoder, path: impl fmt::Display, x: Decimal, label: &str) -> Option<Decimal> {
    if x.is_sign_negative() && x.abs() > MAX_AMOUNT {
        d.error(path.to_string(), format!("「{label}」亏损金额过大（{x} 元），请核对单位是否为元"));
        return None;
    }
    if x > MAX_AMOUNT {
        d.error(path.to_string(), format!("「{label}」金额过大（{x} 元），请核对单位是否为元"));
        return None;
    }
    if x.normalize().scale() > 2 {
        d.error(path.to_string(), format!("「{label}」最多两位小数（分），收到 {x}"));
        return None;
    }
    Some(x.normalize())
}

/// A short rendering of a value for error messages.
pub(crate) fn show(v: Val) -> String {
    if let Some(s) = v.as_str() {
        let short: String = s.chars().take(40).collect();
        return format!("“{short}”");
    }
    match v.number() {
        Some(n) => format!(" {n}"),
        None => kind_of(v).to_string(),
    }
}

pub(crate) fn kind_of(v: Val) -> &'static str {
    match v {
        Val::Json(Value::Null) | Val::Node(Node::Null) => "空值",
        Val::Json(Value::Bool(_)) | Val::Node(Node::Bool(_)) => "布尔值",
        Val::Json(Value::Number(_)) | Val::Node(Node::Number(_)) => "数字",
        Val::Json(Value::String(_)) | Val::Node(Node::String(_)) => "文本",
        Val::Json(Value::Array(_)) | Val::Node(Node::Array(_)) => "数组",
        Val::Json(Value::Object(_)) | Val::Node(Node::Object(_)) => "对象",
    }
}
