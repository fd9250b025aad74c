//! Village indicators counted from a township's household 台账: every household is evaluated by
//! the household engine (as in a batch run), grouped by its 所在村, and each village gets the
//! indicators a 台账 can answer, each with the households behind the number (户编号, or the sheet
//! row when the sheet has no 户编号):
//!
//! * `monitored_support_coverage` — monitored households (当前身份 监测对象) with at least one
//!   已落实帮扶措施 ÷ monitored households;
//! * `basic_needs_secured_rate` — households without a 两不愁三保障 / 饮水 gap ÷ households judged
//!   (gaps: a C/D house recorded, the engine's 饮水安全 and 控辍保学 decisions found applicable, or
//!   不愁吃穿 / a member's 医保 recorded as 否); a household whose housing, water or schooling could not be
//!   judged is counted as unknown, not as secured;
//! * `dropout_count` — households where 控辍保学 applies (a child of compulsory-school age out of
//!   school for a reason other than health);
//! * `assistance_coverage` — households found eligible for 低保 or 特困 (outcome applies, or
//!   eligible once recognised) that already are 低保户 or 特困供养户 ÷ those found eligible.
//!
//! It also lists households the engine finds to be monitoring objects that are not monitored yet
//! (a gap for the 监测 work, not a scored indicator). Only each decision's `measure` code and
//! `outcome` and the case's own fields are read; no rule is repeated here. A village with no
//! household to count for an indicator leaves it unfilled (not assessed), never zero.
use super::household::{BatchOptions, HouseholdRow, Plan};
use super::row::Row;
use super::village::{self as sheet_village, VillageBatch};
use crate::case;
use crate::error::Failure;
use crate::explain::Outcome;
use crate::household::HouseholdResult;
use crate::village::input::{VillageInput, VillageOptions};
use crate::village::rank::{rank, Ranking};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// One household-derived indicator value of one village.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DerivedValue {
    pub indicator: String,
    pub name: String,
    /// Decimal text as filled into the village input; null when nothing could be counted.
    pub value: Option<String>,
    pub numerator: usize,
    pub denominator: usize,
    /// How it was counted, in Chinese ("12 户监测户中 11 户已落实帮扶措施").
    pub working: String,
    /// The households counted (the denominator), by 户编号.
    pub households: Vec<String>,
    /// The households behind the shortfall (not covered, with a gap, with a dropout).
    pub gaps: Vec<String>,
    /// Households that could not be judged for it.
    pub unknown: Vec<String>,
    /// Whether it was filled into the village's scorecard (a village sheet's own value is kept).
    pub filled: bool,
}

/// The household-derived figures of one village.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DerivedVillage {
    /// 所在村 as written in the 台账.
    pub village: String,
    pub households: usize,
    /// Households evaluated with an error (not counted), by 户编号.
    pub with_errors: Vec<String>,
    pub values: Vec<DerivedValue>,
    /// Households the engine finds to be monitoring objects (or eligible once recognised) that
    /// are not yet monitored.
    pub monitoring_gaps: Vec<String>,
}

/// A township's 台账 turned into village scorecards.
#[derive(Debug, Clone, Serialize)]
pub struct HouseholdVillages {
    pub households: usize,
    pub villages: Vec<DerivedVillage>,
    /// Households without 所在村 (not counted for any village).
    pub unassigned: Vec<String>,
    pub notes: Vec<String>,
    /// The villages scored and ranked with the derived values filled in (full assessments
    /// included), with the county view.
    pub ranking: Ranking,
    /// When a village indicator sheet was given: its rows with the derived values filled where
    /// the sheet left them blank.
    pub sheet: Option<VillageBatch>,
}

