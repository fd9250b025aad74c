//! The indicator system: dimensions, indicators, grades and 三类村庄 criteria as data, and its
//! validation.
//!
//! The seed asks for a village assessment (八(二十六)) but gives no indicator list, so the system
//! is data: a documented default (`indicators/default-2021.toml`, converted to JSON by build.rs)
//! that a county can replace at run time with a JSON document of the same shape
//! (`schemas/indicator-system.schema.json`). Built-in and user systems go through the same reader,
//! which reports every problem with its JSON path in Chinese.
use crate::choice_enum;
use crate::decode::{Choice, Decoder, Item, Obj};
use crate::error::Failure;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::sync::OnceLock;

/// The `schema` value every indicator system document carries.
pub const SYSTEM_SCHEMA: &str = "jingning.indicator-system/1";

const DEFAULT_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/indicators-default.json"));

/// Largest magnitude of any target, floor or value: keeps every product and quotient of two of
/// them far inside `Decimal`'s range.
pub const VALUE_LIMIT: Decimal = Decimal::from_parts(1_000_000_000, 0, 0, false, 0);

const MAX_INDICATORS: usize = 200;
const MAX_DIMENSIONS: usize = 20;
const MAX_STEPS: usize = 20;

choice_enum! {
    /// Which way an indicator improves.
    pub enum Direction {
        Higher = ("higher", "越高越好"),
        Lower = ("lower", "越低越好"),
    }
}

choice_enum! {
    /// Whose target an indicator's target is.
    pub enum Basis {
        County = ("county", "县级目标"),
        National = ("national", "国家目标"),
        DesignAssumption = ("design_assumption", "设计假设"),
    }
}

choice_enum! {
    /// Where an indicator, grade line or criterion comes from.
    pub enum SourceKind {
        Seed = ("seed", "实施意见条款"),
        NationalPlan = ("national_plan", "国家规划"),
        DesignAssumption = ("design_assumption", "设计假设"),
    }
}

choice_enum! {
    /// What a missing indicator value does to the total.
    pub enum MissingRule {
        Zero = ("zero", "缺失按零分计"),
        Exclude = ("exclude", "缺失项不计入，其权重按比例分配给有值的指标"),
    }
}

choice_enum! {
    /// How a value becomes a score between 0 and 1.
    pub enum MethodKind {
        Linear = ("linear", "线性计分（下限至目标）"),
        Steps = ("steps", "分档计分"),
        YesNo = ("yes_no", "是否计分"),
        RatioToCountyAverage = ("ratio_to_county_average", "与全县平均之比"),
        DifferenceToCountyAverage = ("difference_to_county_average", "与全县平均之差（百分点）"),
        Veto = ("veto", "否决项（不计分）"),
    }
}

choice_enum! {
    /// Who can supply an indicator's value: only village-level indicators are scored on a
    /// village's card; township and county statistics go to the county view.
    pub enum Scope {
        Village = ("village", "村级"),
        Township = ("township", "乡镇级"),
        County = ("county", "县级"),
    }
}

choice_enum! {
    /// The 五类村庄 of 四(八): a recorded input (the seed leaves the classing to the county's
    /// planning), shown on the card and in rankings, never computed.
    pub enum FiveType {
        Agglomeration = ("agglomeration", "集聚提升型"),
        Suburban = ("suburban", "城郊融合型"),
        Heritage = ("heritage", "特色保护型"),
        Relocation = ("relocation", "搬迁撤并型"),
        Undetermined = ("undetermined", "暂时看不准型"),
    }
}

choice_enum! {
    /// Level of a 乡村振兴示范村 (六(十六): 2 省级, 15 市级, 30 县级 in 2021).
    pub enum DemonstrationLevel {
        Province = ("province", "省级示范村"),
        City = ("city", "市级示范村"),
        County = ("county", "县级示范村"),
    }
}

choice_enum! {
    /// What a county target counts or averages over the villages of a file (the county view).
    pub enum Metric {
        MeanValue = ("mean_value", "各村数值的简单平均"),
        ShareYes = ("share_yes", "达到要求的村所占比例"),
        CountCleanVillage = ("count_clean_village", "省级清洁村庄数"),
        CountDemonstration = ("count_demonstration", "示范村数"),
        CountFiveType = ("count_five_type", "已划分五类村庄的村数"),
        CountyStatistic = ("county_statistic", "全县统计数"),
    }
}

choice_enum! {
    /// The 三类村庄 of 四(八).
    pub enum VillageClass {
        Consolidate = ("consolidate", "巩固村"),
        Expand = ("expand", "拓展村"),
        Lead = ("lead", "先行村"),
    }
}

