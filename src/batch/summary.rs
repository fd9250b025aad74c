//! Counts over a batch: households evaluated or in error, and for each measure how many
//! households it applies to, by category (e.g. each 监测对象 type).
use super::household::HouseholdRow;
use crate::explain::Outcome;
use crate::household::HouseholdResult;
use serde::Serialize;

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Data rows read (members).
    pub rows: usize,
    pub households: usize,
    pub evaluated: usize,
    pub with_errors: usize,
    /// Evaluated households with one member.
    pub single_member: usize,
    /// Evaluated households some decision of which still lacks an input.
    pub incomplete: usize,
    pub measures: Vec<MeasureCount>,
    /// Labels of unverified parameter values the results used.
    pub unverified: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MeasureCount {
    pub measure: String,
    pub title: String,
    pub applies: usize,
    /// 待认定: eligible once a recognition this evaluation finds is made.
    pub once_recognised: usize,
    pub does_not_apply: usize,
    pub cannot_decide: usize,
    /// Households it applies to, by category label (e.g. 边缘易致贫户), in order of first appearance.
    pub categories: Vec<CategoryCount>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryCount {
    pub label: String,
    pub count: usize,
}

impl Summary {
    pub fn new(measures: &[(String, String)]) -> Summary {
        Summary {
            measures: measures.iter().map(|(m, t)| MeasureCount { measure: m.clone(), title: t.clone(), ..Default::default() }).collect(),
            ..Default::default()
        }
    }

    pub fn add(&mut self, row: &HouseholdRow, result: Option<&HouseholdResult>) {
        self.rows += row.members;
        self.households += 1;
        let Some(r) = result else {
            self.with_errors += 1;
            return;
        };
        self.evaluated += 1;
        if r.household_size == 1 {
            self.single_member += 1;
        }
        if !r.missing.is_empty() {
            self.incomplete += 1;
        }
        for (i, d) in r.decisions.iter().enumerate() {
            // The engine returns its decisions in the order the columns were made from.
            let at = match self.measures.get(i) {
                Some(m) if m.measure == d.measure => Some(i),
                _ => self.measures.iter().position(|m| m.measure == d.measure),
            };
            let Some(m) = at.and_then(|i| self.measures.get_mut(i)) else { continue };
            match d.outcome {
                Outcome::Applies => {
                    m.applies += 1;
                    if let Some(label) = &d.category_label {
                        match m.categories.iter_mut().find(|c| c.label == *label) {
                            Some(c) => c.count += 1,
                            None => m.categories.push(CategoryCount { label: label.to_string(), count: 1 }),
                        }
                    }
                }
                Outcome::OnceRecognised => m.once_recognised += 1,
                Outcome::DoesNotApply => m.does_not_apply += 1,
                Outcome::CannotDecide => m.cannot_decide += 1,
            }
        }
        for u in &r.unverified {
            if !self.unverified.iter().any(|x| **x == **u) {
                self.unverified.push(u.to_string());
            }
        }
    }

    /// Adds the counts of the households that follow this summary's (same measures). Labels keep
    /// their order of first appearance, so merging the parts of a file in order gives the same
    /// summary as adding its households one by one.
    pub fn merge(&mut self, later: Summary) {
        self.rows += later.rows;
        self.households += later.households;
        self.evaluated += later.evaluated;
        self.with_errors += later.with_errors;
        self.single_member += later.single_member;
        self.incomplete += later.incomplete;
        for (m, l) in self.measures.iter_mut().zip(later.measures) {
            m.applies += l.applies;
            m.once_recognised += l.once_recognised;
            m.does_not_apply += l.does_not_apply;
            m.cannot_decide += l.cannot_decide;
            for c in l.categories {
                match m.categories.iter_mut().find(|x| x.label == c.label) {
                    Some(x) => x.count += c.count,
                    None => m.categories.push(c),
                }
            }
        }
        for u in later.unverified {
            if !self.unverified.contains(&u) {
                self.unverified.push(u);
            }
        }
    }
}
