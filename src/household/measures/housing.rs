//! 农村危房改造 — 实施意见 二(三)、四(十), with the priority groups of national practice since 2021
//! (policy/excerpts/housing-priority-national.txt, docs/policy-reference.md §8):
//!
//! > 通过农村危房改造等多种方式保障低保户、分散供养特困人员、易返贫致贫人口等农村低收入人口住房安全 (二(三))
//!
//! Conditions:
//! 1. 住房为 C 级或 D 级危房;
//! 2. 属六类重点对象之一: 监测对象（易返贫致贫户）, 低保户, 农村分散供养特困人员, 低保边缘家庭,
//!    突发严重困难户, 未享受过农村住房保障政策支持的其他脱贫户.
//!
//! Only these are 危房改造 objects. A household outside them with a C/D house has a housing-safety
//! problem to report (“住房安全问题，须上报核实”), not an entitlement. A group the case records
//! makes the household a priority object now; one that this evaluation finds (低保, 特困, 低保边缘,
//! a monitoring type) makes it one **once recognised** (待认定); a group that cannot be told yet
//! asks for its inputs.
use super::{Decided, Measure};
use crate::case::{field, HouseholdType, Housing, MonitoringType};
use crate::decode::Choice;
use crate::error::Failure;
use crate::explain::{Missing, Outcome};
use crate::household::decision::{Ctx, Decision};
use crate::household::facts::{self, Standing};
use crate::policy::anchor;
use crate::prose;
use crate::prose::Prose;

pub static MEASURE: Measure = Measure {
    code: "housing",
    title: "农村危房改造",
    per_member: false,
    clauses: &[anchor::HOUSING_PRIORITY, anchor::HOUSING_RENOVATION, anchor::HOUSING_PRIORITY_GROUPS_NATIONAL, anchor::HOUSING_OUTSIDE_PRIORITY_GROUPS],
    reads: &[
        field::HOUSING,
        field::HOUSING_SUPPORT_RECEIVED,
        field::HOUSEHOLD_TYPE,
        field::STATUS_DIBAO,
        field::STATUS_TEKUN,
        field::STATUS_TEKUN_DISPERSED,
        field::STATUS_MONITORED,
        field::STATUS_MONITORING_TYPE,
        field::STATUS_RETURNED_TO_POVERTY,
    ],
    after: &["dibao", "dibao_edge", "tekun", "monitoring"],
    decide,
};

