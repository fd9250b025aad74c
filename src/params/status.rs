//! Which value of every parameter is in force for a date and region, for the page's parameters
//! panel: the same resolution the rules use (through [`Scope`]), so the panel can never disagree
//! with a result.
use super::{DatedValue, Options, ParamUse, Scope};
use crate::error::{Failure, FieldError};
use chrono::NaiveDate;
use serde::Serialize;

/// One parameter with its whole history and the value in force.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct ParamStatus {
    pub id: String,
    pub label: String,
    pub unit: String,
    /// Which file (domain) it came from, e.g. `dibao.toml`.
    pub file: String,
    pub clause: Option<String>,
    pub description: Option<String>,
    pub values: Vec<DatedValue>,
    /// The value an evaluation on this date in this region would use (an override if one is set);
    /// absent when the parameter has no value yet on that date.
    pub in_force: Option<ParamUse>,
}

/// Every parameter of the set the options select (built-in, or merged with the user's), with the
/// value in force on `date`. Fails like an evaluation would on an unknown region or override.
pub fn in_force(date: &str, opts: &Options) -> Result<Vec<ParamStatus>, Failure> {
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| Failure::invalid(vec![FieldError::new("date", format!("核查日期「{date}」应为 YYYY-MM-DD 格式的有效日期"))]))?;
    let set = opts.param_set()?;
    let scope = Scope::new(set, date, opts)?;
    Ok(set
        .params
        .values()
        .map(|def| ParamStatus {
            id: def.id.to_string(),
            label: def.label.to_string(),
            unit: def.unit.to_string(),
            file: def.file.clone(),
            clause: def.clause.clone(),
            description: def.description.clone(),
            values: def.values.clone(),
            in_force: scope.get_named(&def.id).ok().and_then(|_| scope.used().into_iter().find(|u| u.id == def.id)).map(|u| (*u).clone()),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn shows_the_value_in_force_and_flags_overrides() {
        let list = in_force("2024-06-30", &Options::default()).unwrap();
        let std = list.iter().find(|p| p.id == "dibao.standard_annual").unwrap();
        let used = std.in_force.as_ref().unwrap();
        assert_eq!(used.region.as_deref(), Some("甘肃省"));
        assert!(!used.overridden);

        let mut opts = Options::default();
        opts.overrides.insert("dibao.standard_annual".into(), Decimal::from(5600));
        let list = in_force("2024-06-30", &opts).unwrap();
        let used = list.iter().find(|p| p.id == "dibao.standard_annual").unwrap().in_force.clone().unwrap();
        assert!(used.overridden);
        assert_eq!(used.value, Decimal::from(5600));
    }

    #[test]
    fn before_its_first_value_a_parameter_has_none_in_force() {
        // The 低保 standard's first value is from 2021; it is still listed, with its history.
        let list = in_force("2019-01-01", &Options::default()).unwrap();
        let std = list.iter().find(|p| p.id == "dibao.standard_annual").unwrap();
        assert!(std.in_force.is_none());
        assert!(!std.values.is_empty());
        // Every parameter whose earliest value is on or before the date has one in force.
        let date = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
        for p in &list {
            let has_earlier = p.values.iter().any(|v| v.from <= date);
            assert_eq!(p.in_force.is_some(), has_earlier, "{}", p.id);
        }
    }

    #[test]
    fn bad_date_region_and_override_are_errors() {
        assert!(matches!(in_force("2024-02-30", &Options::default()), Err(Failure::Invalid { .. })));
        let opts = Options { region: Some("火星".into()), ..Options::default() };
        assert!(matches!(in_force("2024-06-30", &opts), Err(Failure::Invalid { .. })));
        let mut opts = Options::default();
        opts.overrides.insert("no.such".into(), Decimal::ONE);
        let Err(Failure::Invalid { errors }) = in_force("2024-06-30", &opts) else { panic!() };
        assert_eq!(errors[0].path, "options.overrides.no.such");
    }
}
