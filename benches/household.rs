//! One household evaluation (5 members, every measure), natively. Target ≤ 5 µs; the figure goes
//! in docs/benchmarks.md. Run: `cargo bench --bench household`.
use criterion::{criterion_group, criterion_main, Criterion};
use jingning_policy::case;
use jingning_policy::household::evaluate;
use jingning_policy::params::Options;
use std::hint::black_box;

/// The allocator the native command line runs with (`src/bin/jingning.rs`), so the figure is the
/// CLI's; without the `cli` feature the system allocator is measured.
#[cfg(feature = "cli")]
#[global_allocator]
static ALLOCATOR: jingning_policy::native_alloc::Allocator = jingning_policy::native_alloc::Allocator;

fn household(c: &mut Criterion) {
    let text = include_str!("../examples/household-5.json");
    let case = case::from_json(text).expect("example case is valid");
    let opts = Options::default();
    c.bench_function("evaluate 5-member household", |b| b.iter(|| evaluate(black_box(&case), black_box(&opts)).unwrap()));
    c.bench_function("decode + evaluate 5-member household", |b| b.iter(|| evaluate(&case::from_json(black_box(text)).unwrap(), &opts).unwrap()));
}

criterion_group!(benches, household);
criterion_main!(benches);