choice_enum! {
    /// A test in a 三类村庄 rule.
    pub enum ConditionKind {
        Veto = ("veto", "有否决项"),
        TotalBelow = ("total_below", "总分低于"),
        TotalAtLeast = ("total_at_least", "总分不低于"),
        DimensionRateBelow = ("dimension_rate_below", "维度得分率低于"),
        DimensionRateAtLeast = ("dimension_rate_at_least", "维度得分率不低于"),
        AllDimensionsRateAtLeast = ("all_dimensions_rate_at_least", "各维度得分率均不低于"),
    }
}

choice_enum! {
    /// Whether a rule needs any or all of its conditions.
    pub enum Match {
        Any = ("any", "任一条件满足"),
        All = ("all", "全部条件满足"),
    }
}

/// A target: yes/no, or a number in the indicator's unit (a ratio for ratio-to-average).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Target {
    Yes(bool),
    Number(Decimal),
}

/// Where something comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Source {
    pub kind: SourceKind,
    /// Seed clause, e.g. `四(九)` (kind `seed`).
    pub clause: Option<String>,
    /// The words relied on, verbatim from the clause (kind `seed`).
    pub excerpt: Option<String>,
    /// The document and item (kind `national_plan`).
    pub document: Option<String>,
    /// Why, or what is assumed.
    pub note: Option<String>,
}

/// One step of a step-threshold method: reaching `at` earns `score` (0–1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Step {
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub at: Decimal,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub score: Decimal,
}

/// A scoring method and its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Method {
    pub kind: MethodKind,
    /// Value (or ratio) scoring 0 (`linear`, `ratio_to_county_average`).
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub floor: Option<Decimal>,
    /// Thresholds in order of improvement (`steps`); the last is the target and scores 1.
    pub steps: Option<Vec<Step>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Indicator {
    pub id: String,
    /// Chinese name shown to staff.
    pub name: String,
    /// Id of its dimension.
    pub dimension: String,
    pub unit: String,
    pub direction: Direction,
    #[cfg_attr(feature = "wasm", tsify(type = "boolean | string"))]
    pub target: Target,
    /// Points out of 100.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub weight: Decimal,
    pub method: Method,
    /// Missing the target fixes the grade (see [`IndicatorSystem::veto_grade`]).
    pub veto: bool,
    /// Year of the target.
    pub year: i32,
    /// The target is due by this year ("力争3年内" → 2024): assessed before it only when reached.
    pub due_year: Option<i32>,
    /// Who can supply the value (absent in a county's file: village).
    pub scope: Scope,
    pub basis: Basis,
    pub source: Source,
    pub note: Option<String>,
}

impl Indicator {
    pub fn takes_yes_no(&self) -> bool {
        matches!(self.target, Target::Yes(_))
    }

    /// Scored against a county average given with the village or the options.
    pub fn uses_county_average(&self) -> bool {
        matches!(self.method.kind, MethodKind::RatioToCountyAverage | MethodKind::DifferenceToCountyAverage)
    }

    /// The target in words, as staff read it ("不低于全县平均", "不低于 95%", "应为“是”").
    pub fn target_words(&self) -> String {
        let num = |t: Decimal| super::scoring::show(t, &self.unit);
        let not = if self.direction == Direction::Lower { "不高于" } else { "不低于" };
        let words = match (self.method.kind, self.target) {
            (_, Target::Yes(true)) => "应为“是”".to_string(),
            (_, Target::Yes(false)) => "应为“否”".to_string(),
            (MethodKind::RatioToCountyAverage, Target::Number(t)) if t == Decimal::ONE => format!("{not}全县平均"),
            (MethodKind::RatioToCountyAverage, Target::Number(t)) => format!("{not}全县平均的 {} 倍", t.normalize()),
            (MethodKind::DifferenceToCountyAverage, Target::Number(t)) if t.is_zero() => format!("{not}全县平均"),
            (MethodKind::DifferenceToCountyAverage, Target::Number(t)) if t > Decimal::ZERO => format!("比全县平均高 {} 个百分点及以上", t.normalize()),
            (MethodKind::DifferenceToCountyAverage, Target::Number(t)) => format!("比全县平均低不超过 {} 个百分点", (-t).normalize()),
            (_, Target::Number(t)) => format!("{not} {}", num(t)),
        };
        match self.due_year {
            Some(y) => format!("{words}（{y} 年前实现）"),
            None => words,
        }
    }
}

