//! The household case: one JSON format (`"schema": "jingning.household/1"`) for the page's
//! import/export, the JS API, the CLI and the tests. See docs/household-case.md.
//!
//! Every field except `schema`, `assessment_date` and `members` may be absent: absent (or null)
//! means unknown, and each rule that needs it says so (`Missing`) instead of guessing.
pub mod fields;
pub mod id_number;
mod read;

use crate::choice_enum;
pub mod incomes;
use chrono::NaiveDate;
pub use incomes::{IncomeItem, Incomes};
use rust_decimal::Decimal;
use serde::Serialize;

pub use fields::{field, Field, FieldDef, FIELDS};
pub use id_number::Sex;
pub use read::{from_json, from_node, from_value};

/// The schema tag this version reads.
pub const SCHEMA: &str = "jingning.household/1";
/// Most members one household may list.
pub const MAX_MEMBERS: usize = 30;

choice_enum! {
    /// 与户主关系
    pub enum Relation {
        Head = ("head", "户主"),
        Spouse = ("spouse", "配偶"),
        Child = ("child", "子女"),
        ChildInLaw = ("child_in_law", "儿媳/女婿"),
        Grandchild = ("grandchild", "孙子女/外孙子女"),
        Parent = ("parent", "父母"),
        Grandparent = ("grandparent", "祖父母/外祖父母"),
        Sibling = ("sibling", "兄弟姐妹"),
        Other = ("other", "其他"),
    }
}

choice_enum! {
    /// 劳动能力
    pub enum Labour {
        Full = ("full", "全劳力"),
        Half = ("half", "半劳力"),
        Weak = ("weak", "弱劳力"),
        None = ("none", "无劳力"),
    }
}

choice_enum! {
    /// 残疾类别
    pub enum DisabilityKind {
        Visual = ("visual", "视力残疾"),
        Hearing = ("hearing", "听力残疾"),
        Speech = ("speech", "言语残疾"),
        Physical = ("physical", "肢体残疾"),
        Intellectual = ("intellectual", "智力残疾"),
        Mental = ("mental", "精神残疾"),
        Multiple = ("multiple", "多重残疾"),
    }
}

choice_enum! {
    /// 在校情况 / 学段
    pub enum Schooling {
        NotSchoolAge = ("not_school_age", "学龄前或非在校"),
        Preschool = ("preschool", "学前教育"),
        Primary = ("primary", "小学"),
        Junior = ("junior", "初中"),
        Senior = ("senior", "普通高中"),
        Vocational = ("vocational", "中职/技工"),
        HigherVocational = ("higher_vocational", "高职（专科）"),
        University = ("university", "本科及以上"),
        // Kept so cases and ledgers written before the split still read; 雨露计划 (中职/高职 only)
        // asks for the finer stage when it matters.
        Higher = ("higher", "高职/大学（未细分）"),
        OutOfSchool = ("out_of_school", "失学辍学"),
        Finished = ("finished", "已毕业/不在校"),
    }
}

choice_enum! {
    /// 未入学/辍学原因
    pub enum OutOfSchoolReason {
        Health = ("health", "身体原因不具备学习条件"),
        Work = ("work", "外出务工"),
        Weariness = ("weariness", "厌学"),
        Family = ("family", "家庭困难"),
        Other = ("other", "其他"),
    }
}

choice_enum! {
    /// 法定赡养、抚养、扶养义务人情况（特困认定）
    pub enum Supporter {
        NoneExists = ("none", "无法定义务人"),
        Unable = ("unable", "有义务人但无履行能力"),
        Able = ("able", "有义务人且有履行能力"),
    }
}

choice_enum! {
    /// 农户类型
    pub enum HouseholdType {
        PovertyExited = ("poverty_exited", "脱贫户"),
        Ordinary = ("ordinary", "一般农户"),
    }
}

choice_enum! {
    /// 低保类别（甘肃 一至四类）
    pub enum DibaoClass {
        Class1 = ("class1", "一类"),
        Class2 = ("class2", "二类"),
        Class3 = ("class3", "三类"),
        Class4 = ("class4", "四类"),
    }
}

choice_enum! {
    /// 监测对象类型（二(二)）
    pub enum MonitoringType {
        Unstable = ("unstable", "脱贫不稳定户"),
        Edge = ("edge", "边缘易致贫户"),
        Sudden = ("sudden", "突发严重困难户"),
    }
}

