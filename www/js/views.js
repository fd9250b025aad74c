// The views that need engines beyond the foundation (household, village): mounted only when this
// build of the engine exports them.
export async function optionalViews(engine, ctx) {
  void engine; void ctx;
  return {};
}
