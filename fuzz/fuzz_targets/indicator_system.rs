//! A user indicator system (the page's 导入指标体系): validated, and when accepted used to
//! assess a village and to write the village template.
#![no_main]
use libfuzzer_sys::fuzz_target;

const VILLAGE: &str = r#"{"schema":"jingning.village-input/1","id":"1","name":"甲村","values":{"sanitary_toilet_rate":"90","lighting_full_coverage":true}}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(v) = jingning_policy::decode::parse_json(text) else { return };
    if jingning_policy::village::IndicatorSystem::from_json(&v).is_ok() {
        let options = serde_json::json!({ "indicator_system": v }).to_string();
        let _ = jingning_policy::village::assess_json(VILLAGE, &options);
        if let Ok(o) = jingning_policy::village::input::VillageOptions::from_json(&serde_json::json!({ "indicator_system": v })) {
            if let Ok(system) = o.system() {
                let _ = jingning_policy::batch::write::village_template(system);
            }
        }
    }
});
