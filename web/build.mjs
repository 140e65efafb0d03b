// Builds dist/wegwijzer.js (one IIFE bundle) and dist/wegwijzer.css (Utrecht component CSS, the
// Voorbeeld theme reduced to the tokens actually used, and the widget's own CSS).
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const COMPONENTS = ["button", "form-label", "textbox", "heading-2"].map((name) => `@utrecht/${name}-css/dist/index.css`);
const THEME = "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css";

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

const components = COMPONENTS.map(read).join("\n");
const own = readFileSync("src/widget.css", "utf8");
const tokens = pruneTokens(read(THEME), components + own);
mkdirSync("dist", { recursive: true });
const css = await build({
  stdin: { contents: `${tokens}\n${components}\n${own}`, loader: "css" },
  bundle: false,
  minify: true,
  write: false,
});
writeFileSync("dist/wegwijzer.css", css.outputFiles[0].text);
await build({
  entryPoints: ["src/index.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2019"],
  legalComments: "linked",
  outfile: "dist/wegwijzer.js",
});
console.log("widget gebouwd: dist/wegwijzer.js, dist/wegwijzer.css");
