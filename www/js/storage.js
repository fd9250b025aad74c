// Everything the page keeps in the browser, in one place, so "clear" can remove every trace of
// personal data: drafts in sessionStorage (they survive a reload, not a closed tab), nothing
// personal in localStorage, and no case data in any cache.
const DRAFT_PREFIX = "jn.draft.";
export const STATIC_CACHE_PREFIX = "jn-static-";

export function saveDraft(view, state) {
  try {
    sessionStorage.setItem(DRAFT_PREFIX + view, JSON.stringify(state));
  } catch {
    // A full or disabled storage only loses the reload safety net; the page keeps working.
  }
}

export function loadDraft(view) {
  try {
    const s = sessionStorage.getItem(DRAFT_PREFIX + view);
    return s ? JSON.parse(s) : null;
  } catch {
    return null;
  }
}

// Settings, not personal data: the parameter settings (options-store.js) and an imported village
// indicator system (indicator-store.js). "Clear" keeps them, like the static cache.
const SETTINGS_KEYS = new Set(["jn.options", "jn.indicators"]);

/** Removes every trace of case data this origin could hold. Parameter and indicator settings stay. */
export async function clearPersonalData() {
  sessionStorage.clear();
  for (const key of Object.keys(localStorage)) {
    if (!SETTINGS_KEYS.has(key)) localStorage.removeItem(key);
  }
  if (globalThis.caches) {
    for (const name of await caches.keys()) {
      if (!name.startsWith(STATIC_CACHE_PREFIX)) await caches.delete(name);
    }
  }
}

/** Offers a Blob as a file download (no network: a Blob URL, revoked once the download has begun;
 * a large spreadsheet export needs a moment, hence the delay). */
export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers `data` as a JSON file download. */
export function downloadJson(data, filename) {
  downloadBlob(new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" }), filename);
}

/** Lets the user pick a file with `input` and resolves with its text. */
/**
 * Picks a file and hands its text to `apply`; `done` gets apply's result, `failed` its error. A
 * cancelled pick does nothing. The import flow of the parameter and indicator-system panels.
 */
export async function importTextFile(input, apply, done, failed) {
  let text;
  try {
    text = await pickFileText(input);
  } catch {
    return;
  }
  let result;
  try {
    result = apply(text);
  } catch (err) {
    failed(err);
    return;
  }
  done(result);
}

export function pickFileText(input) {
  return new Promise((resolve, reject) => {
    input.value = "";
    input.onchange = () => {
      const f = input.files?.[0];
      if (!f) return reject(new Error("未选择文件"));
      f.text().then(resolve, reject);
      input.value = "";
    };
    input.click();
  });
}