/// A county-level target of the seed (户厕 95 %, 80 省级清洁村庄, 示范村 2/15/30, 333 villages
/// classed …), set against what the villages of a file show (the county view).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct CountyTarget {
    pub id: String,
    pub name: String,
    pub metric: Metric,
    /// The indicator averaged or counted (`mean_value`, `share_yes`, `county_statistic`).
    pub indicator: Option<String>,
    /// The 示范村 level counted (`count_demonstration`).
    pub level: Option<DemonstrationLevel>,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub target: Decimal,
    /// Taken from the indicator (higher for counts); not part of the document.
    #[serde(skip)]
    pub direction: Direction,
    pub unit: String,
    pub year: i32,
    pub source: Source,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Dimension {
    pub id: String,
    pub name: String,
}

/// A grade and the lowest total that earns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Grade {
    pub grade: String,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub min: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Condition {
    pub kind: ConditionKind,
    pub dimension: Option<String>,
    /// Points for totals, percent for dimension rates.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub value: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct ClassRule {
    pub class: VillageClass,
    #[serde(rename = "match")]
    pub match_: Match,
    pub conditions: Vec<Condition>,
    /// The criterion in one Chinese sentence.
    pub note: String,
}

/// 三类村庄 criteria: rules tried in order, the first that holds decides; else `default_class`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Classification {
    pub default_class: VillageClass,
    pub source: Source,
    pub rules: Vec<ClassRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct IndicatorSystem {
    /// Always `jingning.indicator-system/1`.
    pub schema: String,
    pub id: String,
    pub name: String,
    pub year: i32,
    pub description: Option<String>,
    pub missing_rule: MissingRule,
    /// Share of the weight (percent) that must be assessed before a grade is given; below it the
    /// grade is withheld (absent: 0, always graded).
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub min_coverage: Decimal,
    /// The grade a veto fixes.
    pub veto_grade: String,
    /// Highest first; the last has `min` 0.
    pub grades: Vec<Grade>,
    pub grading_source: Source,
    pub dimensions: Vec<Dimension>,
    pub classification: Classification,
    pub indicators: Vec<Indicator>,
    /// The seed's county-level targets, for the county view.
    pub county_targets: Vec<CountyTarget>,
}

static DEFAULT: OnceLock<Result<IndicatorSystem, Failure>> = OnceLock::new();

