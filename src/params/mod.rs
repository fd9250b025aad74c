//! Policy parameters as dated data: every threshold, standard and amount has an effective date,
//! a region, a source and a `verified` flag, and lives in `params/*.toml`, not in code.
//!
//! In the manner of openfisca's parameters: a value applies from its `from` date until a later
//! value for the same region replaces it. A value for a region applies to the regions below it
//! (甘肃省 → 平凉市 → 静宁县) unless they have their own. Every evaluation records which values it
//! used ([`ParamUse`]), so a result can say by name when it rests on an unverified placeholder.
//! Any value can be overridden per evaluation, and a whole user-supplied set can be loaded at run
//! time; both go through the same validation as the built-in files.
use crate::decode::{Decoder, Obj};
use crate::error::{Failure, FieldError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Shared immutable text: every evaluation records the parameters it used, and copying their
/// labels and (long) sources each time was most of an evaluation's allocations.
pub type Text = Arc<str>;

mod domain;
mod status;
pub use domain::{Domain, Kind as DomainKind};
pub use status::{in_force, ParamStatus};

include!(concat!(env!("OUT_DIR"), "/param_ids.rs"));

/// A built-in parameter as rules name it: [`param`] has one constant per parameter, so a
/// misspelt id does not build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParamId {
    pub id: &'static str,
    /// Position in [`BUILTIN_IDS`].
    builtin: usize,
}

/// The built-in sets, `params/*.toml` converted to JSON by build.rs.
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/params.json"));

/// Largest magnitude a parameter value or override may have: keeps every product of a parameter
/// and an input amount far inside `Decimal`'s range, so rule arithmetic cannot overflow.
pub const PARAM_LIMIT: Decimal = Decimal::from_parts(0xA4C6_8000, 0x38D7E, 0, false, 0); // 1e15

/// The region evaluations use when the caller names none.
pub const DEFAULT_REGION: &str = "静宁县";

/// One dated value of a parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct DatedValue {
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub region: Text,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub from: NaiveDate,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub value: Decimal,
    pub verified: bool,
    /// Document and number, or URL; for placeholders, why no confirmed figure exists.
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub source: Text,
}

/// A parameter with its history of values.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct ParamDef {
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub id: Text,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub label: Text,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub unit: Text,
    /// Which file (domain) it came from, e.g. `dibao.toml`.
    pub file: String,
    /// The seed clause the parameter serves, if any.
    pub clause: Option<String>,
    pub description: Option<String>,
    /// What values it can take (`kind`, `min`, `max` in params/*.toml); every built-in parameter
    /// has one, and a user file's parameter of a built-in id takes the built-in one.
    pub domain: Option<Domain>,
    pub values: Vec<DatedValue>,
}

/// A complete set of parameters and the region tree they are resolved in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct ParamSet {
    pub params: BTreeMap<String, ParamDef>,
    /// Region → its parent (静宁县 → 平凉市 → 甘肃省 → 全国).
    pub regions: BTreeMap<String, Option<String>>,
}

/// A parameter value an evaluation actually used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct ParamUse {
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub id: Text,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub label: Text,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub unit: Text,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub value: Decimal,
    /// Effective date of the value used; absent for an override.
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub from: Option<NaiveDate>,
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub region: Option<Text>,
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub source: Text,
    pub verified: bool,
    /// Set by the caller for this evaluation instead of taken from the parameter set.
    pub overridden: bool,
}

impl ParamUse {
    /// The value as a case-sheet fingerprint takes it in: XXH3-64 of its id and value (the value,
    /// not its spelling). Worked out once when a parameter table is resolved.
    pub fn digest(&self) -> u64 {
        crate::digest::xxh3_of(&(&*self.id, self.value))
    }
}

static BUILTIN: OnceLock<Result<ParamSet, Failure>> = OnceLock::new();

