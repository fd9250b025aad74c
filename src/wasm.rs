//! The JavaScript binding: converts at the boundary and nothing else.
//!
//! Inputs may be plain JS objects or JSON text. Results are plain JS objects (money as decimal
//! strings). Failures are thrown as an `Error` whose `message` lists every problem and which also
//! carries `kind` (`"invalid"` | `"calculation"`) and `errors` (`[{ path, message }]`).
use crate::error::Failure;
use crate::household::dibao_income;
use crate::params::ParamSet;
use crate::policy;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// JS value → JSON value. Strings are taken as JSON text.
fn to_json(v: JsValue, what: &str) -> Result<serde_json::Value, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(serde_json::Value::Null);
    }
    if let Some(text) = v.as_string() {
        return crate::decode::parse_json(&text).map_err(|f| throw(&f));
    }
    serde_wasm_bindgen::from_value(v)
        .map_err(|e| throw(&Failure::invalid(vec![crate::FieldError::new("$", format!("{what}无法读取：{e}"))])))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| throw(&Failure::calc(format!("结果无法转换：{e}"))))
}

/// A JS `Error` carrying the structured failure.
fn throw(f: &Failure) -> JsValue {
    let err = js_sys::Error::new(&f.describe());
    let (kind, errors) = match f {
        Failure::Invalid { errors } => ("invalid", serde_wasm_bindgen::to_value(errors).unwrap_or(JsValue::NULL)),
        Failure::Calculation { .. } => ("calculation", js_sys::Array::new().into()),
    };
    let _ = js_sys::Reflect::set(&err, &"kind".into(), &kind.into());
    let _ = js_sys::Reflect::set(&err, &"errors".into(), &errors);
    err.into()
}

fn options(v: JsValue) -> Result<crate::params::Options, JsValue> {
    crate::params::Options::from_json(&to_json(v, "选项")?).map_err(|f| throw(&f))
}

/// Per-capita income counted for 农村低保 and whether it is below the standard (五(十二)).
#[wasm_bindgen(js_name = checkDibaoIncome, unchecked_return_type = "DibaoIncomeCheck")]
pub fn check_dibao_income(
    #[wasm_bindgen(unchecked_param_type = "DibaoIncomeInput | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluationOptions | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let input = dibao_income::DibaoIncomeInput::from_json(&to_json(input, "输入")?).map_err(|f| throw(&f))?;
    let opts = options(opts)?;
    to_js(&dibao_income::check(&input, &opts).map_err(|f| throw(&f))?)
}

/// The income items of the ledger in form order: code, Chinese label, statistical kind and whether
/// 五(十二) leaves it out of the 低保 count.
#[wasm_bindgen(js_name = incomeItems, unchecked_return_type = "IncomeItemInfo[]")]
pub fn income_items() -> Result<JsValue, JsValue> {
    use crate::decode::Choice;
    use crate::household::income::IncomeItem;
    #[derive(Serialize)]
    struct Info {
        code: &'static str,
        label: &'static str,
        kind: &'static str,
        excluded_from_dibao: bool,
    }
    let items: Vec<Info> = IncomeItem::OPTIONS
        .iter()
        .map(|(i, code, label)| Info { code, label, kind: i.kind_label(), excluded_from_dibao: i.excluded_from_dibao() })
        .collect();
    to_js(&items)
}

/// One clause of the policy by id (e.g. `五(十二)`), or `undefined`.
#[wasm_bindgen(js_name = clause, unchecked_return_type = "Clause | undefined")]
pub fn clause(id: &str) -> Result<JsValue, JsValue> {
    match policy::clause(id) {
        Some(c) => to_js(c),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// Every clause of the policy, in order.
#[wasm_bindgen(js_name = clauses, unchecked_return_type = "Clause[]")]
pub fn clauses() -> Result<JsValue, JsValue> {
    to_js(&policy::CLAUSES)
}

/// The built-in parameter set (every value with date, region, source and verified flag).
#[wasm_bindgen(js_name = builtinParams, unchecked_return_type = "ParamSet")]
pub fn builtin_params() -> Result<JsValue, JsValue> {
    to_js(ParamSet::builtin().map_err(|f| throw(&f))?)
}

/// Validates a user-supplied parameter file (JSON) and returns it as a set.
#[wasm_bindgen(js_name = validateParams, unchecked_return_type = "ParamSet")]
pub fn validate_params(#[wasm_bindgen(unchecked_param_type = "unknown")] docs: JsValue) -> Result<JsValue, JsValue> {
    to_js(&ParamSet::from_docs(&to_json(docs, "参数文件")?).map_err(|f| throw(&f))?)
}

/// The engine's version.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    crate::ENGINE_VERSION.to_string()
}

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
