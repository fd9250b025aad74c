//! Bindings for the village assessment engine (村级考核): assess one village, rank many, and
//! the indicator system (default and user-supplied).
use super::{throw, to_js, to_json};
use crate::village::{self, IndicatorSystem, VillageOptions};
use wasm_bindgen::prelude::*;

fn village_options(v: JsValue) -> Result<VillageOptions, JsValue> {
    VillageOptions::from_json(&to_json(v, "选项")?).map_err(|f| throw(&f))
}

/// One village's assessment: total, dimension scores, grade, vetoes, 三类村庄 suggestion,
/// shortfalls and missing values, every number explained (八(二十六), 四(八)).
#[wasm_bindgen(js_name = assessVillage, unchecked_return_type = "VillageAssessment")]
pub fn assess_village(
    #[wasm_bindgen(unchecked_param_type = "VillageInput | string")] village: JsValue,
    #[wasm_bindgen(unchecked_param_type = "VillageOptions | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let opts = village_options(opts)?;
    let input = village::assess::read_village(&to_json(village, "村庄输入")?, &opts).map_err(|f| throw(&f))?;
    let system = opts.system().map_err(|f| throw(&f))?;
    to_js(&village::assess(&input, system, &opts).map_err(|f| throw(&f))?)
}

/// Ranks villages (an array, or `{ villages: [...] }`): competition ranks with ties, per-dimension
/// leaders and laggards, counts by grade, class and 五类村庄, and the county view (the seed's
/// county targets against these villages, per township).
#[wasm_bindgen(js_name = rankVillages, unchecked_return_type = "Ranking")]
pub fn rank_villages(
    #[wasm_bindgen(unchecked_param_type = "VillageInput[] | { villages: VillageInput[] } | string")] villages: JsValue,
    #[wasm_bindgen(unchecked_param_type = "VillageOptions | undefined")] opts: JsValue,
) -> Result<JsValue, JsValue> {
    let opts = village_options(opts)?;
    let list = village::rank::read_villages(&to_json(villages, "村庄列表")?, &opts).map_err(|f| throw(&f))?;
    to_js(&village::rank(&list, &opts).map_err(|f| throw(&f))?)
}

/// The built-in default indicator system (the shape a user system must have).
#[wasm_bindgen(js_name = defaultIndicatorSystem, unchecked_return_type = "IndicatorSystem")]
pub fn default_indicator_system() -> Result<JsValue, JsValue> {
    to_js(IndicatorSystem::builtin().map_err(|f| throw(&f))?)
}

/// Validates a user-supplied indicator system (object or JSON text); throws every problem with
/// its JSON path, else returns the system as read.
#[wasm_bindgen(js_name = validateIndicatorSystem, unchecked_return_type = "IndicatorSystem")]
pub fn validate_indicator_system(#[wasm_bindgen(unchecked_param_type = "unknown")] json: JsValue) -> Result<JsValue, JsValue> {
    to_js(&IndicatorSystem::from_json(&to_json(json, "指标体系")?).map_err(|f| throw(&f))?)
}

#[wasm_bindgen(typescript_custom_section)]
const TS_VILLAGE: &'static str = r#"
/** Input of assessVillage / one element of rankVillages (schemas/village-input.schema.json). */
export interface VillageInput {
  /** 格式版本，固定为 "jingning.village-input/1" */
  schema: "jingning.village-input/1";
  /** 村庄编号（如行政区划代码），排名时不可重复 */
  id: string;
  /** 村名 */
  name: string;
  /** 乡镇 */
  township?: string;
  /** 考核年度 */
  year?: number;
  /** 指标值：指标编号 → 是/否（boolean）或数值（十进制文本或数字）；未填即缺失 */
  values: Record<string, boolean | string | number>;
  /** 全县平均值（与全县平均比较计分的指标：比值或百分点之差）：指标编号 → 数值 */
  county_averages?: Record<string, string | number>;
  /** 五类村庄（县里村庄布局规划确定，记录显示）：代码或中文名，如 "特色保护型" */
  five_type?: "agglomeration" | "suburban" | "heritage" | "relocation" | "undetermined" | string;
  /** 乡村振兴示范村级别 */
  demonstration?: "province" | "city" | "county" | string;
  /** 已创建省级清洁村庄 */
  provincial_clean_village?: boolean | "是" | "否";
}

/** Options of assessVillage / rankVillages. */
export interface VillageOptions {
  /** 用户指标体系（与 defaultIndicatorSystem() 同结构），替换默认体系 */
  indicator_system?: unknown;
  /** 全县平均值，适用于所有村（村内 county_averages 优先） */
  county_averages?: Record<string, string | number>;
  /** rankVillages 同时返回每村完整结果 */
  include_assessments?: boolean;
  /** 全县统计数（恩格尔系数等县级指标）：指标编号 → 数值，用于全县视图 */
  county_statistics?: Record<string, string | number>;
}
"#;
