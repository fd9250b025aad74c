// The households checked recently in this browser (农户核查 "最近的户"): name, village, date,
// fingerprint and the case itself, to reopen one. Personal data, so it lives under a `jn.` key that
// "清除本机数据" removes (storage.js keeps only the settings keys); never sent anywhere.
const KEY = "jn.recent.household";
const LIMIT = 20;

export function recentCases() {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

/** Adds or updates a household (by its id), most recent first. */
export function rememberCase(entry) {
  const list = [{ ...entry, saved_at: new Date().toISOString() }, ...recentCases().filter((r) => r.id !== entry.id)].slice(0, LIMIT);
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // A full or disabled storage only loses the list; the page keeps working.
  }
}

export function forgetCase(id) {
  try {
    localStorage.setItem(KEY, JSON.stringify(recentCases().filter((r) => r.id !== id)));
  } catch {
    // As above.
  }
}

/** "清除本机数据": the whole list. */
export function forgetAll() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing to remove.
  }
}