impl ParamSet {
    /// The sets compiled into this build.
    pub fn builtin() -> Result<&'static ParamSet, Failure> {
        BUILTIN
            .get_or_init(|| {
                let docs: Value = serde_json::from_str(BUILTIN_JSON).map_err(|e| Failure::calc(format!("内置参数无法读取：{e}")))?;
                ParamSet::from_docs(&docs)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads a set from JSON: an array of parameter documents (each `{meta, param: [...]}`, the
    /// shape of `params/*.toml`) or a single such document.
    pub fn from_docs(docs: &Value) -> Result<ParamSet, Failure> {
        let mut d = Decoder::new();
        let mut set = ParamSet { params: BTreeMap::new(), regions: BTreeMap::new() };
        match docs {
            Value::Array(items) => {
                for (i, doc) in items.iter().enumerate() {
                    read_doc(&mut d, &format!("$[{i}]"), doc, &mut set);
                }
            }
            doc => read_doc(&mut d, "$", doc, &mut set),
        }
        check_regions(&mut d, &set);
        d.finish(Some(set))
    }

    /// This set with every parameter of `other` replacing the one of the same id (or added).
    pub fn merged_with(&self, other: &ParamSet) -> ParamSet {
        let mut out = self.clone();
        for (id, p) in &other.params {
            let mut p = p.clone();
            if p.domain.is_none() {
                p.domain = self.params.get(id).and_then(|b| b.domain.clone());
            }
            out.params.insert(id.clone(), p);
        }
        for (r, parent) in &other.regions {
            out.regions.insert(r.clone(), parent.clone());
        }
        out
    }

    /// The region and its ancestors, nearest first.
    pub fn region_chain(&self, region: &str) -> Vec<String> {
        let mut chain = vec![region.to_string()];
        let mut cur = region.to_string();
        while let Some(Some(parent)) = self.regions.get(&cur) {
            if chain.contains(parent) {
                break;
            }
            chain.push(parent.clone());
            cur = parent.clone();
        }
        chain
    }

    /// The value in force on `date` in `region`: the nearest region that has one, and its latest
    /// value whose `from` is not after `date`.
    pub fn value_on(&self, id: &str, date: NaiveDate, region: &str) -> Option<&DatedValue> {
        self.value_in_chain(id, date, &self.region_chain(region))
    }

    /// [`value_on`](Self::value_on) with the region chain already resolved (a [`Scope`] resolves
    /// it once per evaluation rather than once per parameter).
    pub fn value_in_chain(&self, id: &str, date: NaiveDate, chain: &[String]) -> Option<&DatedValue> {
        let def = self.params.get(id)?;
        chain.iter().find_map(|r| def.values.iter().filter(|v| *v.region == **r && v.from <= date).max_by_key(|v| v.from))
    }
}

fn read_doc(d: &mut Decoder, path: &str, doc: &Value, set: &mut ParamSet) {
    let Some(root) = Obj::at(d, path, doc, "参数文件") else { return };
    root.deny_unknown(d, &["meta", "param", "region", "file"]);
    let file = root.text(d, "file", "文件名", 100).unwrap_or_else(|| "用户参数".to_string());
    if let Some(regions) = root.array(d, "region", "地区", 1000) {
        for item in regions {
            let Some(r) = Obj::at(d, &item.path, item.value, "地区") else { continue };
            r.deny_unknown(d, &["id", "parent", "label"]);
            r.require(d, "id", "地区名称");
            if let Some(id) = r.text(d, "id", "地区名称", 50) {
                set.regions.insert(id, r.text(d, "parent", "上级地区", 50));
            }
        }
    }
    let Some(params) = root.array(d, "param", "参数", 10_000) else { return };
    for item in params {
        let Some(p) = Obj::at(d, &item.path, item.value, "参数") else { continue };
        p.deny_unknown(d, &["id", "label", "unit", "clause", "description", "kind", "min", "max", "values"]);
        for (key, label) in [("id", "参数编号"), ("label", "参数名称"), ("unit", "单位"), ("values", "取值")] {
            p.require(d, key, label);
        }
        let id = p.text(d, "id", "参数编号", 100);
        let label = p.text(d, "label", "参数名称", 100);
        let unit = p.text(d, "unit", "单位", 30);
        let clause = p.text(d, "clause", "条款", 20);
        if let Some(c) = &clause {
            if crate::policy::clause(c).is_none() {
                d.error(p.path_of("clause"), format!("条款「{c}」不在实施意见中（应如 五(十二)）"));
            }
        }
        let description = p.text(d, "description", "说明", 2000);
        let domain = p.raw("kind").and_then(|_| {
            let code = p.text(d, "kind", "参数类型", 20)?;
            let Some(kind) = DomainKind::parse(&code) else {
                let codes: Vec<String> = DomainKind::OPTIONS.iter().map(|(_, c, l)| format!("{l}({c})")).collect();
                d.error(p.path_of("kind"), format!("参数类型「{code}」无效，可选：{}", codes.join(" / ")));
                return None;
            };
            let min = p.decimal(d, "min", "下限", -PARAM_LIMIT, PARAM_LIMIT);
            let max = p.decimal(d, "max", "上限", -PARAM_LIMIT, PARAM_LIMIT);
            Some(Domain::new(kind, min, max))
        });
        let mut values = Vec::new();
        for v in p.array(d, "values", "取值", 1000).unwrap_or_default() {
            let Some(o) = Obj::at(d, &v.path, v.value, "取值") else { continue };
            o.deny_unknown(d, &["region", "from", "value", "verified", "source"]);
            for (key, label) in [("region", "地区"), ("from", "生效日期"), ("value", "值"), ("verified", "是否已核实"), ("source", "来源")] {
                o.require(d, key, label);
            }
            let region = o.text(d, "region", "地区", 50);
            let from = o.date(d, "from", "生效日期");
            let value = o.decimal(d, "value", "值", -PARAM_LIMIT, PARAM_LIMIT);
            let verified = o.bool(d, "verified", "是否已核实");
            let source = o.text(d, "source", "来源", 2000);
            if let (Some(v), Some(dom), Some(id)) = (value, &domain, p.raw("id").and_then(|v| v.as_str())) {
                if let Some(why) = dom.refuse(v, p.raw("label").and_then(|v| v.as_str()).unwrap_or(id), id) {
                    d.error(o.path_of("value"), why);
                }
            }
            if let (Some(region), Some(from), Some(value), Some(verified), Some(source)) = (region, from, value, verified, source) {
                if values.iter().any(|x: &DatedValue| *x.region == *region && x.from == from) {
                    d.error(&v.path, format!("同一地区「{region}」在 {from} 已有取值"));
                }
                values.push(DatedValue { region: region.into(), from, value, verified, source: source.into() });
            }
        }
        if let (Some(id), Some(label), Some(unit)) = (id, label, unit) {
            if set.params.contains_key(&id) {
                d.error(p.path_of("id"), format!("参数「{id}」重复定义"));
            }
            set.params.insert(
                id.clone(),
                ParamDef { id: id.into(), label: label.into(), unit: unit.into(), file: file.clone(), clause, description, domain, values },
            );
        }
    }
}

fn check_regions(d: &mut Decoder, set: &ParamSet) {
    for def in set.params.values() {
        for v in &def.values {
            if !set.regions.is_empty() && !set.regions.contains_key(&*v.region) {
                d.error(format!("参数 {}", def.id), format!("地区「{}」未在地区表中定义", v.region));
            }
        }
    }
}

/// Evaluation options shared by every engine: the region, per-parameter overrides and an
/// optional user-supplied parameter set.
#[derive(Debug, Default)]
pub struct Options {
    pub region: Option<String>,
    pub overrides: BTreeMap<String, Decimal>,
    /// The document each override comes from (文号 and/or title), when the caller gave one: a
    /// county's own figure is shown with it instead of as a placeholder.
    pub override_sources: BTreeMap<String, String>,
    /// The complete set to evaluate with when the caller supplied one: the built-in set with the
    /// user's parameters merged in ([`Options::from_json`] merges once, not per evaluation).
    pub params: Option<ParamSet>,
    /// The last parameter table resolved with these options (see [`Resolved`]).
    cache: Mutex<Option<Arc<Resolved>>>,
}

impl Clone for Options {
    fn clone(&self) -> Self {
        Options {
            region: self.region.clone(),
            overrides: self.overrides.clone(),
            override_sources: self.override_sources.clone(),
            params: self.params.clone(),
            cache: Mutex::default(),
        }
    }
}

impl Options {
    /// Reads `{ region?, overrides?: {id: value}, override_sources?: {id: "文号 名称"}, params?: [...] }`.
    pub fn from_json(v: &Value) -> Result<Options, Failure> {
        let mut d = Decoder::new();
        let mut opts = Options::default();
        if v.is_null() {
            return Ok(opts);
        }
        if let Some(o) = d.root(v, "选项") {
            o.deny_unknown(&mut d, &["region", "overrides", "override_sources", "params"]);
            opts.region = o.text(&mut d, "region", "地区", 50);
            if let Some(p) = o.raw("params") {
                match ParamSet::from_docs(&p.to_json()) {
                    Ok(set) => {
                        let merged = ParamSet::builtin()?.merged_with(&set);
                        // A user file's value of a built-in parameter within the built-in domain.
                        for (id, def) in &set.params {
                            let Some(dom) = merged.params.get(id).and_then(|m| m.domain.as_ref()) else { continue };
                            for v in &def.values {
                                if let Some(why) = dom.refuse(v.value, &def.label, id) {
                                    d.error("$.params", why);
                                }
                            }
                        }
                        opts.params = Some(merged);
                    }
                    Err(Failure::Invalid { errors }) => {
                        for e in errors {
                            d.error(e.path.replacen('$', "$.params", 1), e.message);
                        }
                    }
                    Err(other) => return Err(other),
                }
            }
            if let Some(ov) = o.object(&mut d, "overrides", "参数覆盖") {
                let set = match &opts.params {
                    Some(set) => set,
                    None => ParamSet::builtin()?,
                };
                for key in ov.keys() {
                    let def = set.params.get(key);
                    let label = def.map_or(key, |p| &*p.label);
                    if let Some(x) = ov.decimal(&mut d, key, label, -PARAM_LIMIT, PARAM_LIMIT) {
                        match def.and_then(|p| p.domain.as_ref()).and_then(|dom| dom.refuse(x, label, key)) {
                            Some(why) => d.error(ov.path_of(key), why),
                            None => {
                                opts.overrides.insert(key.to_string(), x);
                            }
                        }
                    }
                }
            }
            let overridden: Vec<String> = o.object(&mut Decoder::new(), "overrides", "").map(|ov| ov.keys().map(str::to_string).collect()).unwrap_or_default();
            if let Some(src) = o.object(&mut d, "override_sources", "覆盖值的依据文件") {
                for key in src.keys() {
                    // A rejected override has its own error; a document with no override at all is one.
                    if !overridden.iter().any(|k| k == key) {
                        d.error(src.path_of(key), format!("参数「{key}」没有覆盖值，不能只写依据文件"));
                        continue;
                    }
                    if let Some(doc) = src.text(&mut d, key, "依据文件", 200).filter(|t| !t.trim().is_empty()) {
                        opts.override_sources.insert(key.to_string(), doc.trim().to_string());
                    }
                }
            }
        }
        d.finish(Some(opts))
    }

    /// The set to evaluate with: the built-in one, or the merged one the caller supplied.
    pub fn param_set(&self) -> Result<&ParamSet, Failure> {
        match &self.params {
            Some(set) => Ok(set),
            None => ParamSet::builtin(),
        }
    }

    /// The table for `date`, from the cache when the last evaluation used the same date, set,
    /// region and overrides (a batch of households assessed on one date resolves it once).
    fn resolved(&self, set: &ParamSet, date: NaiveDate) -> Result<Arc<Resolved>, Failure> {
        let region = self.region.as_deref().unwrap_or(DEFAULT_REGION);
        let key = |r: &Resolved| {
            r.date == date && r.set.is(set) && *r.region == *region && r.overrides == self.overrides && r.override_sources == self.override_sources
        };
        if let Ok(cache) = self.cache.lock() {
            if let Some(r) = cache.as_ref().filter(|r| key(r)) {
                return Ok(r.clone());
            }
        }
        let r = Arc::new(Resolved::new(set, date, region, &self.overrides, &self.override_sources)?);
        if let Ok(mut cache) = self.cache.lock() {
            *cache = Some(r.clone());
        }
        Ok(r)
    }
}

/// The set a table was resolved from, as the cache compares it. Not its address: `Options.params`
/// can be replaced or edited in place, and a new set at the old address must not get the old
/// values back. The built-in set is immutable and static, so its address does identify it.
enum SetKey {
    Builtin,
    /// A copy of a user set (its texts are shared, so comparing it is mostly pointer checks).
    User(ParamSet),
}

impl SetKey {
    fn of(set: &ParamSet) -> SetKey {
        match ParamSet::builtin() {
            Ok(b) if std::ptr::eq(b, set) => SetKey::Builtin,
            _ => SetKey::User(set.clone()),
        }
    }

    fn is(&self, set: &ParamSet) -> bool {
        match self {
            SetKey::Builtin => ParamSet::builtin().is_ok_and(|b| std::ptr::eq(b, set)),
            SetKey::User(copy) => copy == set,
        }
    }
}

/// Every parameter of a set resolved for one date, region and set of overrides: the value in
/// force with its provenance, or why there is none. Parameters are kept in id order, so the
/// values an evaluation used come out sorted without sorting.
pub struct Resolved {
    /// The set it was resolved from.
    set: SetKey,
    date: NaiveDate,
    region: Text,
    overrides: BTreeMap<String, Decimal>,
    override_sources: BTreeMap<String, String>,
    ids: Vec<Text>,
    entries: Vec<Result<Arc<ParamUse>, Failure>>,
    /// For each entry, the digest of its id and value that case-sheet fingerprints take in
    /// ([`ParamUse::digest`]; 0 for an entry without a value), worked
    /// out once per table rather than re-hashing thirty ids per household.
    digests: Vec<u64>,
    /// For each of [`BUILTIN_IDS`], its position in `entries` (every set has them: a user set is
    /// merged into the built-in one).
    builtin: Vec<Option<usize>>,
}

impl std::fmt::Debug for Resolved {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resolved").field("date", &self.date).field("region", &self.region).finish_non_exhaustive()
    }
}

impl Resolved {
    fn new(
        set: &ParamSet,
        date: NaiveDate,
        region: &str,
        overrides: &BTreeMap<String, Decimal>,
        sources: &BTreeMap<String, String>,
    ) -> Result<Resolved, Failure> {
        if !set.regions.is_empty() && !set.regions.contains_key(region) {
            let known: Vec<_> = set.regions.keys().cloned().collect();
            return Err(Failure::invalid(vec![FieldError::new("options.region", format!("未知地区「{region}」，可选：{}", known.join("、")))]));
        }
        let unknown: Vec<FieldError> = overrides
            .keys()
            .filter(|k| !set.params.contains_key(*k))
            .map(|k| FieldError::new(format!("options.overrides.{k}"), format!("没有名为「{k}」的参数")))
            .collect();
        if !unknown.is_empty() {
            return Err(Failure::invalid(unknown));
        }
        let chain = set.region_chain(region);
        let entries: Vec<Result<Arc<ParamUse>, Failure>> = set
            .params
            .iter()
            .map(|(id, def)| {
                if let Some(v) = overrides.get(id) {
                    return Ok(Arc::new(ParamUse {
                        id: def.id.clone(),
                        label: def.label.clone(),
                        unit: def.unit.clone(),
                        value: *v,
                        from: None,
                        region: None,
                        source: match sources.get(id) {
                            Some(doc) => format!("县里的数值（本地填入），依据：{doc}").into(),
                            None => "本次计算的本地覆盖值（未写依据文件）".into(),
                        },
                        verified: false,
                        overridden: true,
                    }));
                }
                let v =
                    set.value_in_chain(id, date, &chain).ok_or_else(|| Failure::calc(format!("参数「{}」({id}) 在 {date} 的 {region} 没有取值", def.label)))?;
                Ok(Arc::new(ParamUse {
                    id: def.id.clone(),
                    label: def.label.clone(),
                    unit: def.unit.clone(),
                    value: v.value,
                    from: Some(v.from),
                    region: Some(v.region.clone()),
                    source: v.source.clone(),
                    verified: v.verified,
                    overridden: false,
                }))
            })
            .collect();
        let digests = entries.iter().map(|e| e.as_ref().map_or(0, |p| p.digest())).collect();
        let ids: Vec<Text> = set.params.values().map(|d| d.id.clone()).collect();
        let builtin = BUILTIN_IDS.iter().map(|b| ids.binary_search_by(|x| (**x).cmp(b)).ok()).collect();
        Ok(Resolved {
            builtin,
            set: SetKey::of(set),
            date,
            region: region.into(),
            overrides: overrides.clone(),
            override_sources: sources.clone(),
            ids,
            entries,
            digests,
        })
    }

    fn index(&self, id: &str) -> Option<usize> {
        self.ids.binary_search_by(|x| (**x).cmp(id)).ok()
    }
}

/// How many rules [`Scope::rule`] can tell apart (a bit each).
pub const MAX_RULES: usize = 64;

/// Parameters resolved for one evaluation date and region, recording each value used.
pub struct Scope<'a> {
    table: Arc<Resolved>,
    /// Which entries of `table` this evaluation has used (a cell each: marking one is a store,
    /// with no borrow flag to check on each of the forty-odd reads of an evaluation).
    used: Vec<Cell<bool>>,
    /// Which rules read each entry, a bit per rule (the one [`Scope::rule`] last named): a
    /// household's card says which unverified values its own decision used.
    by_rule: Vec<Cell<u64>>,
    rule: Cell<u64>,
    _options: std::marker::PhantomData<&'a Options>,
}

impl<'a> Scope<'a> {
    pub fn new(set: &'a ParamSet, date: NaiveDate, opts: &'a Options) -> Result<Scope<'a>, Failure> {
        let table = opts.resolved(set, date)?;
        let used = vec![Cell::new(false); table.entries.len()];
        let by_rule = vec![Cell::new(0); table.entries.len()];
        Ok(Scope { table, used, by_rule, rule: Cell::new(0), _options: std::marker::PhantomData })
    }

