//! 控辍保学 (二(三)): children of compulsory-school age out of school, unless for health reasons
//! (身体原因不具备学习条件), must be brought back.
use super::decision::{Ctx, Decision, MemberFinding};
use crate::case::{OutOfSchoolReason, Schooling};
use crate::decode::Choice;
use crate::explain::{Missing, Outcome};
use crate::policy::anchor;
use crate::prose;

pub fn decide(d: &mut Decision, ctx: &Ctx) {
    d.start("schooling", "控辍保学");
    d.citations = smallvec::smallvec![anchor::SCHOOLING_DROPOUT.cite()];
    let (from, until) = ctx.school_ages;
    for (i, m) in ctx.case.members.iter().enumerate() {
        let name = m.name.clone();
        let Some(age) = ctx.age(m) else {
            if m.schooling == Some(Schooling::OutOfSchool) {
                d.members.push(MemberFinding {
                    index: i,
                    name,
                    outcome: Outcome::CannotDecide,
                    grounds: smallvec::smallvec![],
                    amount: None,
                    reason: "失学辍学，但年龄未知".into(),
                    missing: vec![Missing::new(Ctx::member_path(i, "birth_date"), "出生日期或身份证号")],
                });
            }
            continue;
        };
        if age < from || age >= until {
            continue;
        }
        let f = match (m.schooling, m.out_of_school_reason) {
            (None, _) => MemberFinding {
                index: i,
                name,
                outcome: Outcome::CannotDecide,
                grounds: smallvec::smallvec![],
                amount: None,
                reason: prose!("{} 岁，义务教育适龄，在校情况未填", age),
                missing: vec![Missing::new(Ctx::member_path(i, "schooling"), "在校情况")],
            },
            (Some(Schooling::OutOfSchool), Some(OutOfSchoolReason::Health)) => MemberFinding {
                index: i,
                name,
                outcome: Outcome::DoesNotApply,
                grounds: smallvec::smallvec![OutOfSchoolReason::Health.label().into()],
                amount: None,
                reason: prose!("{} 岁，因身体原因不具备学习条件，可送教上门", age),
                missing: vec![],
            },
            (Some(Schooling::OutOfSchool), None) => MemberFinding {
                index: i,
                name,
                outcome: Outcome::Applies,
                grounds: smallvec::smallvec!["失学辍学".into()],
                amount: None,
                reason: prose!("{} 岁，义务教育阶段失学辍学（原因未填），应劝返复学", age),
                missing: vec![Missing::new(Ctx::member_path(i, "out_of_school_reason"), "失学辍学原因")],
            },
            (Some(Schooling::OutOfSchool), Some(r)) => MemberFinding {
                index: i,
                name,
                outcome: Outcome::Applies,
                grounds: smallvec::smallvec![prose!("失学辍学（{}）", r.label())],
                amount: None,
                reason: prose!("{} 岁，义务教育阶段失学辍学（{}），应落实“五长”责任劝返复学", age, r.label()),
                missing: vec![],
            },
            (Some(s), _) => MemberFinding {
                index: i,
                name,
                outcome: Outcome::DoesNotApply,
                grounds: smallvec::smallvec![],
                amount: None,
                reason: prose!("{} 岁，{}", age, s.label()),
                missing: vec![],
            },
        };
        d.members.push(f);
    }
    d.settle_members();
    d.reason = match d.outcome {
        Outcome::Applies => "有义务教育适龄儿童少年失学辍学，应劝返复学".into(),
        Outcome::DoesNotApply if d.members.is_empty() => "家中没有义务教育适龄儿童少年".into(),
        Outcome::DoesNotApply => "义务教育适龄儿童少年均在校（或因身体原因送教上门）".into(),
        Outcome::CannotDecide => "部分适龄成员在校情况未填".into(),
    };
}