choice_enum! {
    /// 返贫致贫风险类型
    pub enum Risk {
        Illness = ("illness", "因病"),
        Disability = ("disability", "因残"),
        Schooling = ("schooling", "因学"),
        Disaster = ("disaster", "因灾"),
        Accident = ("accident", "因意外"),
        IndustryFailure = ("industry_failure", "因产业项目失败"),
        UnstableJob = ("unstable_job", "因务工就业不稳"),
        LabourShortage = ("labour_shortage", "缺劳动力"),
        Other = ("other", "其他"),
        /// Not a risk: the answer of staff who checked and found none. Alone in the list (the
        /// reader refuses it beside a risk), and never among [`Case::declared_risks`]' risks as
        /// the rules read them (see `household::facts::risks`). Last, so the hash of every other
        /// kind, and every fingerprint without it, stays as it was.
        NoneVerified = ("none", "已核实无风险"),
    }
}

choice_enum! {
    /// 已落实的帮扶措施
    pub enum Measure {
        Industry = ("industry", "产业帮扶"),
        Employment = ("employment", "就业帮扶"),
        PublicWelfareJob = ("public_welfare_job", "公益性岗位"),
        Finance = ("finance", "金融帮扶（小额信贷）"),
        Education = ("education", "教育帮扶"),
        Health = ("health", "健康帮扶"),
        Housing = ("housing", "住房保障"),
        Water = ("water", "饮水保障"),
        SocialSecurity = ("social_security", "综合保障（低保/特困）"),
        TemporaryAid = ("temporary_aid", "临时救助"),
        Other = ("other", "其他"),
    }
}

choice_enum! {
    /// 住房安全
    pub enum Housing {
        Safe = ("safe", "安全"),
        GradeC = ("grade_c", "C级危房"),
        GradeD = ("grade_d", "D级危房"),
    }
}

choice_enum! {
    /// 饮水安全
    pub enum Water {
        Safe = ("safe", "安全"),
        Quality = ("quality", "水质不达标"),
        Quantity = ("quantity", "水量不足"),
        Access = ("access", "取水不便"),
        Supply = ("supply", "供水不稳定"),
    }
}

/// 残疾情况
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Disability {
    pub kind: Option<DisabilityKind>,
    /// 1–4 级
    pub grade: Option<u8>,
}

/// One member of the household.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    pub name: Option<crate::prose::Name>,
    pub relation: Option<Relation>,
    pub id_number: Option<String>,
    /// Given, or derived from the ID number.
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    pub labour: Option<Labour>,
    /// `Some(None)`-like states are avoided: `has_disability = Some(false)` means none.
    pub has_disability: Option<bool>,
    pub disability: Option<Disability>,
    pub serious_illness: Option<bool>,
    pub chronic_illness: Option<bool>,
    pub schooling: Option<Schooling>,
    pub out_of_school_reason: Option<OutOfSchoolReason>,
    pub medical_insurance: Option<bool>,
    pub pension_insurance: Option<bool>,
    pub family_planning_two_certificates: Option<bool>,
    pub working_away: Option<bool>,
    pub orphan: Option<bool>,
    pub supporter: Option<Supporter>,
    /// 医疗自付费用（近12个月）
    pub medical_out_of_pocket: Option<Decimal>,
    /// 本人年收入 under the 特困 exclusions (民发〔2021〕43号): what 无生活来源 tests.
    pub own_income: Option<Decimal>,
}

/// Current statuses of the household.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Status {
    pub dibao: Option<bool>,
    pub dibao_class: Option<DibaoClass>,
    pub tekun: Option<bool>,
    pub tekun_dispersed: Option<bool>,
    pub monitored: Option<bool>,
    pub monitored_since: Option<NaiveDate>,
    pub monitoring_type: Option<MonitoringType>,
    pub measures_taken: Option<Vec<Measure>>,
    pub returned_to_poverty: Option<bool>,
    pub income_stable_months: Option<u32>,
    pub original_risk_eliminated: Option<bool>,
    pub new_risk: Option<bool>,
    /// 易地扶贫搬迁户 (二(四) 后续扶持).
    pub relocated: Option<bool>,
}

/// Rigid expenses over the last 12 months (medical costs are per member).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Expenses {
    pub education: Option<Decimal>,
    pub disability_rehab: Option<Decimal>,
    pub disaster_loss: Option<Decimal>,
    pub accident_loss: Option<Decimal>,
}

