//! An xlsx workbook as the page and the command line read it: household or village sheet,
//! evaluated and exported. The seeds are real workbooks, so the fuzzer mutates zip and XML.
#![no_main]
use jingning_policy::batch::read::{read_file_pick, Pick, SheetKind};
use jingning_policy::batch::{village, write, BatchOptions, Session};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(sheet) = read_file_pick(data, "台账.xlsx", &Pick::default()) else { return };
    match sheet.kind {
        Some(SheetKind::Village) => {
            let _ = village::evaluate(&sheet.headers, &sheet.rows, &Default::default());
        }
        _ => {
            let options = BatchOptions::from_text(r#"{"assessment_date":"2024-06-30"}"#).unwrap();
            if let Ok(mut s) = Session::new(sheet.headers.clone(), sheet.rows.clone(), options) {
                s.run();
                let _ = write::xlsx_by(&s.plan, &sheet.preamble, &s.rows, &s.households, &s.owners(), &s.summary);
            }
        }
    }
});
