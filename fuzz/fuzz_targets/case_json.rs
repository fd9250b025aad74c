//! A household case as JSON text (the page's 打开案例, `jingning household`): any bytes give a
//! result or a list of field errors, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = jingning_policy::household::evaluate_json(text, "");
    }
});