const GROUPS: &str = "监测对象、低保户、分散供养特困人员、低保边缘家庭、突发严重困难户、未享受过住房保障的脱贫户";

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    // The national priority groups are cited where they decide: for an unsafe house.
    d.citations = vec![anchor::HOUSING_PRIORITY.cite(), anchor::HOUSING_RENOVATION.cite()];
    let Some(h) = ctx.case.housing else {
        d.condition("unsafe_house", "住房为C级或D级危房", None, "住房安全等级未填");
        return Ok(d.undecided(vec![Missing::of(field::HOUSING)], "住房安全等级未填"));
    };
    d.condition("unsafe_house", "住房为C级或D级危房", Some(h != Housing::Safe), h.label());
    if h == Housing::Safe {
        return Ok(d.decided(Outcome::DoesNotApply, "住房安全，无需改造"));
    }
    d.citations.push(anchor::HOUSING_PRIORITY_GROUPS_NATIONAL.cite());
    let s = &ctx.case.status;
    let (mut now, mut found, mut unknown): (Vec<&'static str>, Vec<&'static str>, Vec<Missing>) = (Vec::new(), Vec::new(), Vec::new());
    let mut sort = |standing: Standing, label: &'static str, asks: &[Missing]| match standing {
        Standing::Recorded => now.push(label),
        Standing::Found => found.push(label),
        Standing::Unknown => unknown.extend(asks.iter().cloned()),
        Standing::Not => {}
    };
    // 监测对象 (易返贫致贫户), and 突发严重困难户 by name when that is the type.
    let monitored = if s.returned_to_poverty == Some(true) { Standing::Recorded } else { facts::monitored(ctx, decided) };
    let monitoring = decided.get("monitoring");
    let sudden = match monitored {
        Standing::Recorded => s.monitoring_type == Some(MonitoringType::Sudden),
        _ => monitoring.category == Some(MonitoringType::Sudden.code()),
    };
    sort(monitored, if sudden { "突发严重困难户" } else { "监测对象（易返贫致贫户）" }, &facts::monitored_open(ctx, decided).asks);
    let dibao = decided.get("dibao");
    sort(facts::dibao(ctx, decided), "低保户", &facts::dibao_open(ctx, decided).asks);
    // 集中供养 特困人员 are housed by the institution: only 分散供养 ones are named.
    // A member whose 特困 standing is still open keeps the group open (and asks what the 特困
    // check needs for them): the household may yet be one, and must not be told it is not.
    if s.tekun_dispersed != Some(false) {
        let mut standing = Standing::Not;
        let mut asks = Vec::new();
        for i in 0..ctx.case.members.len() {
            let t = facts::tekun(ctx, decided, i);
            if t == Standing::Unknown {
                asks.extend(facts::tekun_open(ctx, decided, i).asks);
            }
            standing = match (standing, t) {
                (Standing::Recorded, _) | (_, Standing::Recorded) => Standing::Recorded,
                (Standing::Found, _) | (_, Standing::Found) => Standing::Found,
                (Standing::Unknown, _) | (_, Standing::Unknown) => Standing::Unknown,
                _ => Standing::Not,
            };
        }
        // Recorded 特困 with 供养方式 left blank: someone living in this house is dispersed
        // support, but that is an inference, so the ground says so.
        let label = match (standing, s.tekun_dispersed) {
            (Standing::Recorded, None) => "分散供养特困人员（供养方式未填，按住在本户推定，请核实）",
            _ => "分散供养特困人员",
        };
        sort(standing, label, &asks);
    }
    // 低保边缘家庭 has no recorded status in the case: the engine's finding is one to recognise.
    let edge = decided.get("dibao_edge");
    let edge_standing = match edge.outcome {
        Outcome::Applies => Standing::Found,
        Outcome::CannotDecide if dibao.outcome != Outcome::Applies && s.dibao != Some(true) => Standing::Unknown,
        _ => Standing::Not,
    };
    sort(edge_standing, "低保边缘家庭", &edge.missing);
    // 其他脱贫户: a recorded fact, not a recognition — 脱贫户 that never had housing support.
    let exited = match (ctx.case.household_type, ctx.case.housing_support_received) {
        (Some(HouseholdType::PovertyExited), Some(false)) => Standing::Recorded,
        (Some(HouseholdType::PovertyExited), None) => {
            unknown.push(Missing::of(field::HOUSING_SUPPORT_RECEIVED));
            Standing::Not
        }
        (None, _) => {
            unknown.push(Missing::of(field::HOUSEHOLD_TYPE));
            Standing::Not
        }
        _ => Standing::Not,
    };
    if exited == Standing::Recorded {
        now.push("未享受过住房保障的脱贫户");
    }
    let work = if h == Housing::GradeD { "一般拆除重建" } else { "一般修缮加固" };
    for g in &now {
        d.finding("priority_ground", g, Some(true), "危房改造重点对象");
    }
    for g in &found {
        d.finding("priority_ground_found", g, None, "本次核查符合认定条件，待认定");
    }
    d.condition(
        "priority_group",
        "属危房改造重点对象（监测对象、低保户、分散供养特困人员、低保边缘家庭、突发严重困难户、未享受过住房保障的脱贫户）",
        match (now.is_empty(), found.is_empty(), unknown.is_empty()) {
            (false, _, _) => Some(true),
            (true, true, true) => Some(false),
            _ => None,
        },
        match (now.is_empty(), found.is_empty(), unknown.is_empty()) {
            (false, _, _) => Prose::labels("", now.iter().copied(), "、"),
            (true, false, _) => prose!("本次核查符合{}条件，待认定", Prose::labels("", found.iter().copied(), "、")),
            (true, true, false) => prose!("尚不能确定"),
            (true, true, true) => prose!("不属重点对象"),
        },
    );
    let once = (!found.is_empty()).then(|| prose!("认定为{}后，为危房改造重点对象，应优先保障", Prose::labels("", found.iter().copied(), "、")));
    if !now.is_empty() {
        d.category("priority", "重点对象（优先）");
        d.once_recognised = once;
        let reason = prose!("{}：{}；属{}，为危房改造重点对象，应优先保障", h.label(), work, Prose::labels("", now.iter().copied(), "、"));
        return Ok(d.decided(Outcome::Applies, reason));
    }
    if let Some(o) = once {
        d.category("priority", "重点对象（待认定）");
        let reason =
            prose!("{}：{}；本次核查符合{}条件，{}；认定前按住房安全问题上报核实", h.label(), work, Prose::labels("", found.iter().copied(), "、"), o.clone());
        d.once_recognised = Some(o);
        return Ok(d.decided(Outcome::OnceRecognised, reason));
    }
    if !unknown.is_empty() {
        unknown.sort();
        unknown.dedup();
        let mut d = d.undecided(unknown, "");
        d.reason = prose!("{}：是否属危房改造重点对象尚不能确定，请补充；不属重点对象的，为住房安全问题，须上报核实", h.label());
        return Ok(d);
    }
    // Outside the six groups: a safety problem to report, not a renovation entitlement.
    d.citations.push(anchor::HOUSING_OUTSIDE_PRIORITY_GROUPS.cite());
    d.category("report", "住房安全问题（须上报）");
    let reason = prose!("{}：住房安全问题，须上报核实；不属危房改造重点对象（{}），不是危房改造对象", h.label(), GROUPS);
    Ok(d.decided(Outcome::DoesNotApply, reason))
}