impl IndicatorSystem {
    /// The built-in default (`indicators/default-2021.toml`).
    pub fn builtin() -> Result<&'static IndicatorSystem, Failure> {
        DEFAULT
            .get_or_init(|| {
                let v: Value = serde_json::from_str(DEFAULT_JSON).map_err(|e| Failure::calc(format!("内置指标体系无法读取：{e}")))?;
                IndicatorSystem::from_json(&v)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads and validates a system; every problem is reported with its path.
    pub fn from_json(v: &Value) -> Result<IndicatorSystem, Failure> {
        let mut d = Decoder::new();
        let Some(o) = d.root(v, "指标体系") else { return d.finish(None) };
        let system = read_system(&mut d, &o);
        d.finish(system)
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|x| x.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|x| x.id == id)
    }
}

const SYSTEM_FIELDS: &[&str] = &[
    "schema",
    "id",
    "name",
    "year",
    "description",
    "missing_rule",
    "min_coverage",
    "veto_grade",
    "grades",
    "grading_source",
    "dimensions",
    "classification",
    "indicators",
    "county_targets",
];

fn read_system(d: &mut Decoder, o: &Obj) -> Option<IndicatorSystem> {
    o.deny_unknown(d, SYSTEM_FIELDS);
    for (key, label) in [
        ("schema", "格式版本"),
        ("id", "体系编号"),
        ("name", "体系名称"),
        ("year", "年度"),
        ("missing_rule", "缺失值规则"),
        ("veto_grade", "否决等级"),
        ("grades", "等级"),
        ("grading_source", "等级线来源"),
        ("dimensions", "维度"),
        ("classification", "三类村庄判据"),
        ("indicators", "指标"),
    ] {
        o.require(d, key, label);
    }
    let schema = o.text(d, "schema", "格式版本", 60);
    if let Some(s) = &schema {
        if s != SYSTEM_SCHEMA {
            d.error(o.path_of("schema"), format!("「格式版本」应为 {SYSTEM_SCHEMA}，收到 {s}"));
        }
    }
    let id = o.text(d, "id", "体系编号", 60);
    let name = o.text(d, "name", "体系名称", 100);
    let year = o.int(d, "year", "年度", 2000, 2100);
    let description = o.text(d, "description", "说明", 2000);
    let missing_rule = o.choice(d, "missing_rule", "缺失值规则");
    let min_coverage = o.decimal(d, "min_coverage", "定级所需最低已评权重", Decimal::ZERO, Decimal::ONE_HUNDRED).unwrap_or(Decimal::ZERO);
    let veto_grade = o.text(d, "veto_grade", "否决等级", 20);
    let grades = o.array(d, "grades", "等级", 20).map(|items| read_grades(d, &o.path_of("grades"), &items));
    let grading_source = o.object(d, "grading_source", "等级线来源").and_then(|s| read_source(d, &s));
    let dimensions = o.array(d, "dimensions", "维度", MAX_DIMENSIONS).map(|items| read_dimensions(d, &items));
    let dim_ids: Vec<String> = dimensions.iter().flatten().map(|x| x.id.clone()).collect();
    let classification = o.object(d, "classification", "三类村庄判据").and_then(|c| read_classification(d, &c, &dim_ids));
    let indicators = o.array(d, "indicators", "指标", MAX_INDICATORS).map(|items| read_indicators(d, &items, &dim_ids));
    let county_targets =
        o.array(d, "county_targets", "县级目标", MAX_INDICATORS).map(|items| read_county_targets(d, &items, indicators.as_deref().unwrap_or_default()));

    if let (Some(g), Some(v)) = (&grades, &veto_grade) {
        if !g.iter().any(|x| &x.grade == v) {
            d.error(o.path_of("veto_grade"), format!("「否决等级」{v} 不在「等级」之中"));
        }
    }
    if let Some(inds) = &indicators {
        let total = inds.iter().try_fold(Decimal::ZERO, |acc, i| acc.checked_add(i.weight));
        if total != Some(Decimal::ONE_HUNDRED) {
            let shown = total.map(|t| t.normalize().to_string()).unwrap_or_else(|| "过大".into());
            d.error(o.path_of("indicators"), format!("各村级指标「权重」合计应恰为 100，实为 {shown}"));
        }
        if let Some(dims) = &dimensions {
            for (k, dim) in dims.iter().enumerate() {
                if !inds.iter().any(|i| i.dimension == dim.id) {
                    d.error(format!("{}[{k}]", o.path_of("dimensions")), format!("维度「{}」没有任何指标", dim.name));
                }
            }
        }
    }
    Some(IndicatorSystem {
        schema: schema?,
        id: id?,
        name: name?,
        year: year? as i32,
        description,
        missing_rule: missing_rule?,
        veto_grade: veto_grade?,
        grades: grades?,
        grading_source: grading_source?,
        dimensions: dimensions?,
        classification: classification?,
        indicators: indicators?,
        min_coverage: min_coverage.normalize(),
        county_targets: county_targets.unwrap_or_default(),
    })
}

fn read_county_targets(d: &mut Decoder, items: &[Item], indicators: &[Indicator]) -> Vec<CountyTarget> {
    let mut out: Vec<CountyTarget> = Vec::new();
    for item in items {
        let Some(o) = obj(d, item, "县级目标") else { continue };
        o.deny_unknown(d, &["id", "name", "metric", "indicator", "level", "target", "unit", "year", "source", "note"]);
        for (key, label) in [("name", "目标名称"), ("metric", "统计方式"), ("target", "目标值"), ("unit", "单位"), ("year", "目标年度"), ("source", "来源")]
        {
            o.require(d, key, label);
        }
        let id = read_id(d, &o, "县级目标编号");
        if let Some(id) = &id {
            if out.iter().any(|x| &x.id == id) {
                d.error(o.path_of("id"), format!("县级目标编号「{id}」重复"));
            }
        }
        let name = o.text(d, "name", "目标名称", 60);
        let metric: Option<Metric> = o.choice(d, "metric", "统计方式");
        let indicator = o.text(d, "indicator", "指标", 60);
        let level = o.choice(d, "level", "示范村级别");
        let target = o.decimal(d, "target", "目标值", -VALUE_LIMIT, VALUE_LIMIT);
        let unit = o.text(d, "unit", "单位", 20);
        let year = o.int(d, "year", "目标年度", 2000, 2100);
        let source = o.object(d, "source", "来源").and_then(|s| read_source(d, &s));
        let note = o.text(d, "note", "说明", 1000);
        let mut direction = Direction::Higher;
        if let Some(m) = metric {
            let wants_indicator = matches!(m, Metric::MeanValue | Metric::ShareYes | Metric::CountyStatistic);
            if wants_indicator {
                o.require(d, "indicator", "指标");
            }
            if m == Metric::CountDemonstration {
                o.require(d, "level", "示范村级别");
            }
            if let (true, Some(key)) = (wants_indicator, &indicator) {
                match indicators.iter().find(|i| &i.id == key) {
                    None => d.error(o.path_of("indicator"), format!("没有指标「{key}」")),
                    Some(i) => {
                        direction = i.direction;
                        let fits = match m {
                            Metric::ShareYes => i.takes_yes_no(),
                            Metric::MeanValue => !i.takes_yes_no() && i.scope == Scope::Village,
                            _ => !i.takes_yes_no() && i.scope != Scope::Village,
                        };
                        if !fits {
                            d.error(o.path_of("indicator"), format!("指标「{}」不适用统计方式「{}」", i.name, m.label()));
                        }
                    }
                }
            }
        }
        if let (Some(id), Some(name), Some(metric), Some(target), Some(unit), Some(year), Some(source)) = (id, name, metric, target, unit, year, source) {
            out.push(CountyTarget { id, name, metric, indicator, level, target: target.normalize(), direction, unit, year: year as i32, source, note });
        }
    }
    out
}

fn obj<'v>(d: &mut Decoder, item: &Item<'v>, label: &str) -> Option<Obj<'v>> {
    Obj::at(d, &item.path, item.value, label)
}

