//! A village (or a list of villages) as JSON text: assessed and ranked with the default system.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = jingning_policy::village::assess_json(text, "");
        let _ = jingning_policy::village::rank_json(text, "");
    }
});
