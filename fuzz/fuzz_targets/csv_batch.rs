//! A CSV ledger as the page reads it (whole, then evaluated and exported) and as the command line
//! streams it: any bytes give results or a Chinese message, never a panic.
#![no_main]
use jingning_policy::batch::read::read_file;
use jingning_policy::batch::{stream, write, BatchOptions, Session};
use libfuzzer_sys::fuzz_target;

fn options() -> BatchOptions {
    BatchOptions::from_text(r#"{"assessment_date":"2024-06-30"}"#).unwrap()
}

fuzz_target!(|data: &[u8]| {
    if let Ok(sheet) = read_file(data, "台账.csv") {
        if let Ok(mut s) = Session::new(sheet.headers.clone(), sheet.rows.clone(), options()) {
            s.run();
            let _ = write::csv_bytes_by(&s.plan, &sheet.preamble, &s.rows, &s.households, &s.owners());
        }
    }
    if let Ok((plan, rows, _)) = stream::open_csv(data, options()) {
        let _ = stream::drive(&plan, rows, 1, |_, _| Ok(()));
    }
});
