//! Bindings for the household engine: the full evaluation, ID-number auto-fill and the option
//! lists the page's selects are built from.
use super::{json_text, options, parse_js, text_arg, throw, to_js, to_json};
use crate::case;
use crate::error::{Failure, FieldError};
use crate::household::{self, compact, Detail};
use crate::params::Options;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Every measure for one household (`jingning.household/1` case; see docs/household-case.md).
/// `options.detail`: `"compact"` (default: texts that are the same for every household are left to
/// `catalogue()` and named by id) or `"full"` (everything inline, as the page shows it).
///
/// The result is built as a JS object property by property (serde-wasm-bindgen): measured against
/// JSON text parsed by `JSON.parse` (`evaluateHouseholdViaJsonText`), it was 5–30 % faster for one
/// household (docs/benchmarks.md “JS 接口”); the texts every result repeats cross once
/// (`crate::intern`).
#[wasm_bindgen(js_name = evaluateHousehold, unchecked_return_type = "CompactHouseholdResult | HouseholdResult")]
pub fn evaluate_household(
    #[wasm_bindgen(unchecked_param_type = "HouseholdCase | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluationOptions & { detail?: \"compact\" | \"full\" } | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let (opts, detail) = household_options(opts)?;
    let text = json_text(&input, "农户信息")?.unwrap_or_else(|| "null".into());
    let case = case::from_json(&text).map_err(|f| throw(&f))?;
    let result = household::evaluate(&case, &opts).map_err(|f| throw(&f))?;
    match detail {
        Detail::Full => to_js(&result),
        Detail::Compact => to_js(&compact::Compact(&result)),
    }
}

/// Many households at once, for a portal or the batch worker: one call, the options read and the
/// parameters resolved once. `many` is an
/// array of cases (or its JSON text); the result has one item per case, in order: a result, or
/// `{ error: { kind, message, errors } }` for a case that could not be evaluated (the others are
/// still evaluated). A `many` that is not an array, or bad options, throw as `evaluateHousehold`.
/// Compact results cross as one JSON text for the whole list, full results as objects (each way the
/// faster one measured, docs/benchmarks.md “JS 接口”); the objects are the same either way.
#[wasm_bindgen(js_name = evaluateHouseholds, unchecked_return_type = "Array<CompactHouseholdResult | HouseholdResult | HouseholdFailure>")]
pub fn evaluate_households(
    #[wasm_bindgen(unchecked_param_type = "HouseholdCase[] | string")] many: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluationOptions & { detail?: \"compact\" | \"full\" } | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let (opts, detail) = household_options(opts)?;
    let text = json_text(&many, "农户列表")?.unwrap_or_else(|| "null".into());
    let list = crate::decode::parse_node(&text).map_err(|f| throw(&f))?;
    let crate::decode::Node::Array(cases) = list else {
        return Err(throw(&Failure::invalid(vec![FieldError::new("$", "「农户列表」应为数组（每项一户，格式 jingning.household/1）")])));
    };
    if detail == Detail::Full {
        // Full results as objects: their repeated texts cross once (`crate::intern`), and a list
        // of 66 KB JSON texts decoded and parsed again was slower (docs/benchmarks.md “JS 接口”).
        let out = js_sys::Array::new_with_length(u32::try_from(cases.len()).unwrap_or(u32::MAX));
        for (i, node) in cases.iter().enumerate() {
            let item = match case::from_node(node).and_then(|c| household::evaluate(&c, &opts)) {
                Ok(r) => to_js(&r)?,
                Err(f) => to_js(&failure_item(&f, i))?,
            };
            out.set(u32::try_from(i).unwrap_or(u32::MAX), item);
        }
        return Ok(out.into());
    }
    // Compact results as JSON text parsed by `JSON.parse` (one text for a list of up to
    // `TEXT_CHUNK` bytes): building them property by property decoded each reason on its own
    // (docs/benchmarks.md “JS 接口”). A longer list crosses in several texts, so that neither wasm
    // memory nor a JS string (at most 2²⁹ characters) has to hold all of a county's results at once.
    const TEXT_CHUNK: usize = 32 << 20;
    let out = js_sys::Array::new();
    let mut text = String::new();
    let no_room = || throw(&Failure::calc("内存不足，无法写出结果：请分批核查"));
    let flush = |text: &mut String| -> Result<(), JsValue> {
        text.push(']');
        let part = js_sys::Array::from(&parse_js(text)?);
        text.clear();
        for item in part.iter() {
            out.push(&item);
        }
        Ok(())
    };
    for (i, node) in cases.iter().enumerate() {
        // Each item as a `String` appended (a copy), not written into one byte buffer: checking the
        // whole buffer is UTF-8 afterwards cost more than the copies.
        let item = match case::from_node(node).and_then(|c| household::evaluate(&c, &opts)) {
            Ok(r) => compact::to_json(&r, Detail::Compact),
            Err(f) => serde_json::to_string(&failure_item(&f, i)).map_err(|e| Failure::calc(format!("结果无法写出：{e}"))),
        }
        .map_err(|f| throw(&f))?;
        if !text.is_empty() && text.len() + item.len() >= TEXT_CHUNK {
            flush(&mut text)?;
        }
        // Growing the text where a plain push would abort the instance when memory runs out.
        text.try_reserve(item.len() + 2).map_err(|_| no_room())?;
        text.push(if text.is_empty() { '[' } else { ',' });
        text.push_str(&item);
    }
    if text.is_empty() {
        return Ok(out.into());
    }
    if out.length() == 0 {
        // The whole list in one text, as a list of up to a few thousand households always is.
        text.push(']');
        return parse_js(&text);
    }
    flush(&mut text)?;
    Ok(out.into())
}