/// 家庭财产（低保财产状况）
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Assets {
    pub deposits: Option<Decimal>,
    pub vehicles: Option<u32>,
    pub other_houses: Option<bool>,
    /// The staff's finding against the local 财产 rules (Gansu figures are not published here).
    pub within_dibao_rules: Option<bool>,
}

/// A decoded, validated household case.
#[derive(Debug, Clone, PartialEq, Hash, Serialize)]
pub struct Case {
    pub assessment_date: NaiveDate,
    pub head_name: Option<String>,
    pub village: Option<String>,
    pub household_type: Option<HouseholdType>,
    pub status: Status,
    pub members: Vec<Member>,
    pub incomes: Option<Incomes>,
    pub employment_costs: Option<Decimal>,
    pub last_year_total_income: Option<Decimal>,
    /// 上年度家庭纯收入: compared with this year's 纯收入 (like with like) for 收入大幅缩减.
    pub last_year_net_income: Option<Decimal>,
    pub expenses: Expenses,
    pub assets: Assets,
    pub housing: Option<Housing>,
    /// 享受过农村住房保障（危房改造等）: a 脱贫户 that has not is a 危房改造 priority object.
    pub housing_support_received: Option<bool>,
    pub drinking_water: Option<Water>,
    pub food_clothing_secure: Option<bool>,
    /// 返贫致贫风险 as declared: risk kinds, or only [`Risk::NoneVerified`] (checked, none found).
    pub declared_risks: Vec<Risk>,
}

impl Case {
    /// Staff recorded that they checked and found no 返贫致贫风险 (not merely that none was entered).
    pub fn no_risk_verified(&self) -> bool {
        self.declared_risks.contains(&Risk::NoneVerified)
    }
}

impl Schooling {
    /// In school at any stage (学前 to 大学): a student for 资助, not a contributor to 养老保险.
    pub fn is_student(self) -> bool {
        matches!(
            self,
            Schooling::Preschool
                | Schooling::Primary
                | Schooling::Junior
                | Schooling::Senior
                | Schooling::Vocational
                | Schooling::HigherVocational
                | Schooling::University
                | Schooling::Higher
        )
    }
}

impl Member {
    pub fn age_on(&self, date: NaiveDate) -> Option<u32> {
        self.birth_date.and_then(|b| id_number::age_on(b, date))
    }
}

/// Every enum's `{code, label}` list, keyed by the JSON field it fills, for form selects.
pub fn choices() -> std::collections::BTreeMap<&'static str, Vec<ChoiceInfo>> {
    use crate::decode::Choice;
    fn list<C: Choice>() -> Vec<ChoiceInfo> {
        C::OPTIONS.iter().map(|(_, code, label)| ChoiceInfo { code: code.to_string(), label: label.to_string() }).collect()
    }
    let mut m = std::collections::BTreeMap::new();
    m.insert("relation", list::<Relation>());
    m.insert("sex", list::<Sex>());
    m.insert("labour_capacity", list::<Labour>());
    m.insert("disability_kind", list::<DisabilityKind>());
    m.insert("schooling", list::<Schooling>());
    m.insert("out_of_school_reason", list::<OutOfSchoolReason>());
    m.insert("supporter", list::<Supporter>());
    m.insert("household_type", list::<HouseholdType>());
    m.insert("dibao_class", list::<DibaoClass>());
    m.insert("monitoring_type", list::<MonitoringType>());
    m.insert("risk", list::<Risk>());
    m.insert("measure", list::<Measure>());
    m.insert("housing", list::<Housing>());
    m.insert("drinking_water", list::<Water>());
    m.insert("income_item", list::<crate::household::income::IncomeItem>());
    m
}

/// [`choices`] and `outcome`, the Chinese label of each decision outcome (符合 / 不符合 / 需补充):
/// what a page needs to show a case and its result in the engine's own words.
pub fn choices_with_outcomes() -> std::collections::BTreeMap<&'static str, Vec<ChoiceInfo>> {
    let mut m = choices();
    let outcomes = crate::explain::Outcome::ALL.iter().map(|o| ChoiceInfo { code: o.code().to_string(), label: o.label().to_string() }).collect();
    m.insert("outcome", outcomes);
    m
}

/// One option of a select.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null, hashmap_as_object))]
pub struct ChoiceInfo {
    pub code: String,
    pub label: String,
}
