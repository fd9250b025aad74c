//! Bindings for the policy text, the parameter sets and the engine version.
use super::{options, text_arg, throw, to_js, to_json};
use crate::params::ParamSet;
use crate::policy;
use wasm_bindgen::prelude::*;

/// One clause by id, or `undefined`: of the seed (e.g. `五(十二)`) when `document` is absent,
/// otherwise of that document (the `document.id` of a citation, e.g. `mca-2021-43`).
#[wasm_bindgen(js_name = clause, unchecked_return_type = "Clause | undefined")]
pub fn clause(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | undefined")] document: JsValue,
) -> Result<JsValue, JsValue> {
    // Any JS value is accepted (a typed &str traps in the glue on a number); a non-string is "none".
    let Some(id) = id.as_string() else { return Ok(JsValue::UNDEFINED) };
    match policy::clause_in(document.as_string().as_deref().unwrap_or(policy::seed().id), &id) {
        Some(c) => to_js(c),
        None => Ok(JsValue::UNDEFINED),
    }
}

/// Every clause of the seed and every passage of the other documents' excerpts, document by
/// document.
#[wasm_bindgen(js_name = clauses, unchecked_return_type = "Clause[]")]
pub fn clauses() -> Result<JsValue, JsValue> {
    to_js(&policy::CLAUSES)
}

/// Every document rules cite (title, issuer, 文号, date, URL), the seed first.
#[wasm_bindgen(js_name = documents, unchecked_return_type = "PolicyDocument[]")]
pub fn documents() -> Result<JsValue, JsValue> {
    to_js(&policy::DOCUMENTS)
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

/// Every parameter with its history and the value in force on `date` (YYYY-MM-DD) for the options'
/// region, overrides and parameter set — what the page's parameters panel shows. Throws like an
/// evaluation on an unknown region, a bad override or a bad parameter file, so it also validates
/// options before they are kept.
#[wasm_bindgen(js_name = paramsInForce, unchecked_return_type = "ParamStatus[]")]
pub fn params_in_force(
    #[wasm_bindgen(unchecked_param_type = "string")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluationOptions | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let date = text_arg(&date, "核查日期")?;
    let opts = options(opts)?;
    to_js(&crate::params::in_force(&date, &opts).map_err(|f| throw(&f))?)
}