    pub fn date(&self) -> NaiveDate {
        self.table.date
    }

    pub fn region(&self) -> &str {
        &self.table.region
    }

    /// The value of a built-in parameter; an error naming it if it has no value for this date.
    pub fn get(&self, p: ParamId) -> Result<Decimal, Failure> {
        match self.table.builtin.get(p.builtin).copied().flatten() {
            Some(i) => self.value_at(i, p.id),
            None => self.get_named(p.id),
        }
    }

    /// The value of parameter `id` by name (for parameters only a user set defines).
    pub fn get_named(&self, id: &str) -> Result<Decimal, Failure> {
        let i = self.table.index(id).ok_or_else(|| Failure::calc(format!("参数「{id}」未定义")))?;
        self.value_at(i, id)
    }

    fn value_at(&self, i: usize, id: &str) -> Result<Decimal, Failure> {
        let entry = self.table.entries.get(i).ok_or_else(|| Failure::calc(format!("参数「{id}」未定义")))?;
        let value = entry.as_ref().map_err(Clone::clone)?.value;
        if let Some(u) = self.used.get(i) {
            u.set(true);
        }
        if let Some(r) = self.by_rule.get(i) {
            r.set(r.get() | self.rule.get());
        }
        Ok(value)
    }

    /// Values read from now on are read by rule `k` (below [`MAX_RULES`]; any other number marks
    /// no rule — the measure registry's test keeps the registry within the limit).
    pub fn rule(&self, k: usize) {
        self.rule.set(u32::try_from(k).ok().and_then(|k| 1u64.checked_shl(k)).unwrap_or(0));
    }

