// How a portal (or a Web Worker) uses the spreadsheet module, type-checked against the
// declarations by `make typecheck`: open a file, evaluate it a slice at a time, read the results
// of a household 台账 or a village indicator sheet, export them.
import init, { BatchSession, villageTemplateXlsx, type BatchHousehold, type BatchInfo, type BatchMeasureCount, type BatchVillageRow } from "./jingning_sheet";

export async function rankVillagesInSheet(bytes: Uint8Array, name: string): Promise<string[]> {
  await init();
  // The second sheet of a workbook, read as a village indicator sheet whatever its headers say.
  const session = new BatchSession(bytes, name, { sheet: 2, kind: "village" });
  try {
    const info: BatchInfo = session.info();
    if (info.kind !== "village") return [];
    const rows: BatchVillageRow[] = session.villages().villages;
    return rows.map((v) =>
      v.ok
        ? `${v.rank}. ${v.name} ${v.total} 分（${v.grade}，${v.class_label}）先补：${v.shortfalls.map((s) => `${s.name} +${s.regain}`).join("、")}`
        : v.errors.map((e) => `第 ${e.row} 行「${e.column}」：${e.message}`).join("；"),
    );
  } finally {
    session.free();
  }
}

export async function householdsInSheet(bytes: Uint8Array, name: string, date: string): Promise<{ households: BatchHousehold[]; xlsx: Uint8Array }> {
  await init();
  const session = new BatchSession(bytes, name, { assessment_date: date, sheet: "台账" });
  let p = session.step(1000);
  while (!p.done) p = session.step(1000);
  const households = session.households(0, p.households);
  return { households, xlsx: session.exportXlsx() };
}

export const villageTemplate = (): Uint8Array => villageTemplateXlsx(undefined);

/** Per measure: households it applies to now, and those it will apply to once a recognition is made (待认定). */
export async function measureCounts(bytes: Uint8Array, name: string, date: string): Promise<string[]> {
  await init();
  const session = new BatchSession(bytes, name, { assessment_date: date, sheet: "台账" });
  try {
    let p = session.step(1000);
    while (!p.done) p = session.step(1000);
    return session.summary().measures.map((m: BatchMeasureCount) => `${m.title}：符合 ${m.applies} 户，待认定 ${m.once_recognised} 户`);
  } finally {
    session.free();
  }
}
