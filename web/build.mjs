// Builds dist/wegwijzer.js (one IIFE bundle) and dist/wegwijzer.css (Utrecht component CSS, the
// Voorbeeld theme reduced to the tokens actually used, and the widget's own CSS); the Voorbeeld
// theme's letter Noto Sans (latin, regular and bold, from @fontsource/noto-sans) as dist/*.woff2; and
// dist/pagina.css, the look of the demo pages (a municipal site in NL Design System: Utrecht page
// components on the same Voorbeeld tokens).
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const COMPONENTS = ["button", "form-label", "textbox", "heading-2"].map((name) => `@utrecht/${name}-css/dist/index.css`);
const THEME = "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";
const PAGE_COMPONENTS = ["document", "heading-1", "heading-2", "paragraph", "link", "page-header", "page-footer"]
  .map((name) => `@utrecht/${name}-css/dist/index.css`);
// Shipped font files: dist name -> package file (the widget's src/fonts.js and src/pagina.css name them).
const FONTS = {
  "noto-sans-400.woff2": "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2",
  "noto-sans-700.woff2": "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2",
};

const read = (spec) => readFileSync(require.resolve(spec), "utf8");

// Keep only the custom properties reachable from var() references in `css`.
export function pruneTokens(themeCss, css) {
  const definitions = new Map();
  const selector = themeCss.match(/([^{}]+)\{/)[1].trim();
  for (const match of themeCss.matchAll(/(--[\w-]+)\s*:\s*([^;]*);/g)) definitions.set(match[1], match[2]);
  const needed = new Set();
  const todo = [...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
  while (todo.length) {
    const name = todo.pop();
    if (needed.has(name) || !definitions.has(name)) continue;
    needed.add(name);
    for (const m of definitions.get(name).matchAll(/var\(\s*(--[\w-]+)/g)) todo.push(m[1]);
  }
  const kept = [...definitions].filter(([name]) => needed.has(name)).map(([n, v]) => `  ${n}: ${v};`);
  return `${selector} {\n${kept.join("\n")}\n}\n`;
}

async function writeCss(outfile, componentSpecs, ownFile) {
  const components = componentSpecs.map(read).join("\n");
  const own = readFileSync(ownFile, "utf8");
  const tokens = pruneTokens(read(THEME), components + own);
  const css = await build({
    stdin: { contents: `${tokens}\n${components}\n${own}`, loader: "css" },
    bundle: false,
    minify: true,
    write: false,
  });
  writeFileSync(outfile, css.outputFiles[0].text);
}

mkdirSync("dist", { recursive: true });
await writeCss("dist/wegwijzer.css", COMPONENTS, "src/widget.css");
await writeCss("dist/pagina.css", PAGE_COMPONENTS, "src/pagina.css");
for (const [name, spec] of Object.entries(FONTS)) copyFileSync(require.resolve(spec), `dist/${name}`);
// the font's licence (SIL Open Font License) travels with the font files
copyFileSync(require.resolve("@fontsource/noto-sans/LICENSE"), "dist/noto-sans-OFL.txt");
await build({
  entryPoints: ["src/index.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2019"],
  legalComments: "linked",
  outfile: "dist/wegwijzer.js",
});
console.log("widget gebouwd: dist/wegwijzer.js, dist/wegwijzer.css, dist/pagina.css, dist/noto-sans-*.woff2");
