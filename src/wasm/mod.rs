//! The JavaScript binding: converts at the boundary and nothing else.
//!
//! One file per area (`dibao.rs`, `policy.rs`, `village.rs`, …), each a list of `#[wasm_bindgen]` functions that
//! decode with the core's own readers, call the core, and serialise the result. No rule lives here.
//!
//! Inputs may be plain JS objects or JSON text. Results are plain JS objects (money as decimal
//! strings). Failures are thrown as an `Error` whose `message` lists every problem and which also
//! carries `kind` (`"invalid"` | `"calculation"`) and `errors` (`[{ path, message }]`).
use crate::error::Failure;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// JS value → JSON value. Strings are taken as JSON text.
pub(crate) fn to_json(v: JsValue, what: &str) -> Result<serde_json::Value, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(serde_json::Value::Null);
    }
    if let Some(text) = v.as_string() {
        return crate::decode::parse_json(&text).map_err(|f| throw(&f));
    }
    serde_wasm_bindgen::from_value(v).map_err(|e| throw(&Failure::invalid(vec![crate::FieldError::new("$", format!("{what}无法读取：{e}"))])))
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
}

/** What a failed call throws. */
export interface EngineError extends Error {
  kind: "invalid" | "calculation";
  errors: FieldError[];
}
"#;
