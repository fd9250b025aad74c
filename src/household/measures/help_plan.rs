//! “一户一策”帮扶措施 — 实施意见 二(二)、三(七)、五(十五):
//!
//! > 实施“一户一策”精准帮扶。对有劳动能力的,帮助其提高内生发展动力……对没有劳动能力且无法依靠
//! > 产业就业获得稳定收入的,纳入农村低保或特困人员救助供养范围 (二(二))
//!
//! For a 监测对象 (recorded; one identified by this evaluation's monitoring decision gets the plan
//! once recognised, 纳入监测后; an open monitoring check asks what it needs):
//! 1. members able to work (全劳力、半劳力): 产业帮扶 and 就业帮扶;
//! 2. 弱劳力、半劳力: 公益性岗位 (三(七));
//! 3. a household without labour capacity: 兜底保障;
//! 4. 专项救助 (医疗、教育、住房、就业) by its difficulties (五(十五)).
use super::{Decided, Measure};
use crate::case::{field, Housing, Labour, Risk, Schooling};
use crate::error::Failure;
use crate::explain::Outcome;
use crate::household::decision::{Ctx, Decision};
use crate::household::facts::{self, Standing};
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};

pub static MEASURE: Measure = Measure {
    code: "help_plan",
    title: "“一户一策”帮扶措施",
    per_member: false,
    clauses: &[
        anchor::HELP_ONE_PLAN,
        anchor::HELP_WITH_LABOUR,
        anchor::JOBS_PUBLIC_WELFARE,
        anchor::HELP_WITHOUT_LABOUR,
        anchor::BOTTOM_LINE_NO_LABOUR,
        anchor::BOTTOM_LINE_SPECIAL_AID,
    ],
    reads: &[field::MEMBER_LABOUR_CAPACITY, field::MEMBER_SCHOOLING, field::HOUSING, field::STATUS_MONITORED, field::RISKS],
    after: &["monitoring"],
    decide,
};

fn decide(ctx: &Ctx, decided: &Decided) -> Result<Decision, Failure> {
    let mut d = Decision::new(&MEASURE);
    d.citations = vec![anchor::HELP_ONE_PLAN.cite()];
    let c = ctx.case;
    // Members able to work (全劳力, 半劳力) and those for public-welfare jobs (弱劳力, 半劳力).
    let (mut able, mut weak) = (Vec::new(), Vec::new());
    for (i, m) in c.members.iter().enumerate() {
        if matches!(m.labour, Some(Labour::Full | Labour::Half)) {
            able.push(Ctx::name(m, i));
        }
        if matches!(m.labour, Some(Labour::Half | Labour::Weak)) {
            weak.push(Ctx::name(m, i));
        }
    }
    let able = (!able.is_empty()).then(|| Prose::join(able, Sep::Comma));
    let weak = (!weak.is_empty()).then(|| Prose::join(weak, Sep::Comma));
    let no_labour = ctx.no_labour_at_all();
    if let Some(able) = &able {
        d.finding("industry", "产业帮扶", Some(true), prose!("有劳动能力：{}，发展特色产业、落实到户产业扶持", able.clone()));
        d.finding("employment", "就业帮扶", Some(true), prose!("{}：技能培训、组织劳务输转、以工代赈", able.clone()));
        d.citations.push(anchor::HELP_WITH_LABOUR.cite());
    }
    if let Some(weak) = &weak {
        d.finding("public_welfare_job", "公益性岗位", Some(true), prose!("弱劳力、半劳力：{}，就地就近安置乡村公益岗位、生态护林员、光伏公益岗", weak.clone()));
        d.citations.push(anchor::JOBS_PUBLIC_WELFARE.cite());
    }
    if no_labour == Some(true) {
        d.finding("bottom_line", "兜底保障", Some(true), "整户无劳动能力，纳入农村低保或特困人员救助供养");
        d.citations.push(anchor::HELP_WITHOUT_LABOUR.cite());
        d.citations.push(anchor::BOTTOM_LINE_NO_LABOUR.cite());
    }
    let risks = ctx.risks();
    let has = |r: Risk| risks.iter().any(|(x, _)| *x == r);
    if has(Risk::Illness) {
        d.finding("medical_aid", "医疗救助", Some(true), "有重病/慢性病或医疗自付费用：落实基本医保、大病保险、医疗救助和慢病签约服务");
    }
    let students = c.members.iter().any(|m| m.schooling.is_some_and(|s| s != Schooling::Preschool && s.is_student()));
    if students || has(Risk::Schooling) {
        d.finding("education_aid", "教育救助", Some(true), "有在校学生或教育支出：落实学生资助、营养改善，控辍保学");
    }
    if matches!(c.housing, Some(Housing::GradeC | Housing::GradeD)) {
        d.finding("housing_aid", "住房救助", Some(true), "住房不安全：纳入危房改造");
    }
    if able.is_some() && (has(Risk::UnstableJob) || has(Risk::IndustryFailure)) {
        d.finding("employment_aid", "就业救助", Some(true), "务工就业不稳或产业失败：就业援助、稳岗");
    }
    if d.findings.iter().any(|f| f.code.ends_with("_aid")) {
        d.citations.push(anchor::BOTTOM_LINE_SPECIAL_AID.cite());
    }
    // The plan follows recognition as a 监测对象 (纳入监测): found eligible by this evaluation is not
    // yet recognised, and a recorded "no" with the monitoring check still open is not a "no".
    let standing = facts::monitored(ctx, decided);
    let open = facts::monitored_open(ctx, decided);
    d.condition(
        "monitored",
        "属监测对象",
        match standing {
            Standing::Recorded => Some(true),
            Standing::Not => Some(false),
            Standing::Found | Standing::Unknown => None,
        },
        match standing {
            Standing::Recorded => "现为监测对象".into(),
            Standing::Found => "本次核查识别为监测对象，待认定".into(),
            Standing::Not => "不属监测对象".into(),
            Standing::Unknown => open.note.clone(),
        },
    );
    if no_labour.is_none() && able.is_none() && weak.is_none() {
        return Ok(d.undecided(ctx.labour_missing(), "成员劳动能力未填，无法制定帮扶措施"));
    }
    let kind = if no_labour == Some(true) { ("bottom_line", "兜底保障型") } else { ("development", "开发帮扶型") };
    d.category(kind.0, kind.1);
    let list = Prose::labels("", d.findings.iter().map(|f| f.label), "、");
    match standing {
        Standing::Recorded => Ok(d.decided(Outcome::Applies, prose!("监测对象，实施“一户一策”（{}）：{}", kind.1, list))),
        Standing::Found => {
            d.once_recognised = Some(prose!("纳入监测对象后实施“一户一策”（{}）：{}", kind.1, list.clone()));
            // The measures themselves are in the 认定后 text, which cards and the print sheet show beside it.
            let reason = prose!("本次核查识别为监测对象，待认定；“一户一策”在纳入监测后实施");
            Ok(d.decided(Outcome::OnceRecognised, reason))
        }
        Standing::Unknown => {
            let reason = prose!("{}；如为监测对象，建议：{}", open.note, list);
            let mut d = d.undecided(open.asks, "");
            d.reason = reason;
            Ok(d)
        }
        Standing::Not => Ok(d.decided(Outcome::DoesNotApply, prose!("不是监测对象，无需“一户一策”；可参考：{}", list))),
    }
}