/// `{ error: { kind, message, errors } }` for household `index` of a list: the paths name the
/// household (`$[3].members[0].age`).
fn failure_item(f: &Failure, index: usize) -> serde_json::Value {
    let (kind, errors) = match f {
        Failure::Invalid { errors } => {
            ("invalid", errors.iter().map(|e| FieldError::new(e.path.replacen('$', &format!("$[{index}]"), 1), e.message.clone())).collect())
        }
        Failure::Calculation { .. } => ("calculation", Vec::new()),
    };
    serde_json::json!({ "error": { "kind": kind, "message": format!("第 {} 户：{}", index + 1, f.describe()), "errors": errors } })
}

/// The engine options and the result's detail, from one options object. The last options read are
/// kept, keyed by their JSON text: a portal or the page calls with the same options again and again,
/// and reading them anew each time also lost the parameter table resolved for the date
/// ([`crate::params::Options`] caches it), which cost more than the evaluation itself.
fn household_options(opts: JsValue) -> Result<(Rc<Options>, Detail), JsValue> {
    thread_local!(static LAST: RefCell<Option<(String, Rc<Options>, Detail)>> = const { RefCell::new(None) });
    let text = json_text(&opts, "选项")?.unwrap_or_default();
    if let Some(hit) = LAST.with(|l| l.borrow().as_ref().filter(|(t, ..)| *t == text).map(|(_, o, d)| (o.clone(), *d))) {
        return Ok(hit);
    }
    let mut v = if text.is_empty() { serde_json::Value::Null } else { crate::decode::parse_json(&text).map_err(|f| throw(&f))? };
    let detail = Detail::take_from(&mut v).map_err(|f| throw(&f))?;
    let opts = Rc::new(Options::from_json(&v).map_err(|f| throw(&f))?);
    LAST.with(|l| *l.borrow_mut() = Some((text, opts.clone(), detail)));
    Ok((opts, detail))
}

/// The same evaluation with the result crossing as JSON text parsed by `JSON.parse`, kept only so
/// `make bench-js` can compare the two ways across the boundary.
#[doc(hidden)]
#[wasm_bindgen(js_name = evaluateHouseholdViaJsonText, skip_typescript)]
pub fn evaluate_household_via_json_text(input: JsValue, opts: JsValue) -> Result<JsValue, JsValue> {
    let (opts, detail) = household_options(opts)?;
    let text = json_text(&input, "农户信息")?.unwrap_or_else(|| "null".into());
    let case = case::from_json(&text).map_err(|f| throw(&f))?;
    let result = household::evaluate(&case, &opts).map_err(|f| throw(&f))?;
    parse_js(&compact::to_json(&result, detail).map_err(|f| throw(&f))?)
}

/// Everything results refer to by id: documents, citations (with excerpts), built-in parameters,
/// measures, fields and outcome labels. The same for every household; fetch it once.
#[wasm_bindgen(js_name = catalogue, unchecked_return_type = "Catalogue")]
pub fn catalogue() -> Result<JsValue, JsValue> {
    let c = crate::catalogue::catalogue().map_err(|f| throw(&f))?;
    parse_js(&serde_json::to_string(&c).map_err(|e| throw(&Failure::calc(format!("目录无法写出：{e}"))))?)
}

