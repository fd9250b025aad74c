// Relative asset paths, so the built portal works under any sub-path. The package needs nothing
// else: its wasm files and stylesheets are referenced as `new URL("…", import.meta.url)`, which
// Vite copies into dist/assets/.
export default {
  base: "./",
  build: { target: "es2022", outDir: "dist", emptyOutDir: true },
};
