// Today's date as the user's own calendar has it (YYYY-MM-DD, the device's time zone: Asia/Shanghai
// on these machines). The one place a default 核查日期 comes from: `toISOString()` is UTC, which
// before 08:00 Beijing time is still yesterday.
export function localDate(d = new Date()) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