/// What-if along one amount (the trainer's income slider): the money field at `path` of the case
/// (e.g. `$.incomes.wage`) is moved from `from` to `to` (元, decimal text, to the fen) and every
/// measure's outcome is given as segments whose ends are exact to the fen (engine evaluations and
/// bisection, no float arithmetic; see `household::sweep`).
#[wasm_bindgen(js_name = householdSweep, unchecked_return_type = "Sweep")]
pub fn household_sweep(
    #[wasm_bindgen(unchecked_param_type = "HouseholdCase | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] to: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluationOptions | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let input = to_json(input, "农户信息")?;
    let path = text_arg(&path, "字段路径")?;
    let amount = |v: &JsValue, what: &str| -> Result<rust_decimal::Decimal, JsValue> {
        let s = text_arg(v, what)?;
        s.trim().parse().map_err(|_| throw(&crate::Failure::invalid(vec![crate::error::FieldError::new("$", format!("「{what}」应为金额（元），收到 {s}"))])))
    };
    let (from, to) = (amount(&from, "区间起点")?, amount(&to, "区间终点")?);
    let opts = options(opts)?;
    to_js(&household::sweep(&input, &opts, &path, from, to).map_err(|f| throw(&f))?)
}

/// Checks a 身份证号 (or 20/22-character 残疾人证号) and derives birth date, sex and, given
/// an assessment date (YYYY-MM-DD), age. Never throws: an invalid number — or a number given as
/// a JS number, whose last digits are already lost — gives `valid: false` and a Chinese `error`.
/// Both arguments are taken as any JS value: a typed `&str` parameter made the generated glue
/// trap on a number.
#[wasm_bindgen(js_name = parseIdNumber, unchecked_return_type = "IdCheck")]
pub fn parse_id_number(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | undefined | null")] assessment_date: JsValue,
) -> Result<JsValue, JsValue> {
    let on = assessment_date.as_string().and_then(|d| chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
    let invalid = |error: &str| case::id_number::IdCheck { valid: false, birth_date: None, sex: None, age: None, error: Some(error.to_string()) };
    let check = match id.as_string() {
        Some(s) if s.len() <= 100 => case::id_number::check(&s, on),
        Some(_) => invalid("身份证号过长"),
        None if id.as_f64().is_some() => invalid("身份证号应为文本：作为数字传入时末几位已经丢失（18 位超出数字的精度），请以文本传入"),
        None => invalid("身份证号应为文本"),
    };
    to_js(&check)
}

/// Every option list of the case format (`{code, label}`), keyed by field: relation,
/// labour_capacity, disability_kind, schooling, household_type, risk, measure, housing, …, and
/// `outcome`: the Chinese label of each decision outcome (符合 / 不符合 / 需补充).
#[wasm_bindgen(js_name = householdChoices, unchecked_return_type = "Record<string, ChoiceInfo[]>")]
pub fn household_choices() -> Result<JsValue, JsValue> {
    to_js(&case::choices_with_outcomes())
}

/// The field catalogue: every input field of the case with its JSON path, Chinese label, hint,
/// kind, unit, option list, sheet column and the measures that read it (data/household-fields.toml).
#[wasm_bindgen(js_name = householdFields, unchecked_return_type = "FieldInfo[]")]
pub fn household_fields() -> Result<JsValue, JsValue> {
    to_js(&case::fields::catalogue())
}

/// The measure registry: code, title, clauses, the inputs each reads and the measures it depends
/// on, in the order results list them.
#[wasm_bindgen(js_name = householdMeasures, unchecked_return_type = "MeasureInfo[]")]
pub fn household_measures() -> Result<JsValue, JsValue> {
    to_js(&household::measures::catalogue())
}

/// What `evaluateHouseholds` gives for a household that could not be evaluated.
#[wasm_bindgen(typescript_custom_section)]
const TS_FAILURE: &'static str = r#"
export interface HouseholdFailure {
  error: { kind: "invalid" | "calculation"; message: string; errors: FieldError[] };
}
"#;

/// `HouseholdCase` and `HouseholdMember`, generated by build.rs from the field catalogue.
#[wasm_bindgen(typescript_custom_section)]
const TS_HOUSEHOLD_CASE: &'static str = include_str!(concat!(env!("OUT_DIR"), "/household-case.d.ts"));
