//! “一户一策” help measures (二(二)): for members able to work, 产业 and 就业 help, and
//! 公益性岗位 for 弱劳力/半劳力 (三(七)); for a household without labour capacity, 兜底保障; and
//! 专项救助 (医疗, 教育, 住房, 就业) by its difficulties (五(十五)).
use super::decision::{Ctx, Decision};
use crate::case::{Housing, Labour, Risk, Schooling};
use crate::explain::{Missing, Outcome};
use crate::policy::anchor;
use crate::prose;
use crate::prose::{Prose, Sep};
use smallvec::SmallVec;

/// `monitoring`: this evaluation's monitoring decision (a household it identifies gets a plan too).
pub fn decide(d: &mut Decision, ctx: &Ctx, monitoring: &Decision) {
    let monitoring_applies = monitoring.outcome == Outcome::Applies;
    d.start("help_plan", "“一户一策”帮扶措施");
    // Room for every help measure this can list.
    d.findings.reserve_exact(8);
    d.citations = smallvec::smallvec![anchor::HELP_ONE_PLAN.cite()];
    let c = ctx.case;
    // Members able to work (全劳力, 半劳力) and those for public-welfare jobs (弱劳力, 半劳力), in
    // one pass; each list joined once.
    let (mut able, mut weak) = (SmallVec::<[Prose; 4]>::new(), SmallVec::<[Prose; 4]>::new());
    for (i, m) in c.members.iter().enumerate() {
        match m.labour {
            Some(Labour::Full) => able.push(Ctx::name(m, i)),
            Some(Labour::Half) => {
                able.push(Ctx::name(m, i));
                weak.push(Ctx::name(m, i));
            }
            Some(Labour::Weak) => weak.push(Ctx::name(m, i)),
            _ => {}
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
    let students = c
        .members
        .iter()
        .any(|m| matches!(m.schooling, Some(Schooling::Primary | Schooling::Junior | Schooling::Senior | Schooling::Vocational | Schooling::Higher)));
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
    let kind = if no_labour == Some(true) { ("bottom_line", "兜底保障型") } else { ("development", "开发帮扶型") };
    let monitored = c.status.monitored == Some(true) || monitoring_applies;
    if no_labour.is_none() && able.is_none() && weak.is_none() {
        return d.undecided(ctx.labour_missing(), "成员劳动能力未填，无法制定帮扶措施");
    }
    d.category(kind.0, kind.1);
    let list = Prose::labels("", d.findings.iter().map(|f| f.label), "、");
    if monitored {
        d.outcome = Outcome::Applies;
        d.reason = prose!("监测对象，实施“一户一策”（{}）：{}", kind.1, list);
    } else if c.status.monitored.is_none() || monitoring.outcome == Outcome::CannotDecide {
        d.outcome = Outcome::CannotDecide;
        d.missing = if c.status.monitored.is_none() { vec![Missing::new("$.status.monitored", "监测对象")] } else { Vec::new() };
        d.missing.extend(monitoring.missing.iter().cloned());
        d.reason = prose!("是否监测对象尚不能确定；如为监测对象，建议：{}", list);
    } else {
        d.outcome = Outcome::DoesNotApply;
        d.reason = prose!("不是监测对象，无需“一户一策”；可参考：{}", list);
    }
}
