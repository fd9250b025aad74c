//! Evaluation options as JSON text (`--options`, the page's imported settings): region,
//! overrides and whole parameter files, applied to a real case so that accepted overrides are
//! also computed with.
#![no_main]
use libfuzzer_sys::fuzz_target;

const CASE: &str = include_str!("../../examples/household-5.json");

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = jingning_policy::household::evaluate_json(CASE, text);
        let _ = jingning_policy::household::dibao_income::check_json(r#"{"assessment_date":"2024-06-30","household_size":3,"incomes":{"wage":"9000"}}"#, text);
        if let Ok(v) = jingning_policy::decode::parse_json(text) {
            if let Ok(o) = jingning_policy::params::Options::from_json(&v) {
                let _ = jingning_policy::params::in_force("2024-06-30", &o);
            }
        }
    }
});
