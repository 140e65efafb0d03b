// The Voorbeeld theme's letter, Noto Sans, ships with the widget (dist/noto-sans-*.woff2). A shadow
// root ignores @font-face, so the faces are added to the page's font set under a name of their own
// (the page's fonts are not touched) and load only when the widget draws text. A page whose CSP blocks
// them keeps the fallback letters of the stack in widget.css. A municipality's own theme brings its own.
export const FAMILY = "Wegwijzer Noto Sans";
const FACES = [["400", "noto-sans-400.woff2"], ["700", "noto-sans-700.woff2"]];

export function addFonts(win, config) {
  const doc = win.document;
  if (config.huisstijlKlasse || typeof win.FontFace !== "function" || !doc.fonts || !doc.fonts.add) return;
  FACES.forEach(([weight, file]) => {
    const face = new win.FontFace(FAMILY, `url("${config.base}/${file}") format("woff2")`,
      { weight, style: "normal", display: "swap" });
    face.loaded.catch(() => {});
    doc.fonts.add(face);
  });
}
