//! The village input format (`schemas/village-input.schema.json`) and the assessment options.
//!
//! A village is its identity plus one value per indicator of the system in use:
//! `{ "schema": "jingning.village-input/1", "id": "…", "name": "…村", "township": "…镇",
//!    "year": 2021, "values": { "sanitary_toilet_rate": "96.5", "lighting_full_coverage": true },
//!    "county_averages": { "poverty_income_growth": "9.8" } }`.
//! Which values are yes/no and which numbers is decided by the indicator's target, so the input
//! can only be read against a system. An indicator without a value is missing (never an error).
use super::system::{DemonstrationLevel, FiveType, IndicatorSystem, VALUE_LIMIT};
use crate::decode::{Decoder, Obj};
use crate::error::Failure;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// The `schema` value of a village input.
pub const INPUT_SCHEMA: &str = "jingning.village-input/1";

/// Most villages one ranking call takes: the county has 333; the margin allows for merged data.
pub const MAX_VILLAGES: usize = 5000;

/// One indicator value: yes/no or a number in the indicator's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum IndicatorValue {
    Yes(bool),
    Number(Decimal),
}

#[derive(Debug, Clone, PartialEq)]
pub struct VillageInput {
    pub id: String,
    pub name: String,
    pub township: Option<String>,
    pub year: Option<i32>,
    pub values: BTreeMap<String, IndicatorValue>,
    /// County averages this village's ratio indicators are compared with.
    pub county_averages: BTreeMap<String, Decimal>,
    /// 五类村庄 as recorded by the county's planning (四(八)); never computed.
    pub five_type: Option<FiveType>,
    /// 乡村振兴示范村 level (六(十六)), if any.
    pub demonstration: Option<DemonstrationLevel>,
    /// Created as a 省级清洁村庄 (四(九)).
    pub provincial_clean_village: Option<bool>,
    /// JSON path of the village in the document (for `missing` paths).
    pub path: String,
}

/// Evaluation options: `{ indicator_system?, county_averages?, include_assessments? }`.
#[derive(Debug, Clone, Default)]
pub struct VillageOptions {
    /// A user-supplied system replacing the default.
    pub system: Option<IndicatorSystem>,
    /// County averages for every village (a village's own `county_averages` take precedence).
    pub county_averages: BTreeMap<String, Decimal>,
    /// `rankVillages` also returns every village's full assessment.
    pub include_assessments: bool,
    /// County-level statistics (恩格尔系数 …) for the county view: indicator id → value.
    pub county_statistics: BTreeMap<String, Decimal>,
}

impl VillageOptions {
    pub fn from_json(v: &Value) -> Result<VillageOptions, Failure> {
        let mut opts = VillageOptions::default();
        if v.is_null() {
            return Ok(opts);
        }
        let mut d = Decoder::new();
        if let Some(o) = d.root(v, "选项") {
            o.deny_unknown(&mut d, &["indicator_system", "county_averages", "county_statistics", "include_assessments"]);
            if let Some(s) = o.raw("indicator_system") {
                match IndicatorSystem::from_json(&s.to_json()) {
                    Ok(sys) => opts.system = Some(sys),
                    Err(Failure::Invalid { errors }) => {
                        for e in errors {
                            d.error(e.path.replacen('$', "$.indicator_system", 1), e.message);
                        }
                    }
                    Err(other) => return Err(other),
                }
            }
            opts.include_assessments = o.bool(&mut d, "include_assessments", "返回每村完整结果").unwrap_or(false);
            if let Some(avg) = o.object(&mut d, "county_averages", "全县平均值") {
                // Not checked against the system: averages entered once in the page apply to any system.
                opts.county_averages = read_averages(&mut d, &avg, None);
            }
            if let Some(stats) = o.object(&mut d, "county_statistics", "全县统计数") {
                for key in stats.keys() {
                    if let Some(x) = stats.decimal(&mut d, key, &format!("{key} 的全县统计数"), -VALUE_LIMIT, VALUE_LIMIT) {
                        opts.county_statistics.insert(key.to_string(), x);
                    }
                }
            }
        }
        d.finish(Some(opts))
    }

    /// The system in use: the user's, else the built-in default.
    pub fn system(&self) -> Result<&IndicatorSystem, Failure> {
        match &self.system {
            Some(s) => Ok(s),
            None => IndicatorSystem::builtin(),
        }
    }
}

