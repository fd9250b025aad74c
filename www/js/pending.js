// Placeholder for a view whose engine is not in this build yet: says so instead of guessing.
import { localDate } from "./local-date.js";
import { h } from "./render.js";

export function createPendingView(id, title, root, what) {
  root.replaceChildren(h("p", { class: "notice", "data-testid": `${id}-pending` },
    `本版本的规则引擎还没有${what}，此页暂不可用。请使用“低保收入速算”。`));
  return {
    id, title, pending: true,
    assessmentDate: () => localDate(),
    getState: () => null,
    setState() {},
    reset() {},
    refresh() {},
    printModel: () => null,
  };
}
