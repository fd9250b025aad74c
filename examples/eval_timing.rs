//! A quick timing of one household evaluation that holds up on a busy machine: the best of 15
//! rounds of 20,000 evaluations (other work only ever adds time, so the minimum is the cleanest
//! figure). Criterion (`cargo bench --bench household`) gives the reported figure; this is for
//! comparing two builds while something else runs. Run:
//! `cargo run --release --example eval_timing [case.json]` (the release profile is size-tuned;
//! add `CARGO_PROFILE_RELEASE_OPT_LEVEL=3` to match the benchmark).
use jingning_policy::case;
use jingning_policy::household::evaluate;
use jingning_policy::params::Options;
use std::hint::black_box;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/household-5.json".into());
    let text = std::fs::read_to_string(&path).expect("case file");
    let case = case::from_json(&text).expect("valid case");
    let opts = Options::default();
    const N: u32 = 20_000;
    let round = |f: &dyn Fn()| {
        (0..15)
            .map(|_| {
                let t = Instant::now();
                for _ in 0..N {
                    f();
                }
                t.elapsed() / N
            })
            .min()
            .unwrap_or_default()
    };
    let eval = round(&|| drop(black_box(evaluate(black_box(&case), &opts).unwrap())));
    let decode = round(&|| drop(black_box(case::from_json(black_box(&text)).unwrap())));
    println!("{path}: evaluate {eval:?}, decode {decode:?} (best of 15 rounds of {N})");
}
