// What-if in trainer mode: which inputs of the household differ from the scenario as told, each
// named by the field catalogue's label (householdFields(); a member's field with the member's name).
// Values are shown as entered (money as decimal text, never parsed into floats).

/** `{a: {b: 1}, m: [{x: 2}]}` → Map { "$.a.b" → 1, "$.m[0].x" → 2 }; arrays of plain values stay whole. */
function flatten(value, path = "$", out = new Map()) {
  if (Array.isArray(value) && value.some((v) => v !== null && typeof v === "object")) {
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, `${path}.${k}`, out);
  } else if (value !== undefined) {
    out.set(path, Array.isArray(value) ? value.join("、") : value);
  }
  return out;
}

const shown = (v) => v === undefined || v === "" ? "未填" : v === true ? "是" : v === false ? "否" : String(v);

/** The Chinese label of an input path, e.g. `$.members[1].medical_out_of_pocket` → `李四：医疗自付费用`. */
export function labelOf(path, state, fields, incomeItems) {
  const m = path.match(/^\$\.members\[(\d+)\]\.(.+)$/);
  const key = m ? `members[].${m[2]}` : path.replace(/^\$\./, "");
  const income = key.startsWith("incomes.") ? incomeItems.find((it) => `incomes.${it.code}` === key) : null;
  const field = fields.find((f) => f.path.replace(/^\$\./, "") === key);
  const label = field?.label ?? income?.label ?? key;
  if (!m) return label;
  const i = Number(m[1]);
  return `${state?.members?.[i]?.name ?? `成员 ${i + 1}`}：${label}`;
}

/** Every input that differs between two states of the form: `{ path, label, before, after }`. */
export function inputChanges(before, after, fields, incomeItems) {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => p !== "$.schema");
  return paths.filter((p) => a.get(p) !== b.get(p))
    .map((p) => ({ path: p, label: labelOf(p, after, fields, incomeItems), before: shown(a.get(p)), after: shown(b.get(p)) }));
}