/// Reads an id of lower-case ASCII letters, digits and `_`: ids are JSON keys in village input.
fn read_id(d: &mut Decoder, o: &Obj, label: &str) -> Option<String> {
    o.require(d, "id", label);
    let id = o.text(d, "id", label, 60)?;
    if !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        d.error(o.path_of("id"), format!("「{label}」只能由小写英文字母、数字和下划线组成，收到 {id}"));
        return None;
    }
    Some(id)
}

fn read_grades(d: &mut Decoder, path: &str, items: &[Item]) -> Vec<Grade> {
    let mut out: Vec<Grade> = Vec::new();
    for item in items {
        let Some(g) = obj(d, item, "等级") else { continue };
        g.deny_unknown(d, &["grade", "min"]);
        g.require(d, "grade", "等级名称");
        g.require(d, "min", "最低分");
        let grade = g.text(d, "grade", "等级名称", 20);
        let min = g.decimal(d, "min", "最低分", Decimal::ZERO, Decimal::ONE_HUNDRED);
        if let (Some(grade), Some(min)) = (grade, min) {
            if let Some(prev) = out.last() {
                if min >= prev.min {
                    d.error(g.path_of("min"), format!("等级应按最低分从高到低排列：{grade} 的最低分 {min} 不低于 {} 的 {}", prev.grade, prev.min));
                }
            }
            if out.iter().any(|x| x.grade == grade) {
                d.error(g.path_of("grade"), format!("等级「{grade}」重复"));
            }
            out.push(Grade { grade, min });
        }
    }
    match out.last() {
        None => d.error(path, "「等级」至少要有一项"),
        Some(last) if !last.min.is_zero() => d.error(path, format!("最低一档「{}」的最低分应为 0，任何总分都要有等级", last.grade)),
        _ => {}
    }
    out
}

fn read_dimensions(d: &mut Decoder, items: &[Item]) -> Vec<Dimension> {
    let mut out: Vec<Dimension> = Vec::new();
    for item in items {
        let Some(o) = obj(d, item, "维度") else { continue };
        o.deny_unknown(d, &["id", "name"]);
        o.require(d, "name", "维度名称");
        let id = read_id(d, &o, "维度编号");
        let name = o.text(d, "name", "维度名称", 40);
        if let (Some(id), Some(name)) = (id, name) {
            if out.iter().any(|x| x.id == id) {
                d.error(o.path_of("id"), format!("维度编号「{id}」重复"));
            }
            out.push(Dimension { id, name });
        }
    }
    out
}

fn read_source(d: &mut Decoder, o: &Obj) -> Option<Source> {
    o.deny_unknown(d, &["kind", "clause", "excerpt", "document", "note"]);
    o.require(d, "kind", "来源类型");
    let kind = o.choice(d, "kind", "来源类型")?;
    let clause = o.text(d, "clause", "条款", 20);
    let excerpt = o.text(d, "excerpt", "原文摘录", 500);
    let document = o.text(d, "document", "文件", 300);
    let note = o.text(d, "note", "说明", 1000);
    match kind {
        SourceKind::Seed => {
            o.require(d, "clause", "条款");
            o.require(d, "excerpt", "原文摘录");
            if let (Some(c), Some(e)) = (&clause, &excerpt) {
                match crate::policy::clause(c) {
                    None => d.error(o.path_of("clause"), format!("实施意见中没有条款「{c}」")),
                    Some(text) if !text.text.contains(e.as_str()) => d.error(o.path_of("excerpt"), format!("「原文摘录」不是条款 {c} 的原文（须逐字一致）")),
                    Some(_) => {}
                }
            }
        }
        SourceKind::NationalPlan => {
            o.require(d, "document", "文件");
        }
        SourceKind::DesignAssumption => {
            o.require(d, "note", "说明");
        }
    }
    Some(Source { kind, clause, excerpt, document, note })
}

