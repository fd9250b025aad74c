//! The 三类村庄 suggestion (巩固村 / 拓展村 / 先行村, seed 四(八)) from a village's scores.
//!
//! The seed names the three classes but not how to sort villages into them, so the criteria are
//! data in the indicator system (marked design assumption in the default): rules tried in order,
//! the first that holds decides, else the default class. The result names the rule and the
//! conditions that held, so staff can see why.
use super::assess::DimensionScore;
use super::system::{Condition, ConditionKind, IndicatorSystem, Match, Source, SourceKind, VillageClass};
use crate::decode::Choice;
use rust_decimal::Decimal;
use serde::Serialize;

/// The suggested class and the criterion that decided it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct ClassSuggestion {
    pub class: VillageClass,
    /// 巩固村 / 拓展村 / 先行村
    pub label: String,
    /// The rule's criterion, or why the default applies.
    pub criterion: String,
    /// Index of the rule that decided, null for the default class.
    pub rule: Option<usize>,
    /// The conditions that held, in Chinese.
    pub met: Vec<String>,
    /// Every criterion of the system, in the order tried, and whether it decided.
    pub criteria: Vec<Criterion>,
    /// Whose criteria these are ("由县里确定 …"; the default's are a design assumption).
    pub set_by: String,
    pub source: Source,
}

/// One 三类村庄 rule as staff read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct Criterion {
    pub class: VillageClass,
    pub label: String,
    pub note: String,
    /// This rule decided the class.
    pub decided: bool,
}

fn rate_of<'a>(dims: &'a [DimensionScore], id: &str) -> Option<(&'a DimensionScore, Decimal)> {
    dims.iter().find(|d| d.id == id).and_then(|d| d.rate.map(|r| (d, r)))
}

/// Whether a condition holds, and its description when it does. A dimension whose indicators were
/// all excluded has no rate: conditions on it do not hold.
fn check(c: &Condition, total: Decimal, vetoed: bool, dims: &[DimensionScore]) -> Option<String> {
    let value = c.value.unwrap_or_default();
    let dim = c.dimension.as_deref().unwrap_or("");
    match c.kind {
        ConditionKind::Veto => vetoed.then(|| "有否决项".to_string()),
        ConditionKind::TotalBelow => (total < value).then(|| format!("总分 {total} 低于 {}", value.normalize())),
        ConditionKind::TotalAtLeast => (total >= value).then(|| format!("总分 {total} 不低于 {}", value.normalize())),
        ConditionKind::DimensionRateBelow => {
            rate_of(dims, dim).filter(|(_, r)| *r < value).map(|(d, r)| format!("{}得分率 {r}% 低于 {}%", d.name, value.normalize()))
        }
        ConditionKind::DimensionRateAtLeast => {
            rate_of(dims, dim).filter(|(_, r)| *r >= value).map(|(d, r)| format!("{}得分率 {r}% 不低于 {}%", d.name, value.normalize()))
        }
        ConditionKind::AllDimensionsRateAtLeast => {
            let all = !dims.is_empty() && dims.iter().all(|d| d.rate.is_some_and(|r| r >= value));
            all.then(|| format!("各维度得分率均不低于 {}%", value.normalize()))
        }
    }
}

pub fn classify(system: &IndicatorSystem, total: Decimal, vetoed: bool, dims: &[DimensionScore]) -> ClassSuggestion {
    let c = &system.classification;
    let set_by = match c.source.kind {
        SourceKind::DesignAssumption => {
            "判据由县里确定：实施意见 四(八) 只规定划分三类村庄，未给标准；此处判据为默认体系的设计假设，县里可在指标体系中改定".to_string()
        }
        _ => "判据由县里确定（见指标体系的三类村庄判据及其来源）".to_string(),
    };
    let criteria = |decided: Option<usize>| -> Vec<Criterion> {
        c.rules
            .iter()
            .enumerate()
            .map(|(k, r)| Criterion { class: r.class, label: r.class.label().to_string(), note: r.note.clone(), decided: decided == Some(k) })
            .collect()
    };
    for (k, rule) in c.rules.iter().enumerate() {
        let results: Vec<Option<String>> = rule.conditions.iter().map(|x| check(x, total, vetoed, dims)).collect();
        let holds = match rule.match_ {
            Match::Any => results.iter().any(Option::is_some),
            Match::All => !results.is_empty() && results.iter().all(Option::is_some),
        };
        if holds {
            return ClassSuggestion {
                class: rule.class,
                label: rule.class.label().to_string(),
                criterion: rule.note.clone(),
                rule: Some(k),
                met: results.into_iter().flatten().collect(),
                criteria: criteria(Some(k)),
                set_by,
                source: c.source.clone(),
            };
        }
    }
    ClassSuggestion {
        class: c.default_class,
        label: c.default_class.label().to_string(),
        criterion: format!("不符合其他类别的判据，归入默认类别{}", c.default_class.label()),
        rule: None,
        met: Vec::new(),
        criteria: criteria(None),
        set_by,
        source: c.source.clone(),
    }
}
