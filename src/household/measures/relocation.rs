//! 易地扶贫搬迁后续扶持 — 实施意见 二(四):
//!
//! > 稳定就业质量、产业发展和后续配套设施建设提升完善等方面加大扶持力度,落实后续扶持政策,确保
//! > 搬迁群众稳得住、有就业、逐步能致富。采取以工代赈、公益性岗位等措施优先安排搬迁群众就近就业。
//! > ……建立健全老、病、残、幼等困难特殊群体的关爱和帮扶机制,促进搬迁群众更好融入安置地建设与发展
//!
//! Condition: the household is an 易地扶贫搬迁户 (`status.relocated`, recorded by the township).
//! The follow-ups it implies, each a finding naming the members concerned:
//! 1. 就业: members of working age (`employment.*`) with labour capacity, not in school — 以工代赈、
//!    公益性岗位 first, near the settlement;
//! 2. 产业: 后续产业扶持 for the household;
//! 3. 关爱帮扶: 老 (over the working age), 病 (重病/慢性病), 残, 幼 (under the working age);
//! 4. 社区融入: 融入安置地建设与发展.
use super::{Decided, Measure};
use crate::case::{field, Labour};
use crate::error::Failure;
use crate::explain::{Missing, Outcome};
use crate::household::decision::{Ctx, Decision};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "relocation",
    title: "易地扶贫搬迁后续扶持",
    per_member: false,
    clauses: &[anchor::RELOCATION_FOLLOW_UP, anchor::RELOCATION_INDUSTRY, anchor::RELOCATION_JOBS, anchor::RELOCATION_CARE],
    reads: &[
        field::STATUS_RELOCATED,
        field::MEMBER_BIRTH_DATE,
        field::MEMBER_LABOUR_CAPACITY,
        field::MEMBER_SCHOOLING,
        field::MEMBER_HAS_DISABILITY,
        field::MEMBER_SERIOUS_ILLNESS,
        field::MEMBER_CHRONIC_ILLNESS,
    ],
    after: &[],
    decide,
};

fn decide(ctx: &Ctx, _: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = vec![anchor::RELOCATION_FOLLOW_UP.cite()];
    let relocated = ctx.case.status.relocated;
    d.condition(
        "relocated",
        "易地扶贫搬迁户",
        relocated,
        match relocated {
            Some(true) => "已记录为易地扶贫搬迁户",
            Some(false) => "非搬迁户",
            None => "未填",
        },
    );
    match relocated {
        None => return Ok(d.undecided(vec![Missing::of(field::STATUS_RELOCATED)], "是否易地扶贫搬迁户未填")),
        Some(false) => return Ok(d.decided(Outcome::DoesNotApply, "非易地扶贫搬迁户")),
        Some(true) => {}
    }
    let (age_min, age_max) = (ctx.scope.get(param::EMPLOYMENT_WORKING_AGE_MIN)?, ctx.scope.get(param::EMPLOYMENT_WORKING_AGE_MAX)?);
    let (mut workers, mut cared) = (Vec::new(), Vec::new());
    let mut unsure = false;
    for (i, m) in ctx.case.members.iter().enumerate() {
        let age = ctx.age(m).map(Decimal::from);
        let mut why: Vec<&'static str> = Vec::new();
        match age {
            Some(a) if a > age_max => why.push("老"),
            Some(a) if a < age_min => why.push("幼"),
            _ => {}
        }
        if m.serious_illness == Some(true) || m.chronic_illness == Some(true) {
            why.push("病");
        }
        if m.has_disability == Some(true) {
            why.push("残");
        }
        if !why.is_empty() {
            cared.push(prose!("{}（{}）", Ctx::name(m, i), why.join("、")));
        }
        let student = m.schooling.is_some_and(|s| s.is_student());
        match (age, m.labour) {
            (Some(a), Some(l)) if a >= age_min && a <= age_max && l != Labour::None && !student => workers.push(Ctx::name(m, i)),
            (None, _) | (_, None) => unsure = true,
            _ => {}
        }
    }
    let jobs = if workers.is_empty() {
        prose!("没有劳动年龄内有劳动能力的成员")
    } else {
        prose!("{}：以工代赈、公益性岗位等优先安排就近就业", Prose::join(workers.clone(), Sep::Comma))
    };
    let jobs_met = if !workers.is_empty() {
        Some(true)
    } else if unsure {
        None
    } else {
        Some(false)
    };
    // Each follow-up with its own words.
    d.citations.extend([anchor::RELOCATION_INDUSTRY.cite(), anchor::RELOCATION_JOBS.cite(), anchor::RELOCATION_CARE.cite()]);
    d.finding("jobs", "就业帮扶", jobs_met, jobs.clone());
    d.finding("industry", "产业扶持", Some(true), "落实后续产业扶持，稳得住、逐步能致富");
    let care =
        if cared.is_empty() { prose!("没有老、病、残、幼成员") } else { prose!("{}：纳入关爱帮扶", Prose::join(cared.clone(), Sep::Comma)) };
    d.finding("care", "老、病、残、幼关爱帮扶", Some(!cared.is_empty()), care);
    d.finding("integration", "社区融入", Some(true), "促进融入安置地建设与发展");
    let mut parts = vec![prose!("就业（{}）", jobs), prose!("产业扶持")];
    if !cared.is_empty() {
        parts.push(prose!("关爱帮扶（{}）", Prose::join(cared, Sep::Comma)));
    }
    parts.push(prose!("社区融入"));
    Ok(d.decided(Outcome::Applies, prose!("易地扶贫搬迁户，落实后续扶持：{}", Prose::join(parts, Sep::Semicolon))))
}