    /// The unverified values read (placeholders, not local overrides), in id order, each with the
    /// rules that read it (bit `k` for rule `k`): one pass over the table for all rules.
    pub fn unverified_by_rule(&self) -> Vec<(u64, &ParamUse)> {
        self.table
            .entries
            .iter()
            .zip(&self.by_rule)
            .filter(|(_, r)| r.get() != 0)
            .filter_map(|(e, r)| e.as_ref().ok().filter(|p| !p.verified && !p.overridden).map(|p| (r.get(), &**p)))
            .collect()
    }

    /// The local overrides read (a county's own figures), in id order, each with the rules that
    /// read it, as [`Scope::unverified_by_rule`].
    pub fn overridden_by_rule(&self) -> Vec<(u64, &ParamUse)> {
        self.table
            .entries
            .iter()
            .zip(&self.by_rule)
            .filter(|(_, r)| r.get() != 0)
            .filter_map(|(e, r)| e.as_ref().ok().filter(|p| p.overridden).map(|p| (r.get(), &**p)))
            .collect()
    }

    /// The values this evaluation used, kept as the table and a mark per entry: a household
    /// uses some thirty parameters, and sharing each record cost two atomic counts apiece.
    pub fn into_used(self) -> ParamsUsed {
        ParamsUsed { table: self.table, used: self.used.into_iter().map(Cell::into_inner).collect() }
    }

