// Entry point: <script src=".../widget/wegwijzer.js" data-regio="GM0344" data-thema="gemeente"
// data-positie="rechts" defer></script>. Mounts once, after the page has loaded, without taking focus.
import { readConfig } from "./config.js";
import { addFonts } from "./fonts.js";
import { mountWidget } from "./widget.js";

(function start(win) {
  const doc = win.document;
  const script = doc.currentScript;
  const config = readConfig(script, win.location.href);
  const mount = () => {
    if (doc.querySelector("[data-wegwijzer]")) return;
    addFonts(win, config);
    mountWidget(win, config);
  };
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", mount);
  else mount();
})(window);
