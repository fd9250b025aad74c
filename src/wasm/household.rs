//! Bindings for the household engine: the full evaluation, ID-number auto-fill and the option
//! lists the page's selects are built from.
use super::{options, throw, to_js, to_json};
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
/// labour_capacity, disability_kind, schooling, household_type, risk, measure, housing, ….
#[wasm_bindgen(js_name = householdChoices, unchecked_return_type = "Record<string, ChoiceInfo[]>")]
pub fn household_choices() -> Result<JsValue, JsValue> {
    to_js(&case::choices())
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
     * e.g. `人均收入再增加 ¥312 将不再符合（临界值 ¥5,000）`.
     */
    explanation: string;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_HOUSEHOLD_CASE: &'static str = r#"
/** Money in 元: a decimal string ("1234.56") or a number; null/absent = unknown. */
export type Money = string | number | null;
/** 是/否: true/false or "是"/"否"; null/absent = unknown. */
export type YesNo = boolean | "是" | "否" | null;

/** One household member (家庭成员). Every field may be absent (= unknown). */
export interface HouseholdMember {
  /** 姓名 */ name?: string | null;
  /** 与户主关系 */ relation?: Relation | string | null;
  /** 身份证号（18 位，或 20/22 位残疾人证号） */ id_number?: string | null;
  /** 出生日期 YYYY-MM-DD（有身份证号时可省略） */ birth_date?: string | null;
  /** 性别 */ sex?: Sex | string | null;
  /** 劳动能力 */ labour_capacity?: Labour | string | null;
  /** 是否残疾 */ has_disability?: YesNo;
  /** 残疾情况 */ disability?: { kind?: DisabilityKind | string | null; grade?: 1 | 2 | 3 | 4 | null } | null;
  /** 患重病（大病） */ serious_illness?: YesNo;
  /** 患慢性病 */ chronic_illness?: YesNo;
  /** 在校情况 */ schooling?: Schooling | string | null;
  /** 失学辍学原因 */ out_of_school_reason?: OutOfSchoolReason | string | null;
  /** 参加城乡居民医保 */ medical_insurance?: YesNo;
  /** 参加城乡居民养老保险 */ pension_insurance?: YesNo;
  /** 计划生育“两证户” */ family_planning_two_certificates?: YesNo;
  /** 外出务工 */ working_away?: YesNo;
  /** 孤儿或事实无人抚养儿童 */ orphan?: YesNo;
  /** 法定赡养、抚养、扶养义务人情况 */ supporter?: Supporter | string | null;
  /** 医疗自付费用（近12个月） */ medical_out_of_pocket?: Money;
}

/** A household case, format "jingning.household/1" (docs/household-case.md). */
export interface HouseholdCase {
  schema: "jingning.household/1";
  /** 核查日期 YYYY-MM-DD：决定参数年度和年龄 */
  assessment_date: string;
  /** 户主姓名 */ head_name?: string | null;
  /** 所在村 */ village?: string | null;
  /** 农户类型 */ household_type?: HouseholdType | string | null;
  /** 当前身份 */
  status?: {
    dibao?: YesNo; dibao_class?: DibaoClass | string | null; tekun?: YesNo; tekun_dispersed?: YesNo;
    monitored?: YesNo; monitored_since?: string | null; monitoring_type?: MonitoringType | string | null;
    measures_taken?: (Measure | string)[] | null; returned_to_poverty?: YesNo;
    income_stable_months?: number | null; original_risk_eliminated?: YesNo; new_risk?: YesNo;
  } | null;
  /** 家庭成员（1–30 人） */ members: HouseholdMember[];
  /** 近12个月收入（元） */ incomes?: Partial<Record<IncomeItem, Money>> | null;
  /** 必要的就业成本 */ employment_costs?: Money;
  /** 上年度家庭总收入 */ last_year_total_income?: Money;
  /** 近12个月刚性支出（医疗自付按成员填写） */
  expenses?: { education?: Money; disability_rehab?: Money; disaster_loss?: Money; accident_loss?: Money } | null;
  /** 家庭财产 */
  assets?: { deposits?: Money; vehicles?: number | null; other_houses?: YesNo; within_dibao_rules?: YesNo } | null;
  /** 住房安全 */ housing?: Housing | string | null;
  /** 饮水安全 */ drinking_water?: Water | string | null;
  /** 不愁吃、不愁穿 */ food_clothing_secure?: YesNo;
  /** 申报的返贫致贫风险 */ risks?: (Risk | string)[] | null;
}
"#;
