//! 城乡居民医保 参保个人缴费资助 (五(十三)), per member, "就高不就低": 特困/孤儿 全额 →
//! 一、二类低保 → 三、四类低保/返贫致贫人口 → 脱贫人口/监测对象. Amounts from `params/medical.toml`
//! (the 2022 Gansu table is confirmed; other years are marked placeholders).
use super::decision::{Ctx, Decision, Grounds, MemberFinding};
use crate::case::{DibaoClass, HouseholdType};
use crate::error::Failure;
use crate::explain::{Missing, Outcome};
use crate::money;
use crate::money::Yuan;
use crate::params::{param, ParamId};
use crate::policy::anchor;
use crate::prose;
use rust_decimal::Decimal;

pub fn decide(d: &mut Decision, ctx: &Ctx) -> Result<(), Failure> {
    d.start_per_member("medical_insurance", "医保参保资助", ctx.case.members.len());
    d.citations = smallvec::smallvec![anchor::MEDICAL_SUBSIDY.cite(), anchor::MEDICAL_COVERAGE.cite()];
    let s = &ctx.case.status;
    let mut total = Decimal::ZERO;
    for (i, m) in ctx.case.members.iter().enumerate() {
        let mut missing = Vec::new();
        // Highest group first; the first one that is known to hold wins.
        let group: Option<(ParamId, &str)> = if s.tekun == Some(true) || m.orphan == Some(true) {
            Some((param::MEDICAL_SUBSIDY_FULL, "特困人员/孤儿（全额资助）"))
        } else if s.dibao == Some(true) {
            match s.dibao_class {
                Some(DibaoClass::Class1 | DibaoClass::Class2) => Some((param::MEDICAL_SUBSIDY_DIBAO_CLASS12, "农村一、二类低保")),
                Some(_) => Some((param::MEDICAL_SUBSIDY_DIBAO_CLASS34, "农村三、四类低保")),
                None => {
                    missing.push(Missing::new("$.status.dibao_class", "低保类别"));
                    None
                }
            }
        } else if s.returned_to_poverty == Some(true) {
            Some((param::MEDICAL_SUBSIDY_DIBAO_CLASS34, "返贫致贫人口"))
        } else if ctx.case.household_type == Some(HouseholdType::PovertyExited) || s.monitored == Some(true) {
            Some((param::MEDICAL_SUBSIDY_POVERTY_EXITED, "脱贫人口/监测对象"))
        } else {
            if s.tekun.is_none() {
                missing.push(Missing::new("$.status.tekun", "特困供养户"));
            }
            if s.dibao.is_none() {
                missing.push(Missing::new("$.status.dibao", "低保户"));
            }
            if s.returned_to_poverty.is_none() {
                missing.push(Missing::new("$.status.returned_to_poverty", "返贫致贫人口"));
            }
            if ctx.case.household_type.is_none() {
                missing.push(Missing::new("$.household_type", "农户类型"));
            }
            if s.monitored.is_none() {
                missing.push(Missing::new("$.status.monitored", "监测对象"));
            }
            None
        };
        let enrolled = m.medical_insurance;
        let f = match group {
            Some((id, label)) => {
                let amount = ctx.scope.get(id)?;
                total = money::add(total, amount, "医保资助合计")?;
                MemberFinding {
                    index: i,
                    name: m.name.clone(),
                    outcome: Outcome::Applies,
                    grounds: smallvec::smallvec![label.into()],
                    amount: Some(amount),
                    reason: match enrolled {
                        Some(false) => prose!("{}，资助个人缴费 {}；尚未参保，应动员参保", label, Yuan(amount)),
                        None => prose!("{}，资助个人缴费 {}；参保情况未填", label, Yuan(amount)),
                        Some(true) => prose!("{}，资助个人缴费 {}", label, Yuan(amount)),
                    },
                    missing: Vec::new(),
                }
            }
            None if missing.is_empty() => MemberFinding {
                index: i,
                name: m.name.clone(),
                outcome: Outcome::DoesNotApply,
                grounds: Grounds::new(),
                amount: None,
                reason: match enrolled {
                    Some(false) => "不属资助对象，按规定享受基本医保待遇；尚未参保，应动员参保".into(),
                    None => "不属资助对象，按规定享受基本医保待遇；参保情况未填".into(),
                    Some(true) => "不属资助对象，按规定享受基本医保待遇".into(),
                },
                missing,
            },
            None => MemberFinding {
                index: i,
                name: m.name.clone(),
                outcome: Outcome::CannotDecide,
                grounds: Grounds::new(),
                amount: None,
                reason: "身份信息未填，无法确定资助档次".into(),
                missing,
            },
        };
        d.members.push(f);
    }
    d.settle_members();
    if d.outcome == Outcome::Applies {
        d.amount = Some(total);
        d.amount_unit = Some("元/年");
        d.figure("资助合计", total, "元/年");
    }
    let n = d.members.iter().filter(|m| m.outcome == Outcome::Applies).count();
    d.reason = match d.outcome {
        Outcome::Applies => prose!("{} 人享受参保个人缴费资助，合计 {}（就高不就低，不重复资助）", n, Yuan(total)),
        Outcome::DoesNotApply => "家庭成员均不属参保资助对象".into(),
        Outcome::CannotDecide => "家庭身份信息未填，无法确定资助档次".into(),
    };
    Ok(())
}