    /// Every value used so far, in id order.
    pub fn used(&self) -> Vec<Arc<ParamUse>> {
        self.table.entries.iter().zip(&self.used).filter(|(_, u)| u.get()).filter_map(|(e, _)| e.as_ref().ok().cloned()).collect()
    }
}

/// The parameter values an evaluation used, in id order; serialised as a list of [`ParamUse`].
#[derive(Clone)]
pub struct ParamsUsed {
    table: Arc<Resolved>,
    used: Vec<bool>,
}

impl ParamsUsed {
    pub fn iter(&self) -> impl Iterator<Item = &ParamUse> + '_ {
        self.table.entries.iter().zip(&self.used).filter(|(_, u)| **u).filter_map(|(e, _)| e.as_ref().ok().map(|p| &**p))
    }

    /// The fingerprint digest of each value used, in id order.
    pub fn digests(&self) -> impl Iterator<Item = u64> + '_ {
        let t = &self.table;
        t.entries.iter().zip(&t.digests).zip(&self.used).filter(|((e, _), u)| **u && e.is_ok()).map(|((_, d), _)| *d)
    }

    pub fn len(&self) -> usize {
        self.iter().count()
    }

    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

impl PartialEq for ParamsUsed {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl std::fmt::Debug for ParamsUsed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for ParamsUsed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_parameter_declares_its_domain_and_overrides_outside_it_are_refused() {
        let set = ParamSet::builtin().unwrap();
        let missing: Vec<&String> = set.params.iter().filter(|(_, p)| p.domain.is_none()).map(|(id, _)| id).collect();
        assert!(missing.is_empty(), "no kind in params/*.toml: {missing:?}");
        let bad = serde_json::json!({ "overrides": { "dibao.standard_annual": "-5000", "tekun.age_elderly": 300, "dibao.edge_multiplier": "0.5" } });
        let Err(Failure::Invalid { errors }) = Options::from_json(&bad) else { panic!("accepted") };
        let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            shown.contains(
                &"$.overrides.dibao.standard_annual: 参数「农村低保标准」（dibao.standard_annual）应为正数金额（大于 0，至多 1000000），收到 -5000".to_string()
            ),
            "{shown:?}"
        );
        assert!(shown.iter().any(|e| e.starts_with("$.overrides.tekun.age_elderly: 参数「特困：老年人年龄（周岁及以上）」")), "{shown:?}");
        assert!(shown.iter().any(|e| e.contains("dibao.edge_multiplier") && e.contains("倍数")), "{shown:?}");
        // A user parameter file's value of a built-in parameter is held to the same domain.
        let file = serde_json::json!({ "params": { "param": [{ "id": "dibao.standard_annual", "label": "低保标准", "unit": "元", "values": [
            { "region": "静宁县", "from": "2024-01-01", "value": "0", "verified": true, "source": "x" }] }] } });
        let Err(f) = Options::from_json(&file) else { panic!("accepted") };
        assert!(f.describe().contains("应为正数金额"), "{}", f.describe());
    }

    #[test]
    fn builtin_sets_are_valid() {
        let set = ParamSet::builtin().expect("built-in parameters validate");
        assert!(set.params.contains_key("dibao.standard_annual"));
        assert_eq!(set.region_chain("静宁县"), ["静宁县", "平凉市", "甘肃省", "全国"]);
        assert_eq!(PARAM_LIMIT, Decimal::from(1_000_000_000_000_000i64));
    }

    #[test]
    fn later_value_replaces_earlier_and_region_inherits() {
        let docs = serde_json::json!({
            "region": [{"id": "省"}, {"id": "县", "parent": "省"}],
            "param": [{"id": "x", "label": "甲", "unit": "元", "values": [
                {"region": "省", "from": "2021-01-01", "value": "10", "verified": true, "source": "s"},
                {"region": "省", "from": "2023-01-01", "value": "20", "verified": true, "source": "s"},
                {"region": "县", "from": "2024-01-01", "value": "25", "verified": false, "source": "s"}
            ]}]
        });
        let set = ParamSet::from_docs(&docs).unwrap();
        let on = |y: i32| set.value_on("x", NaiveDate::from_ymd_opt(y, 6, 1).unwrap(), "县").map(|v| v.value.to_string());
        assert_eq!(on(2020), None);
        assert_eq!(on(2022).as_deref(), Some("10"));
        assert_eq!(on(2023).as_deref(), Some("20"));
        assert_eq!(on(2025).as_deref(), Some("25"));
    }

    #[test]
    fn bad_parameter_file_names_every_field() {
        let docs = serde_json::json!({"param": [{"id": "x", "label": "甲", "values": [
            {"region": "省", "from": "2021-02-30", "value": "abc", "verified": "maybe", "source": "s"}
        ]}]});
        let Err(Failure::Invalid { errors }) = ParamSet::from_docs(&docs) else { panic!() };
        let paths: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
        assert!(paths.contains(&"$.param[0].unit"), "{paths:?}");
        assert!(paths.contains(&"$.param[0].values[0].from"));
        assert!(paths.contains(&"$.param[0].values[0].value"));
        assert!(paths.contains(&"$.param[0].values[0].verified"));
    }

    #[test]
    fn overrides_are_recorded_as_such() {
        let set = ParamSet::builtin().unwrap();
        let mut opts = Options::default();
        opts.overrides.insert("dibao.standard_annual".into(), Decimal::from(6000));
        let scope = Scope::new(set, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(), &opts).unwrap();
        assert_eq!(scope.get(param::DIBAO_STANDARD_ANNUAL).unwrap(), Decimal::from(6000));
        // A later change of the overrides is not hidden by the cached table.
        opts.overrides.insert("dibao.standard_annual".into(), Decimal::from(6100));
        let scope = Scope::new(set, NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(), &opts).unwrap();
        assert_eq!(scope.get_named("dibao.standard_annual").unwrap(), Decimal::from(6100));
        assert!(scope.used()[0].overridden);
    }

    /// The cached table follows the set, not where it lives: a set replaced in place (same address
    /// inside the options) or edited in place is resolved afresh.
    #[test]
    fn a_parameter_set_replaced_in_place_is_not_hidden_by_the_cache() {
        let date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
        let with_standard = |v: &str| {
            let user = serde_json::json!({"param": [{"id": "dibao.standard_annual", "label": "农村低保标准", "unit": "元/人·年", "values": [
                {"region": "甘肃省", "from": "2021-01-01", "value": v, "verified": true, "source": "县民政局通知"}
            ]}]});
            ParamSet::builtin().unwrap().merged_with(&ParamSet::from_docs(&user).unwrap())
        };
        let standard = |opts: &Options| Scope::new(opts.param_set().unwrap(), date, opts).unwrap().get(param::DIBAO_STANDARD_ANNUAL).unwrap();
        let mut opts = Options { params: Some(with_standard("6000")), ..Options::default() };
        assert_eq!(standard(&opts), Decimal::from(6000));
        opts.params = Some(with_standard("6600"));
        assert_eq!(standard(&opts), Decimal::from(6600));
        let set = opts.params.as_mut().unwrap();
        set.params.get_mut("dibao.standard_annual").unwrap().values[0].value = Decimal::from(7000);
        assert_eq!(standard(&opts), Decimal::from(7000));
        // Back to the built-in set: its own value, not the user's.
        opts.params = None;
        assert_eq!(standard(&opts), Decimal::from(5000));
    }
}
