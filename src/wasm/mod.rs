//! The JavaScript binding: converts at the boundary and nothing else.
//!
//! One file per area (`dibao.rs`, `policy.rs`, `village.rs`, …), each a list of `#[wasm_bindgen]` functions that
//! decode with the core's own readers, call the core, and serialise the result. No rule lives here.
//!
//! Inputs may be plain JS objects or JSON text. Whatever crosses is plain JSON data: an object is
//! turned into JSON text on the JS side (`JSON.stringify`), so a cycle, a getter that throws, a
//! BigInt or an object nested thousands deep is a JS exception caught here and thrown back as a
//! named `Error` — walking such an object from Rust once overflowed the wasm stack and left the
//! instance dead ("memory access out of bounds") until the page was reloaded. The text is then
//! read with serde_json (128 levels at most), and size is checked before anything is copied into
//! wasm memory. NaN and ±Infinity, which JSON has no words for, arrive as the strings `"NaN"`,
//! `"Infinity"`, `"-Infinity"`, so money given as NaN is an error naming its field, not "not filled".
//!
//! Results are plain JS objects (money as decimal strings). Failures are thrown as an `Error` whose
//! `message` lists every problem and which also carries `kind` (`"invalid"` | `"calculation"`)
//! and `errors` (`[{ path, message }]`).
use crate::error::{Failure, FieldError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Largest input accepted as JSON text (UTF-16 code units, checked before the text is copied into
/// wasm memory): a county's 333 villages are well under 1 MB.
pub const MAX_INPUT_CHARS: u32 = 16 * 1024 * 1024;

fn invalid(message: String) -> JsValue {
    throw(&Failure::invalid(vec![FieldError::new("$", message)]))
}

/// JS value → JSON value. Strings are taken as JSON text.
pub(crate) fn to_json(v: JsValue, what: &str) -> Result<serde_json::Value, JsValue> {
    match json_text(&v, what)? {
        None => Ok(serde_json::Value::Null),
        Some(text) => crate::decode::parse_json(&text).map_err(|f| throw(&f)),
    }
}

/// A JS value as JSON text (`None` for undefined or null): a string is taken as the text itself,
/// anything else goes through `JSON.stringify`.
pub(crate) fn json_text(v: &JsValue, what: &str) -> Result<Option<String>, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let text: js_sys::JsString = if v.is_string() {
        v.clone().unchecked_into()
    } else {
        // The plain `JSON.stringify` writes NaN and ±Infinity as `null`; a text without `null` had
        // none, and is the same text the replacer below would give, without a call into wasm for
        // every value (which cost as much as the evaluation). The copied text is searched here
        // rather than by a further call into JS. Anything else takes the slow path.
        if let Some(text) = js_sys::JSON::stringify(v).ok().filter(|t| t.is_string() && t.length() <= MAX_INPUT_CHARS) {
            let copied = String::from(text);
            if !copied.contains("null") {
                return Ok(Some(copied));
            }
        }
        let replacer = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, value: JsValue| match value.as_f64() {
            Some(x) if x.is_nan() => JsValue::from_str("NaN"),
            Some(x) if x.is_infinite() => JsValue::from_str(if x > 0.0 { "Infinity" } else { "-Infinity" }),
            _ => value,
        });
        match js_sys::JSON::stringify_with_replacer(v, replacer.as_ref()) {
            Ok(t) => t,
            Err(e) => {
                let detail = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
                return Err(invalid(format!(
                    "{what}无法作为 JSON 数据读取：其中有循环引用、读取时出错的属性、BigInt 或嵌套过深的对象（{detail}）。请传入普通的对象或 JSON 文本"
                )));
            }
        }
    };
    // `JSON.stringify` gives undefined for a function or a symbol.
    if !text.is_string() {
        return Err(invalid(format!("{what}应为对象或 JSON 文本，收到 {}", v.js_typeof().as_string().unwrap_or_default())));
    }
    if text.length() > MAX_INPUT_CHARS {
        return Err(invalid(format!("{what}过大（{} 个字符，上限 {MAX_INPUT_CHARS}），不是本工具的输入", text.length())));
    }
    Ok(Some(String::from(text)))
}

/// A JS value that must be text (a date, a clause id), or an error naming it.
pub(crate) fn text_arg(v: &JsValue, what: &str) -> Result<String, JsValue> {
    match v.as_string() {
        Some(s) if s.len() <= 1000 => Ok(s),
        Some(_) => Err(invalid(format!("「{what}」过长"))),
        None => Err(invalid(format!("「{what}」应为文本，收到 {}", v.js_typeof().as_string().unwrap_or_default()))),
    }
}

/// JSON text written in Rust → a JS value, by the engine's own `JSON.parse` (one string crosses,
/// instead of one call per property): the catalogue, and the JSON-text variant `make bench-js`
/// compares with serde-wasm-bindgen.
pub(crate) fn parse_js(text: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(text).map_err(|_| throw(&Failure::calc("结果无法转换为 JS 对象")))
}

pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| throw(&Failure::calc(format!("结果无法转换：{e}"))))
}

/// A JS `Error` carrying the structured failure.
pub(crate) fn throw(f: &Failure) -> JsValue {
    let err = js_sys::Error::new(&f.describe());
    let (kind, errors) = match f {
        Failure::Invalid { errors } => ("invalid", serde_wasm_bindgen::to_value(errors).unwrap_or(JsValue::NULL)),
        Failure::Calculation { .. } => ("calculation", js_sys::Array::new().into()),
    };
    let _ = js_sys::Reflect::set(&err, &"kind".into(), &kind.into());
    let _ = js_sys::Reflect::set(&err, &"errors".into(), &errors);
    err.into()
}

pub(crate) fn options(v: JsValue) -> Result<crate::params::Options, JsValue> {
    crate::params::Options::from_json(&to_json(v, "选项")?).map_err(|f| throw(&f))
}

mod dibao;
mod household;
mod policy;
mod village;

pub use dibao::*;
pub use household::*;
pub use policy::*;
pub use village::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_OPTIONS: &'static str = r#"
/** Options accepted by every evaluation. */
export interface EvaluationOptions {
  /** 地区，默认 静宁县 */
  region?: string;
  /** 参数覆盖：参数编号 → 值（十进制文本或数字） */
  overrides?: Record<string, string | number>;
  /** 覆盖值的依据文件：参数编号 → 文号或名称（只对有覆盖值的参数；结果的 local_figures 与 params_used 据此注明） */
  override_sources?: Record<string, string>;
  /** 用户参数文件（与 params/*.toml 同结构的 JSON） */
  params?: unknown;
}

/** Input of checkDibaoIncome. Money in 元 as decimal strings or numbers. */
export interface DibaoIncomeInput {
  /** 核查日期 YYYY-MM-DD：决定适用哪一年的参数 */
  assessment_date: string;
  /** 家庭人口数 */
  household_size: number;
  incomes: Partial<Record<IncomeItem, string | number>>;
  /** 必要的就业成本（交通、通讯、食宿） */
  employment_costs?: string | number;
}

/** One income item of the ledger, as returned by incomeItems(). */
export interface IncomeItemInfo {
  code: IncomeItem;
  label: string;
  kind: string;
  excluded_from_dibao: boolean;
  /** A net item (经营、财产、转移净收入): a loss is entered as a negative amount. */
  may_be_negative: boolean;
}

/** What a failed call throws. */
export interface EngineError extends Error {
  kind: "invalid" | "calculation";
  errors: FieldError[];
}
"#;
