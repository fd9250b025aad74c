//! Scoring and ranking the county's 333 villages (seed 四(八)) with the default indicator system.
//! Run with `cargo bench --bench village`; figures go in docs/benchmarks.md, never into tests.
use criterion::{criterion_group, criterion_main, Criterion};
use jingning_policy::village::{self, system::Target, IndicatorSystem, VillageInput, VillageOptions};
use serde_json::{json, Map, Value};
use std::hint::black_box;

/// 333 villages with varied, reproducible values (a small LCG, no extra dependency).
fn villages(n: usize) -> Value {
    let system = IndicatorSystem::builtin().unwrap();
    let mut seed: u64 = 20210508;
    let mut next = move |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let list: Vec<Value> = (0..n)
        .map(|i| {
            let mut values = Map::new();
            for ind in &system.indicators {
                if next(20) == 0 {
                    continue; // about 5 % of values missing
                }
                let v = match ind.target {
                    Target::Yes(t) => json!(if next(5) == 0 { !t } else { t }),
                    Target::Number(_) => json!(format!("{}.{}", next(100), next(100))),
                };
                values.insert(ind.id.clone(), v);
            }
            json!({ "schema": "jingning.village-input/1", "id": format!("{i:03}"), "name": format!("{i}号村"),
                    "township": format!("{}镇", i % 24), "values": values,
                    "county_averages": { "poverty_income_growth": "9.5", "income_vs_county": "40" } })
        })
        .collect();
    Value::Array(list)
}

fn bench(c: &mut Criterion) {
    let doc = villages(333);
    let text = doc.to_string();
    let opts = VillageOptions::default();
    let list: Vec<VillageInput> = village::rank::read_villages(&doc, &opts).unwrap();
    let system = opts.system().unwrap();
    c.bench_function("assess 333 villages (decoded)", |b| {
        b.iter(|| {
            for v in &list {
                black_box(village::assess(black_box(v), system, &opts).unwrap());
            }
        })
    });
    c.bench_function("rank 333 villages (decoded)", |b| b.iter(|| village::rank(black_box(&list), &opts).unwrap().count));
    c.bench_function("rank 333 villages (JSON text in, result out)", |b| {
        b.iter(|| serde_json::to_string(&village::rank_json(black_box(&text), "").unwrap()).unwrap().len())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