fn read_averages(d: &mut Decoder, o: &Obj, system: Option<&IndicatorSystem>) -> BTreeMap<String, Decimal> {
    let mut out = BTreeMap::new();
    for key in o.keys() {
        if let Some(sys) = system {
            match sys.indicator(key) {
                Some(i) if i.uses_county_average() => {}
                _ => {
                    d.error(o.path_of(key), format!("「{key}」不是与全县平均比较计分的指标"));
                    continue;
                }
            }
        }
        if let Some(x) = o.decimal(d, key, &format!("{key} 的全县平均值"), -VALUE_LIMIT, VALUE_LIMIT) {
            out.insert(key.to_string(), x);
        }
    }
    out
}

const FIELDS: &[&str] = &["schema", "id", "name", "township", "year", "values", "county_averages", "five_type", "demonstration", "provincial_clean_village"];

impl VillageInput {
    /// Reads one village at `path` (`$` for a single document, `$.villages[3]` in a list).
    pub fn read(d: &mut Decoder, path: &str, v: &Value, system: &IndicatorSystem) -> Option<VillageInput> {
        let o = Obj::at(d, path, v, "村庄")?;
        o.deny_unknown(d, FIELDS);
        o.require(d, "schema", "格式版本");
        o.require(d, "id", "村庄编号");
        o.require(d, "name", "村名");
        o.require(d, "values", "指标值");
        if let Some(s) = o.text(d, "schema", "格式版本", 60) {
            if s != INPUT_SCHEMA {
                d.error(o.path_of("schema"), format!("「格式版本」应为 {INPUT_SCHEMA}，收到 {s}"));
            }
        }
        let id = o.text(d, "id", "村庄编号", 60);
        let name = o.text(d, "name", "村名", 60);
        // Blank text reads as absent, which `require` (present, not null) let through: without
        // this a blank id ended in "$: 输入无法读取" naming no field.
        for (key, label, value) in [("id", "村庄编号", &id), ("name", "村名", &name)] {
            if value.is_none() && o.raw(key).and_then(|v| v.as_str()).is_some_and(|s| s.trim().is_empty()) {
                d.error(o.path_of(key), format!("「{label}」不能为空"));
            }
        }
        let township = o.text(d, "township", "乡镇", 60);
        let year = o.int(d, "year", "考核年度", 2000, 2100).map(|y| y as i32);
        let values = o.object(d, "values", "指标值").map(|vals| read_values(d, &vals, system));
        let county_averages = o.object(d, "county_averages", "全县平均值").map(|a| read_averages(d, &a, Some(system))).unwrap_or_default();
        let five_type = o.choice(d, "five_type", "五类村庄");
        let demonstration = o.choice(d, "demonstration", "乡村振兴示范村");
        let provincial_clean_village = o.bool(d, "provincial_clean_village", "省级清洁村庄");
        Some(VillageInput {
            id: id?,
            name: name?,
            township,
            year,
            values: values?,
            county_averages,
            five_type,
            demonstration,
            provincial_clean_village,
            path: path.to_string(),
        })
    }

    pub fn from_json(v: &Value, system: &IndicatorSystem) -> Result<VillageInput, Failure> {
        let mut d = Decoder::new();
        let village = VillageInput::read(&mut d, "$", v, system);
        d.finish(village)
    }
}

fn read_values(d: &mut Decoder, o: &Obj, system: &IndicatorSystem) -> BTreeMap<String, IndicatorValue> {
    let mut out = BTreeMap::new();
    for key in o.keys() {
        let Some(ind) = system.indicator(key) else {
            d.error(o.path_of(key), format!("指标体系「{}」中没有指标「{key}」", system.name));
            continue;
        };
        let label = ind.name.as_str();
        let value = if ind.takes_yes_no() {
            o.bool(d, key, label).map(IndicatorValue::Yes)
        } else {
            // A share of households or villages cannot leave 0–100 %; growth rates and ratios can.
            let bounded = ind.unit == "%" && !ind.uses_county_average();
            let (min, max) = if bounded { (Decimal::ZERO, Decimal::ONE_HUNDRED) } else { (-VALUE_LIMIT, VALUE_LIMIT) };
            o.decimal(d, key, label, min, max).map(|x| IndicatorValue::Number(x.normalize()))
        };
        if let Some(v) = value {
            out.insert(key.to_string(), v);
        }
    }
    out
}