/// The outcome's code as serialised (`applies`, `once_recognised` …): read by name so this module
/// follows the household engine's outcomes without matching on them.
fn outcome_code(o: Outcome) -> String {
    serde_json::to_value(o).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// Found eligible: applies, or would once formally recognised (待认定).
fn eligible(o: Outcome) -> bool {
    matches!(outcome_code(o).as_str(), "applies" | "once_recognised")
}

fn undecided(o: Outcome) -> bool {
    outcome_code(o) == "cannot_decide"
}

fn outcome_of(r: &HouseholdResult, measure: &str) -> Option<Outcome> {
    r.decisions.iter().find(|d| d.measure == measure).map(|d| d.outcome)
}

/// Name of a household for the link back: its 户编号, else its first sheet row.
fn label(h: &HouseholdRow) -> String {
    match &h.key {
        Some(k) => k.clone(),
        None => format!("第{}行", h.first_row),
    }
}

/// What one household contributes (households evaluated without error).
struct Counted {
    id: String,
    monitored: bool,
    has_measure: bool,
    monitoring_gap: bool,
    /// Some(true) with a gap, Some(false) without, None unknown.
    basic_gap: Option<bool>,
    dropout: Option<bool>,
    assistance_eligible: bool,
    assisted: bool,
}

fn count(h: &HouseholdRow, r: &HouseholdResult, c: &case::Case) -> Counted {
    let s = &c.status;
    let applies = |m: &str| outcome_of(r, m).is_some_and(eligible);
    let unknown = |m: &str| outcome_of(r, m).is_none_or(undecided);
    // A C/D house is a 住房安全 gap whether or not the household is a 危房改造 priority object (the
    // 危房改造 decision answers the latter), so the recorded grade is read.
    let unsafe_house = matches!(c.housing, Some(case::Housing::GradeC | case::Housing::GradeD));
    let recorded_gap = unsafe_house || c.food_clothing_secure == Some(false) || c.members.iter().any(|m| m.medical_insurance == Some(false));
    let engine_gap = applies("water") || applies("schooling");
    let basic_gap = if recorded_gap || engine_gap {
        Some(true)
    } else if c.housing.is_none() || unknown("water") || unknown("schooling") {
        None
    } else {
        Some(false)
    };
    let monitored = s.monitored == Some(true);
    Counted {
        id: label(h),
        monitored,
        has_measure: s.measures_taken.as_ref().is_some_and(|m| !m.is_empty()),
        monitoring_gap: !monitored && applies("monitoring"),
        basic_gap,
        dropout: if unknown("schooling") { None } else { Some(applies("schooling")) },
        assistance_eligible: applies("dibao") || applies("tekun"),
        assisted: s.dibao == Some(true) || s.tekun == Some(true),
    }
}

fn pct(num: usize, den: usize) -> Decimal {
    let mut x = (Decimal::from(num * 100) / Decimal::from(den)).round_dp_with_strategy(2, RoundingStrategy::ToZero);
    x.rescale(2);
    x.normalize()
}

fn derived_values(list: &[Counted]) -> Vec<DerivedValue> {
    let ids = |f: &dyn Fn(&Counted) -> bool| -> Vec<String> { list.iter().filter(|c| f(c)).map(|c| c.id.clone()).collect() };
    let mut out = Vec::new();

    let monitored = ids(&|c| c.monitored);
    let without = ids(&|c| c.monitored && !c.has_measure);
    let n = monitored.len();
    out.push(DerivedValue {
        indicator: "monitored_support_coverage".into(),
        name: "监测户落实帮扶责任人且有帮扶措施的比例".into(),
        value: (n > 0).then(|| pct(n - without.len(), n).to_string()),
        numerator: n - without.len(),
        denominator: n,
        working: if n == 0 {
            "台账中没有监测户（当前身份：监测对象），本项不评".into()
        } else {
            format!("{n} 户监测户中 {} 户已落实帮扶措施", n - without.len())
        },
        households: monitored,
        gaps: without,
        unknown: Vec::new(),
        filled: false,
    });

    let judged = ids(&|c| c.basic_gap.is_some());
    let gaps = ids(&|c| c.basic_gap == Some(true));
    let unknown = ids(&|c| c.basic_gap.is_none());
    let n = judged.len();
    out.push(DerivedValue {
        indicator: "basic_needs_secured_rate".into(),
        name: "“两不愁三保障”及饮水安全达标户比例".into(),
        value: (n > 0).then(|| pct(n - gaps.len(), n).to_string()),
        numerator: n - gaps.len(),
        denominator: n,
        working: format!(
            "已判断的 {n} 户中 {} 户无住房、饮水、义务教育、医保、吃穿缺口{}",
            n - gaps.len(),
            if unknown.is_empty() { String::new() } else { format!("；{} 户信息不全无法判断，未计入", unknown.len()) }
        ),
        households: judged,
        gaps,
        unknown,
        filled: false,
    });

    let judged = ids(&|c| c.dropout.is_some());
    let cases = ids(&|c| c.dropout == Some(true));
    let unknown = ids(&|c| c.dropout.is_none());
    out.push(DerivedValue {
        indicator: "dropout_count".into(),
        name: "控辍保学：义务教育阶段有失学辍学学生的户数".into(),
        value: (!judged.is_empty()).then(|| cases.len().to_string()),
        numerator: cases.len(),
        denominator: judged.len(),
        working: format!(
            "已判断的 {} 户中 {} 户有义务教育阶段失学辍学学生{}",
            judged.len(),
            cases.len(),
            if unknown.is_empty() { String::new() } else { format!("；{} 户在校情况未填，未计入", unknown.len()) }
        ),
        households: judged,
        gaps: cases,
        unknown,
        filled: false,
    });

    let found = ids(&|c| c.assistance_eligible);
    let not_yet = ids(&|c| c.assistance_eligible && !c.assisted);
    let n = found.len();
    out.push(DerivedValue {
        indicator: "assistance_coverage".into(),
        name: "低保、特困应保尽保率".into(),
        value: (n > 0).then(|| pct(n - not_yet.len(), n).to_string()),
        numerator: n - not_yet.len(),
        denominator: n,
        working: if n == 0 {
            "核查未发现符合低保或特困条件的户，本项不评".into()
        } else {
            format!("核查认定符合低保或特困条件的 {n} 户中 {} 户已是低保户或特困供养户", n - not_yet.len())
        },
        households: found,
        gaps: not_yet,
        unknown: Vec::new(),
        filled: false,
    });
    out
}

/// What [`derive`] finds: the villages, the households without 所在村, the household count and
/// notes for staff.
type Derived = (Vec<DerivedVillage>, Vec<String>, usize, Vec<String>);

/// Evaluates every household of a 台账 and counts each village's indicators.
fn derive(headers: &[String], rows: &[Row], options: &BatchOptions) -> Result<Derived, Failure> {
    let plan = Plan::new(headers.to_vec(), options.clone())?;
    let groups = super::household::group_sheet(&plan, rows);
    let mut by_village: BTreeMap<String, (usize, Vec<Counted>, Vec<String>)> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut unassigned = Vec::new();
    let mut notes = Vec::new();
    for k in 0..groups.groups.len() {
        let (hrows, continued) = groups.rows(k, rows);
        let (h, result) = plan.evaluate_rows(&hrows, continued, &[]);
        let Some(village) = h.village.clone() else {
            unassigned.push(label(&h));
            continue;
        };
        if !by_village.contains_key(&village) {
            order.push(village.clone());
        }
        let entry = by_village.entry(village).or_insert_with(|| (0, Vec::new(), Vec::new()));
        entry.0 += 1;
        // The case as read (its 当前身份 and member fields), beside the engine's decisions.
        let case = result.as_ref().and_then(|_| case::from_node(&plan.case_node(&hrows).0).ok());
        match (result, case) {
            (Some(r), Some(c)) => entry.1.push(count(&h, &r, &c)),
            _ => entry.2.push(label(&h)),
        }
    }
    if !unassigned.is_empty() {
        notes.push(format!("{} 户未填「所在村」，未计入任何村：{}", unassigned.len(), unassigned.join("、")));
    }
    let villages = order
        .into_iter()
        .filter_map(|name| {
            let (households, counted, with_errors) = by_village.remove(&name)?;
            let monitoring_gaps = counted.iter().filter(|c| c.monitoring_gap).map(|c| c.id.clone()).collect();
            Some(DerivedVillage { village: name, households, with_errors, values: derived_values(&counted), monitoring_gaps })
        })
        .collect();
    Ok((villages, unassigned, groups.groups.len(), notes))
}

/// The 台账's villages scored and ranked: with only the 台账, each village's input holds just the
/// derived indicators (the rest are not assessed, and the coverage says so); with a village
/// indicator sheet (`village_sheet`: headers and rows), the derived values fill the indicators the
/// sheet leaves blank, matched by 村名 (or 村庄编号) = 所在村.
pub fn evaluate(
    headers: &[String],
    rows: &[Row],
    options: &BatchOptions,
    village_opts: &VillageOptions,
    village_sheet: Option<(&[String], &[Row])>,
) -> Result<HouseholdVillages, Failure> {
    let (mut villages, unassigned, households, mut notes) = derive(headers, rows, options)?;
    let system = village_opts.system()?;
    let known = |id: &str| system.indicator(id).is_some();
    let values_of = |d: &DerivedVillage| -> Map<String, Value> {
        d.values.iter().filter(|v| known(&v.indicator)).filter_map(|v| v.value.clone().map(|x| (v.indicator.clone(), Value::String(x)))).collect()
    };
    let (ranking, sheet) = match village_sheet {
        None => {
            let mut inputs: Vec<VillageInput> = Vec::new();
            for d in &mut villages {
                let doc = serde_json::json!({
                    "schema": crate::village::input::INPUT_SCHEMA, "id": d.village, "name": d.village, "values": values_of(d)
                });
                inputs.push(crate::village::assess::read_village(&doc, village_opts)?);
                for v in &mut d.values {
                    v.filled = v.value.is_some() && known(&v.indicator);
                }
            }
            if inputs.is_empty() {
                return Err(Failure::invalid(vec![crate::FieldError::new("$", "台账中没有填写「所在村」的户，无法按村汇总")]));
            }
            notes.push("只有农户台账：各村只评台账能算出的指标，其余指标未评（见各村“已评权重”）；同时打开村级指标表可补齐其余指标".into());
            let mut o = village_opts.clone();
            o.include_assessments = true;
            (rank(&inputs, &o)?, None)
        }
        Some((vh, vr)) => {
            let mut fill = |doc: &mut Map<String, Value>| {
                let name = doc.get("name").and_then(Value::as_str).map(str::to_string);
                let id = doc.get("id").and_then(Value::as_str).map(str::to_string);
                let Some(d) = villages.iter_mut().find(|d| Some(&d.village) == name.as_ref() || Some(&d.village) == id.as_ref()) else { return };
                let derived = values_of(d);
                let Some(Value::Object(values)) = doc.get_mut("values") else { return };
                for (k, v) in derived {
                    if !values.contains_key(&k) {
                        values.insert(k.clone(), v);
                        if let Some(x) = d.values.iter_mut().find(|x| x.indicator == k) {
                            x.filled = true;
                        }
                    }
                }
            };
            let mut b = sheet_village::evaluate_filled(vh, vr, village_opts, &mut fill, true)?;
            let ranking = b.ranking.clone().ok_or_else(|| Failure::invalid(vec![crate::FieldError::new("$", "村级指标表中没有可评分的村")]))?;
            b.ranking = None;
            let missing: Vec<&str> = villages
                .iter()
                .filter(|d| !ranking.rows.iter().any(|r| r.village_name == d.village || r.village_id == d.village))
                .map(|d| d.village.as_str())
                .collect();
            if !missing.is_empty() {
                notes.push(format!("台账中的这些村在村级指标表中没有对应的行（按村名或村庄编号匹配），未评分：{}", missing.join("、")));
            }
            (ranking, Some(b))
        }
    };
    Ok(HouseholdVillages { households, villages, unassigned, notes, ranking, sheet })
}
