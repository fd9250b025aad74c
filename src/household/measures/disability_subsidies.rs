//! 残疾人两项补贴 — 实施意见 五(十四), per disabled member:
//!
//! > 加强儿童福利和残疾人福利各项政策的落实
//!
//! The two subsidies as national practice names their objects (docs/policy-reference.md §8,
//! secondary; policy/excerpts/disability-subsidies-national.txt):
//! 1. 困难残疾人生活补贴: a disabled member of a 低保 household (recorded — or found eligible for
//!    低保 by this evaluation: then **once recognised**);
//! 2. 重度残疾人护理补贴: disability grade `disability.care_subsidy_max_grade` or heavier (一、二级),
//!    for those needing long-term care (the case does not record care needs: the reason says so).
//!
//! The amounts are the province's and were not found: the engine names the objects only.
use super::{Decided, Measure};
use crate::case::field;
use crate::error::Failure;
use crate::explain::Outcome;
use crate::household::decision::{disability_parts, Ctx, Decision, MemberFinding};
use crate::household::facts::{self, Standing};
use crate::params::param;
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};
use rust_decimal::Decimal;

pub static MEASURE: Measure = Measure {
    code: "disability_subsidies",
    title: "残疾人两项补贴",
    per_member: true,
    clauses: &[anchor::DISABILITY_WELFARE, anchor::DISABILITY_LIVING_SUBSIDY_NATIONAL, anchor::DISABILITY_CARE_SUBSIDY_NATIONAL],
    reads: &[field::MEMBER_HAS_DISABILITY, field::MEMBER_DISABILITY_KIND, field::MEMBER_DISABILITY_GRADE, field::STATUS_DIBAO],
    after: &["dibao"],
    decide,
};