fn read_classification(d: &mut Decoder, o: &Obj, dims: &[String]) -> Option<Classification> {
    o.deny_unknown(d, &["default_class", "source", "rules"]);
    o.require(d, "default_class", "默认类别");
    o.require(d, "source", "判据来源");
    o.require(d, "rules", "判据规则");
    let default_class = o.choice(d, "default_class", "默认类别");
    let source = o.object(d, "source", "判据来源").and_then(|s| read_source(d, &s));
    let mut rules = Vec::new();
    for item in o.array(d, "rules", "判据规则", 20).unwrap_or_default() {
        let Some(r) = obj(d, &item, "判据规则") else { continue };
        r.deny_unknown(d, &["class", "match", "conditions", "note"]);
        r.require(d, "class", "类别");
        r.require(d, "match", "匹配方式");
        r.require(d, "conditions", "条件");
        r.require(d, "note", "判据说明");
        let class = r.choice(d, "class", "类别");
        let match_ = r.choice(d, "match", "匹配方式");
        let note = r.text(d, "note", "判据说明", 500);
        let mut conditions = Vec::new();
        let items = r.array(d, "conditions", "条件", 20).unwrap_or_default();
        if items.is_empty() {
            d.error(r.path_of("conditions"), "「条件」至少要有一项");
        }
        for c in items {
            if let Some(c) = obj(d, &c, "条件").and_then(|c| read_condition(d, &c, dims)) {
                conditions.push(c);
            }
        }
        if let (Some(class), Some(match_), Some(note)) = (class, match_, note) {
            rules.push(ClassRule { class, match_, conditions, note });
        }
    }
    Some(Classification { default_class: default_class?, source: source?, rules })
}

fn read_condition(d: &mut Decoder, o: &Obj, dims: &[String]) -> Option<Condition> {
    o.deny_unknown(d, &["kind", "dimension", "value"]);
    o.require(d, "kind", "条件类型");
    let kind: ConditionKind = o.choice(d, "kind", "条件类型")?;
    let dimension = o.text(d, "dimension", "维度", 60);
    let value = o.decimal(d, "value", "阈值", Decimal::ZERO, Decimal::ONE_HUNDRED);
    let needs_dimension = matches!(kind, ConditionKind::DimensionRateBelow | ConditionKind::DimensionRateAtLeast);
    if needs_dimension {
        o.require(d, "dimension", "维度");
        if let Some(dim) = &dimension {
            if !dims.contains(dim) {
                d.error(o.path_of("dimension"), format!("没有维度「{dim}」"));
            }
        }
    }
    if kind != ConditionKind::Veto {
        o.require(d, "value", "阈值");
    }
    Some(Condition { kind, dimension, value })
}

const INDICATOR_FIELDS: &[&str] =
    &["id", "name", "dimension", "unit", "direction", "target", "weight", "method", "veto", "year", "due_year", "scope", "basis", "source", "note"];

fn read_indicators(d: &mut Decoder, items: &[Item], dims: &[String]) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    let mut seen = BTreeSet::new();
    for item in items {
        let Some(o) = obj(d, item, "指标") else { continue };
        let id = read_id(d, &o, "指标编号");
        if let Some(id) = &id {
            if !seen.insert(id.clone()) {
                d.error(o.path_of("id"), format!("指标编号「{id}」重复"));
            }
        }
        if let Some(ind) = read_indicator(d, &o, id, dims) {
            out.push(ind);
        }
    }
    out
}

