// Compiles site/src into site/build, which Django serves as static files.
// Output is git-ignored: `make run` and `make test` run this on every machine.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "src");
const out = join(here, "build");
rmSync(out, { recursive: true, force: true });
for (const folder of ["css/components", "js", "images"]) {
  mkdirSync(join(out, folder), { recursive: true });
}

const stylesheets = [
  "scss/main.scss",
  ...readdirSync(join(src, "scss/components")).map((name) => `scss/components/${name}`),
];
for (const entry of stylesheets) {
  const css = sass.compile(join(src, entry), {
    loadPaths: [join(here, "node_modules")],
    style: "compressed",
    quietDeps: true,
  });
  const target = entry.replace(/^scss/, "css").replace(/\.scss$/, ".css");
  writeFileSync(join(out, target), css.css);
}

// Code splitting keeps GOV.UK Frontend's shared code in one chunk that every module reuses.
await esbuild.build({
  entryPoints: [
    join(src, "js/main.mjs"),
    ...readdirSync(join(src, "js/components")).map((name) => join(src, "js/components", name)),
  ],
  bundle: true,
  splitting: true,
  minify: true,
  format: "esm",
  target: "es2020",
  outdir: join(out, "js"),
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});

for (const name of readdirSync(join(src, "images"))) {
  copyFileSync(join(src, "images", name), join(out, "images", basename(name)));
}
console.log("front end built into site/build/");
