//! Bindings for the household engine: the full evaluation, ID-number auto-fill and the option
//! lists the page's selects are built from.
use super::{options, text_arg, throw, to_js, to_json};
use crate::case;
use crate::household;
use wasm_bindgen::prelude::*;

/// Every measure for one household (`jingning.household/1` case; see docs/household-case.md).
#[wasm_bindgen(js_name = evaluateHousehold, unchecked_return_type = "HouseholdResult")]
pub fn evaluate_household(
    #[wasm_bindgen(unchecked_param_type = "HouseholdCase | string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EvaluationOptions | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let case = case::from_value(&to_json(input, "农户信息")?).map_err(|f| throw(&f))?;
    let opts = options(opts)?;
    to_js(&household::evaluate(&case, &opts).map_err(|f| throw(&f))?)
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

/// `explain::Threshold` serialises its `explanation` from its other fields, so tsify cannot
/// derive it; kept field for field with that impl.
#[wasm_bindgen(typescript_custom_section)]
const TS_THRESHOLD: &'static str = r#"
export interface Threshold {
    /**
     * What is compared, e.g. `低保计算人均收入`.
     */
    quantity: string;
    unit: string;
    value: string;
    threshold: string;
    comparison: Comparison;
    /**
     * Whether the rule's condition holds now.
     */
    holds: boolean;
    /**
     * The value at which the outcome flips (to fen).
     */
    flip_at: string;
    /**
     * How much the value must change to flip it (always ≥ 0).
     */
    change_to_flip: string;
    /**
     * e.g. `人均收入：临界值 ¥5,000，本户 ¥4,688（低于 ¥312）`.
     */
    explanation: string;
}
"#;

/// `HouseholdCase` and `HouseholdMember`, generated by build.rs from the field catalogue.
#[wasm_bindgen(typescript_custom_section)]
const TS_HOUSEHOLD_CASE: &'static str = include_str!(concat!(env!("OUT_DIR"), "/household-case.d.ts"));