fn read_indicator(d: &mut Decoder, o: &Obj, id: Option<String>, dims: &[String]) -> Option<Indicator> {
    o.deny_unknown(d, INDICATOR_FIELDS);
    for (key, label) in [
        ("name", "指标名称"),
        ("dimension", "所属维度"),
        ("unit", "单位"),
        ("direction", "方向"),
        ("target", "目标值"),
        ("weight", "权重"),
        ("method", "计分方法"),
        ("veto", "是否否决项"),
        ("year", "目标年度"),
        ("basis", "目标依据"),
        ("source", "来源"),
    ] {
        o.require(d, key, label);
    }
    let name = o.text(d, "name", "指标名称", 60);
    let dimension = o.text(d, "dimension", "所属维度", 60);
    if let Some(dim) = &dimension {
        if !dims.contains(dim) {
            d.error(o.path_of("dimension"), format!("没有维度「{dim}」"));
        }
    }
    let unit = o.text(d, "unit", "单位", 20);
    let direction = o.choice(d, "direction", "方向");
    let target = match o.raw("target").map(|v| v.as_bool()) {
        Some(Some(b)) => Some(Target::Yes(b)),
        Some(None) => o.decimal(d, "target", "目标值", -VALUE_LIMIT, VALUE_LIMIT).map(Target::Number),
        None => None,
    };
    let weight = o.decimal(d, "weight", "权重", Decimal::ZERO, Decimal::ONE_HUNDRED);
    if let Some(w) = weight {
        if w.normalize().scale() > 2 {
            d.error(o.path_of("weight"), format!("「权重」最多两位小数，收到 {w}"));
        }
    }
    let veto = o.bool(d, "veto", "是否否决项");
    let year = o.int(d, "year", "目标年度", 2000, 2100);
    let due_year = o.int(d, "due_year", "完成年限", 2000, 2100).map(|y| y as i32);
    let scope: Scope = o.choice(d, "scope", "指标层级").unwrap_or(Scope::Village);
    let basis = o.choice(d, "basis", "目标依据");
    let source = o.object(d, "source", "来源").and_then(|s| read_source(d, &s));
    let note = o.text(d, "note", "说明", 1000);
    let method = o.object(d, "method", "计分方法").and_then(|m| read_method(d, &m, target, direction));
    if let (Some(m), Some(w), Some(v)) = (&method, weight, veto) {
        if m.kind == MethodKind::Veto && (!w.is_zero() || !v) {
            d.error(o.path_of("weight"), "否决项（veto）计分方法的指标「权重」应为 0 且「是否否决项」应为 true");
        }
        if scope != Scope::Village && (!w.is_zero() || v) {
            d.error(o.path_of("scope"), "乡镇级、县级指标不按村计分：「权重」应为 0、「是否否决项」应为 false（它们列在全县视图中）");
        } else if m.kind != MethodKind::Veto && w.is_zero() && scope == Scope::Village {
            d.error(o.path_of("weight"), "计分指标的「权重」应大于 0（只否决不计分的指标请用 veto 方法）");
        }
    }
    Some(Indicator {
        id: id?,
        name: name?,
        dimension: dimension?,
        unit: unit?,
        direction: direction?,
        target: target?,
        weight: weight?.normalize(),
        method: method?,
        veto: veto?,
        year: year? as i32,
        due_year,
        scope,
        basis: basis?,
        source: source?,
        note,
    })
}

