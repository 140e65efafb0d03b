// Tiny DOM helper: h("button", {type: "button", class: "x"}, ["text", child]). Text is always text.
export function h(doc, tag, attrs, children) {
  const el = doc.createElement(tag);
  Object.entries(attrs || {}).forEach(([name, value]) => {
    if (value === false || value === null || value === undefined) return;
    if (name === "hidden") el.hidden = true;
    else el.setAttribute(name, value === true ? "" : String(value));
  });
  (children || []).forEach((child) => {
    if (child !== null && child !== undefined) el.append(typeof child === "string" ? doc.createTextNode(child) : child);
  });
  return el;
}
