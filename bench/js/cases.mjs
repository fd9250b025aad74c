// The synthetic households of `make bench-js` (bench/js/households.mjs) and of the A/B comparison of
// builds (bench/js/ab.mjs): deterministic, so every run and every build evaluates the same ones.

// A deterministic generator (xorshift32), so every run evaluates the same households.
export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

const ADULT = (i) => ({ name: `成员${i}`, relation: i === 0 ? "head" : "child", birth_date: `${1970 + i}-03-01`, sex: i % 2 ? "female" : "male", labour_capacity: "full",
  has_disability: false, serious_illness: false, medical_insurance: true, pension_insurance: true, family_planning_two_certificates: false, medical_out_of_pocket: "0", supporter: "able" });
const ELDER = { name: "老人", relation: "parent", birth_date: "1950-01-01", sex: "female", labour_capacity: "weak", has_disability: false, serious_illness: false, chronic_illness: true,
  medical_insurance: true, pension_insurance: true, family_planning_two_certificates: false, medical_out_of_pocket: "1200", supporter: "able" };
const CHILD = (i) => ({ name: `孩子${i}`, relation: "grandchild", birth_date: `${2012 + i}-09-01`, sex: i % 2 ? "female" : "male", labour_capacity: "none", has_disability: false,
  serious_illness: false, schooling: "primary", medical_insurance: true, medical_out_of_pocket: "0", supporter: "able" });

export const yuan = (cents) => `${cents < 0n ? "-" : ""}${(cents < 0n ? -cents : cents) / 100n}.${String((cents < 0n ? -cents : cents) % 100n).padStart(2, "0")}`;

/** A household of `size` whose income counted for 低保 is exactly `countedCents`. */
export function household(size, countedCents, r) {
  const members = [ADULT(0)];
  for (let i = 1; i < size; i++) members.push(i === 1 && r() < 0.5 ? ELDER : r() < 0.5 ? ADULT(i) : CHILD(i));
  const costs = 30000n; // 300 元 of employment costs, all deducted (wage is larger)
  const pension = BigInt(Math.floor(r() * 200000)); // excluded from 低保 income
  return {
    schema: "jingning.household/1", assessment_date: "2024-06-30", household_type: r() < 0.5 ? "poverty_exited" : "ordinary",
    status: { dibao: false, tekun: false, monitored: false, returned_to_poverty: false }, members,
    incomes: { wage: yuan(countedCents + costs), business_net: "0", property_net: "0", transfer_net: "0", basic_pension: yuan(pension), special_care: "0",
      family_planning: "0", scholarship: "0", heroism_award: "0", social_assistance: "0" },
    employment_costs: yuan(costs), last_year_total_income: yuan(countedCents + costs + pension),
    expenses: { education: "0", disability_rehab: "0", disaster_loss: "0", accident_loss: "0" }, assets: { within_dibao_rules: true },
    housing: "safe", drinking_water: "safe", food_clothing_secure: true, risks: [],
  };
}

/** `n` households of 1–6 members, counted income spread from 0 to 15,000 元 a member. */
export function generate(n, seed = 18) {
  const r = rng(seed);
  const cases = [];
  for (let i = 0; i < n; i++) {
    const size = 1 + Math.floor(r() * 6);
    cases.push(household(size, BigInt(Math.floor(r() * 1500000 * size)), r));
  }
  return { cases, r };
}