/// What every applying member is told about amounts.
const AMOUNT_NOTE: &str = "补贴标准按省里规定（未找到），不计算金额";

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    // The clause, and the national rule for each subsidy only where it is in question.
    d.citations = vec![anchor::DISABILITY_WELFARE.cite()];
    let (mut living_cited, mut care_cited) = (false, false);
    // Read only once a disabled member is found: a household without one uses no parameter (and
    // its card is not marked 暂定).
    let mut max_grade_read = None;
    let dibao = facts::dibao(ctx, decided);
    // A 低保 standing still open: what the 低保 check needs (a recorded "no" is not the last word).
    let dibao_open = facts::dibao_open(ctx, decided);
    for (i, m) in ctx.case.members.iter().enumerate() {
        if m.has_disability == Some(false) {
            continue;
        }
        let mut f = MemberFinding::new(i, m, Outcome::CannotDecide, "");
        if m.has_disability.is_none() {
            f.reason = "是否残疾未填".into();
            f.missing = vec![ctx.missing(i, field::MEMBER_HAS_DISABILITY)];
            d.members.push(f);
            continue;
        }
        let max_grade = match max_grade_read {
            Some(g) => g,
            None => *max_grade_read.insert(ctx.scope.get(param::DISABILITY_CARE_SUBSIDY_MAX_GRADE)?),
        };
        let (kind, grade_label) = disability_parts(m);
        let mut missing = Vec::new();
        // 1. 困难残疾人生活补贴: the household's 低保 standing.
        let living = match dibao {
            Standing::Recorded => Some(true),
            Standing::Not => Some(false),
            Standing::Found | Standing::Unknown => None,
        };
        f.condition(
            "living_subsidy",
            "低保家庭的残疾人（困难残疾人生活补贴）",
            living,
            match dibao {
                Standing::Recorded => "低保户".into(),
                Standing::Found => "本次核查符合低保条件，待认定".into(),
                Standing::Not => "非低保家庭".into(),
                Standing::Unknown => dibao_open.note.clone(),
            },
        );
        living_cited |= dibao != Standing::Not;
        if dibao == Standing::Recorded {
            f.grounds.push(prose!("困难残疾人生活补贴（低保家庭的残疾人）"));
        } else if dibao == Standing::Unknown {
            missing.extend(dibao_open.asks.iter().cloned());
        }
        // 2. 重度残疾人护理补贴: the grade.
        let grade = m.disability.and_then(|x| x.grade);
        let severe = grade.map(|g| Decimal::from(g) <= max_grade);
        f.condition(
            "care_subsidy",
            "重度残疾（重度残疾人护理补贴）",
            severe,
            match grade {
                Some(_) => prose!("{}{}；护理补贴对象为 {} 级及以上", kind, grade_label, max_grade),
                None => prose!("残疾等级未填"),
            },
        );
        care_cited |= severe != Some(false);
        match severe {
            Some(true) => f.grounds.push(prose!("重度残疾人护理补贴（{}{}，需长期照护的）", kind, grade_label)),
            Some(false) => {}
            None => missing.push(ctx.missing(i, field::MEMBER_DISABILITY_GRADE)),
        }
        if dibao == Standing::Found {
            f.once_recognised = Some(prose!("认定为低保对象后可领困难残疾人生活补贴"));
        }
        let grounds = Prose::join(f.grounds.clone(), Sep::Comma);
        if !f.grounds.is_empty() {
            f.outcome = Outcome::Applies;
            f.reason = match &f.once_recognised {
                Some(once) => prose!("{}{}，可领{}；{}", kind, grade_label, grounds, once.clone()),
                None => prose!("{}{}，可领{}", kind, grade_label, grounds),
            };
        } else if dibao == Standing::Found && severe.is_some() {
            f.outcome = Outcome::OnceRecognised;
            f.reason = prose!("{}{}，本次核查符合低保条件：认定为低保对象后可领困难残疾人生活补贴", kind, grade_label);
        } else if dibao == Standing::Unknown && severe.is_some() {
            f.reason = prose!("{}{}：{}；补充后如属低保家庭，可领困难残疾人生活补贴", kind, grade_label, dibao_open.note.clone());
            f.missing = missing;
        } else if !missing.is_empty() || dibao == Standing::Found {
            f.reason = prose!("{}{}：低保身份或残疾等级未定", kind, grade_label);
            f.missing = missing;
        } else {
            f.outcome = Outcome::DoesNotApply;
            f.reason = prose!("{}{}，非低保家庭且不属重度残疾，不属两项补贴对象", kind, grade_label);
        }
        d.members.push(f);
    }
    d.settle_members();
    if living_cited {
        d.citations.push(anchor::DISABILITY_LIVING_SUBSIDY_NATIONAL.cite());
    }
    if care_cited {
        d.citations.push(anchor::DISABILITY_CARE_SUBSIDY_NATIONAL.cite());
    }
    let pending: Vec<Prose> = d.members.iter().filter_map(|f| f.once_recognised.as_ref().map(|o| prose!("{}{}", f.display_name(), o.clone()))).collect();
    if !pending.is_empty() {
        d.once_recognised = Some(Prose::join(pending, Sep::Semicolon));
    }
    // The card lists each member with the grounds; the household reason only sums up.
    d.reason = match d.outcome {
        Outcome::Applies => prose!("{} 名残疾成员属两项补贴对象。{}", d.members_with(Outcome::Applies).count(), AMOUNT_NOTE),
        Outcome::OnceRecognised => prose!("本次核查符合低保条件：认定为低保对象后，残疾成员可领困难残疾人生活补贴。{}", AMOUNT_NOTE),
        Outcome::CannotDecide => "残疾成员的低保身份或残疾等级尚未确定，无法判断（见各成员）".into(),
        Outcome::DoesNotApply if d.members.is_empty() => "家中没有残疾成员".into(),
        Outcome::DoesNotApply => {
            prose!("残疾成员非低保家庭且不属重度残疾（护理补贴为 1–{} 级），不属两项补贴对象", max_grade_read.unwrap_or_default())
        }
    };
    Ok(d)
}