/// Reads the method and checks it against the target: the right target type, and floors and
/// steps on the losing side of the target, in order.
fn read_method(d: &mut Decoder, o: &Obj, target: Option<Target>, direction: Option<Direction>) -> Option<Method> {
    o.deny_unknown(d, &["kind", "floor", "steps"]);
    o.require(d, "kind", "计分方法类型");
    let kind: MethodKind = o.choice(d, "kind", "计分方法类型")?;
    let floor = o.decimal(d, "floor", "下限", -VALUE_LIMIT, VALUE_LIMIT);
    let target_path = o.path().trim_end_matches(".method").to_string() + ".target";
    let numeric = |d: &mut Decoder| match target {
        Some(Target::Number(t)) => Some(t),
        Some(Target::Yes(_)) => {
            d.error(&target_path, format!("{}方法的「目标值」应为数值", kind.label()));
            None
        }
        None => None,
    };
    let better = |a: Decimal, b: Decimal| match direction {
        Some(Direction::Lower) => a < b,
        _ => a > b,
    };
    let mut steps = None;
    match kind {
        MethodKind::Linear | MethodKind::RatioToCountyAverage | MethodKind::DifferenceToCountyAverage => {
            o.require(d, "floor", "下限");
            if let (Some(t), Some(f)) = (numeric(d), floor) {
                if !better(t, f) {
                    let side = if direction == Some(Direction::Lower) { "高于" } else { "低于" };
                    d.error(o.path_of("floor"), format!("「下限」{f} 应{side}「目标值」{t}"));
                }
                if kind == MethodKind::RatioToCountyAverage && (t <= Decimal::ZERO || f < Decimal::ZERO) {
                    d.error(o.path_of("floor"), "与全县平均之比的「目标值」应大于 0、「下限」不应为负");
                }
            }
        }
        MethodKind::Steps => {
            o.require(d, "steps", "分档");
            let t = numeric(d);
            let items = o.array(d, "steps", "分档", MAX_STEPS).unwrap_or_default();
            let mut list: Vec<Step> = Vec::new();
            for item in &items {
                let Some(s) = obj(d, item, "分档") else { continue };
                s.deny_unknown(d, &["at", "score"]);
                s.require(d, "at", "档位值");
                s.require(d, "score", "得分率");
                let at = s.decimal(d, "at", "档位值", -VALUE_LIMIT, VALUE_LIMIT);
                let score = s.decimal(d, "score", "得分率", Decimal::ZERO, Decimal::ONE);
                if let (Some(at), Some(score)) = (at, score) {
                    if let Some(prev) = list.last() {
                        if !better(at, prev.at) || score <= prev.score {
                            d.error(&item.path, "「分档」应按由差到好排列：档位值逐档变好，得分率逐档升高");
                        }
                    }
                    list.push(Step { at, score });
                }
            }
            match (list.last(), t) {
                (None, _) => d.error(o.path_of("steps"), "「分档」至少要有一档"),
                (Some(last), Some(t)) if last.at != t || last.score != Decimal::ONE => d.error(o.path_of("steps"), format!("最后一档应为目标值 {t}、得分率 1")),
                _ => {}
            }
            steps = Some(list);
        }
        MethodKind::YesNo => {
            if let Some(Target::Number(_)) = target {
                d.error(&target_path, "是否计分方法的「目标值」应为 true 或 false");
            }
        }
        MethodKind::Veto => {}
    }
    Some(Method { kind, floor, steps })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn default_json() -> Value {
        serde_json::to_value(IndicatorSystem::builtin().unwrap()).unwrap()
    }

    fn error_paths(v: &Value) -> Vec<String> {
        match IndicatorSystem::from_json(v) {
            Err(Failure::Invalid { errors }) => errors.into_iter().map(|e| e.path).collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn weights_must_sum_to_exactly_100_in_decimals() {
        let mut v = default_json();
        // 10 → 9.99: off by one hundredth, which a float sum could hide.
        v["indicators"][1]["weight"] = json!("9.99");
        assert_eq!(error_paths(&v), ["$.indicators"]);
        // Re-split the same 10 points into thirds of two decimals: valid.
        v["indicators"][1]["weight"] = json!("3.33");
        v["indicators"][2]["weight"] = json!("11.34");
        v["indicators"][3]["weight"] = json!("8.33");
        assert!(IndicatorSystem::from_json(&v).is_ok());
        v["indicators"][1]["weight"] = json!("3.333");
        assert!(error_paths(&v).contains(&"$.indicators[1].weight".to_string()));
    }

    #[test]
    fn targets_and_methods_must_agree() {
        let mut v = default_json();
        v["indicators"][11]["method"] = json!({ "kind": "linear", "floor": "1" }); // a yes/no target
        v["indicators"][10]["target"] = Value::Null;
        v["indicators"][25]["method"]["floor"] = json!("20"); // lower is better: floor must be above 29.2
        let paths = error_paths(&v);
        for p in ["$.indicators[11].target", "$.indicators[10].target", "$.indicators[25].method.floor"] {
            assert!(paths.contains(&p.to_string()), "{p} not in {paths:?}");
        }
    }

    #[test]
    fn county_statistics_carry_no_weight_and_county_targets_name_real_indicators() {
        let mut v = default_json();
        v["indicators"][25]["weight"] = json!("2"); // 恩格尔系数, a county statistic
        v["indicators"][24]["weight"] = json!("2"); // keep the village weights at 100
        v["county_targets"][0]["indicator"] = json!("no_such_indicator");
        let paths = error_paths(&v);
        assert!(paths.contains(&"$.indicators[25].scope".to_string()), "{paths:?}");
        assert!(paths.contains(&"$.county_targets[0].indicator".to_string()), "{paths:?}");
    }

    #[test]
    fn a_veto_only_indicator_carries_no_weight() {
        let mut v = default_json();
        v["indicators"][0]["weight"] = json!("1");
        v["indicators"][1]["weight"] = json!("9");
        assert_eq!(error_paths(&v), ["$.indicators[0].weight"]);
    }

    #[test]
    fn grades_descend_to_zero_and_the_veto_grade_exists() {
        let mut v = default_json();
        v["grades"] = json!([{ "grade": "好", "min": "60" }, { "grade": "差", "min": "70" }]);
        v["veto_grade"] = json!("否决");
        let paths = error_paths(&v);
        assert!(paths.contains(&"$.grades[1].min".to_string()), "{paths:?}");
        assert!(paths.contains(&"$.grades".to_string()), "{paths:?}");
        assert!(paths.contains(&"$.veto_grade".to_string()), "{paths:?}");
    }
}
