//! Bindings for the 低保收入速算 (quick 低保 income check).
use super::{options, throw, to_js, to_json};
use crate::household::dibao_income;
use serde::Serialize;
use wasm_bindgen::prelude::*;

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
/// 五(十二) leaves it out of the 低保 count, and whether it is a net figure that may be negative.
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
        may_be_negative: bool,
    }
    let items: Vec<Info> = IncomeItem::OPTIONS
        .iter()
        .map(|(i, code, label)| Info { code, label, kind: i.kind_label(), excluded_from_dibao: i.excluded_from_dibao(), may_be_negative: i.may_be_negative() })
        .collect();
    to_js(&items)
}
