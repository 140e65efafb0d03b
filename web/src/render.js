// Turns a bot message into DOM nodes. Nothing is ever parsed as HTML: the text becomes text nodes,
// and only phone numbers, e-mail and web addresses become <a> elements built here with an href this
// file made and checked (tel:, mailto:, https:). DOMPurify then checks the result in place, as a
// second line of defence. User messages never come here: they stay plain text.
import DOMPurify from "dompurify";

const URL_TEXT = String.raw`https?:\/\/[^\s<>"'{}|\\^\x60]*[^\s<>"'{}|\\^\x60.,;:!?)\]]`;
const TLD = "nl|com|org|net|eu|info|be|frl|nu";
const DOMAIN = String.raw`(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:${TLD})(?:\/[^\s<>"'{}|\\^\x60]*[^\s<>"'{}|\\^\x60.,;:!?)\]])?(?![\w@-])`;
const EMAIL = String.raw`[a-z0-9._%+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}`;
// Dutch numbers as the content writes them: 0800-5010, 070-312 28 87, 0900-111 3 111, +31 ...
// (8 to 12 digits, single spaces or dashes between groups; never a date such as 06-12-2026).
const PHONE = String.raw`(?:\+31[\s-]?|0)(?!\d-\d\d-\d{4})\d(?:[\s-]?\d){6,10}`;
const EMERGENCY = String.raw`11[23]`;
const TOKEN = new RegExp(
  String.raw`(?<![\w@./:-])(?:(?<url>${URL_TEXT})|(?<email>${EMAIL})|(?<domain>${DOMAIN})|(?<phone>${PHONE})(?![\w-])|(?<nood>${EMERGENCY})(?![\w-])(?!\.\w))`,
  "gi",
);
const SAFE_URI = /^(?:https?:|mailto:|tel:)/i;
const PURIFY = {
  IN_PLACE: true,
  ALLOWED_TAGS: ["div", "p", "br", "a", "span"],
  ALLOWED_ATTR: ["href", "class", "aria-label"],
  ALLOWED_URI_REGEXP: SAFE_URI,
};

// The href for one recognised piece of text, or null when it is not safe to link.
export function linkTarget(groups) {
  if (groups.phone || groups.nood) {
    const digits = (groups.phone || groups.nood).replace(/[\s-]/g, "");
    return { kind: "tel", href: `tel:${digits}` };
  }
  if (groups.email) return { kind: "mailto", href: `mailto:${groups.email}` };
  const raw = groups.url || (groups.domain ? `https://${groups.domain}` : null);
  if (!raw) return null;
  try {
    const url = new URL(raw);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password) return null;
    return { kind: "web", href: url.href };
  } catch (e) {
    return null;
  }
}

function link(doc, text, target, t) {
  const a = doc.createElement("a");
  a.setAttribute("href", target.href);
  a.append(doc.createTextNode(text));
  if (target.kind === "web") {
    const hint = doc.createElement("span");
    hint.className = "wegwijzer__vh";
    hint.textContent = ` ${t.nieuwVenster}`;
    a.append(hint);
  } else {
    a.setAttribute("aria-label", `${target.kind === "tel" ? t.bel : t.mail} ${text}`);
  }
  return a;
}

// After DOMPurify (which drops target): web links open in a new window without access to this page.
function newWindow(box) {
  box.querySelectorAll("a[href^='http']").forEach((a) => {
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener noreferrer");
  });
  return box;
}

// One line of bot text: text nodes, with links where a number or address stands.
export function appendLine(doc, parent, line, t) {
  let last = 0;
  for (const match of line.matchAll(TOKEN)) {
    const target = linkTarget(match.groups);
    if (!target) continue;
    if (match.index > last) parent.append(doc.createTextNode(line.slice(last, match.index)));
    parent.append(link(doc, match[0], target, t));
    last = match.index + match[0].length;
  }
  if (last < line.length) parent.append(doc.createTextNode(line.slice(last)));
}

// The message text as paragraphs (blank line) and line breaks, in a <div>.
export function botText(doc, text, t) {
  const box = doc.createElement("div");
  box.className = "wegwijzer__tekst";
  String(text)
    .split(/\n{2,}/)
    .forEach((part) => {
      const p = doc.createElement("p");
      part.split("\n").forEach((line, i) => {
        if (i > 0) p.append(doc.createElement("br"));
        appendLine(doc, p, line, t);
      });
      box.append(p);
    });
  DOMPurify.sanitize(box, PURIFY);
  return newWindow(box);
}

// Sources as a small disclosure: "Bron" with each source as a link and its date, then the check date.
export function sourcesDisclosure(doc, entry, t) {
  const sources = entry.bronnen || [];
  if (!sources.length) return null;
  const details = doc.createElement("details");
  details.className = "wegwijzer__bron";
  const summary = doc.createElement("summary");
  summary.textContent = sources.length > 1 ? `${t.bronnen} (${sources.length})` : t.bron;
  const list = doc.createElement("ul");
  sources.forEach((source) => {
    const item = doc.createElement("li");
    const target = linkTarget({ url: source.url });
    item.append(target ? link(doc, source.naam, target, t) : doc.createTextNode(source.naam));
    if (source.datum) item.append(doc.createTextNode(`, ${source.datum}`));
    list.append(item);
  });
  newWindow(list);
  details.append(summary, list);
  if (entry.gecontroleerd) {
    const checked = doc.createElement("p");
    checked.textContent = entry.gecontroleerd;
    details.append(checked);
  }
  return details;
}

// Sources Rasa's widget channel sends with a message (bot/channels/widget_output.py), checked again.
export function messageSources(data) {
  const raw = data && Array.isArray(data.bronnen) ? data.bronnen : [];
  const sources = raw
    .filter((s) => s && typeof s.naam === "string" && typeof s.url === "string" && s.naam.trim())
    .filter((s) => linkTarget({ url: s.url }) !== null)
    .slice(0, 6)
    .map((s) => ({ naam: s.naam.slice(0, 300), url: s.url.slice(0, 500), datum: typeof s.datum === "string" ? s.datum.slice(0, 100) : "" }));
  const gecontroleerd = data && typeof data.gecontroleerd === "string" ? data.gecontroleerd.slice(0, 200) : "";
  return { bronnen: sources, gecontroleerd: sources.length ? gecontroleerd : "" };
}

// What to read aloud: the words, without web addresses.
export function speakableText(text) {
  return String(text).replace(new RegExp(URL_TEXT, "gi"), "").replace(/\s+/g, " ").trim();
}

// Buttons Rasa sends: {quick_replies: [{title, payload}]} (socket.io channel) or {buttons: [...]}.
export function messageButtons(data) {
  const raw = (data && (data.quick_replies || data.buttons)) || [];
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((b) => b && typeof b.title === "string" && typeof b.payload === "string" && b.title.trim())
    .slice(0, 12)
    .map((b) => ({ title: b.title.slice(0, 200), payload: b.payload.slice(0, 500) }));
}

// A long answer shows its first part; the rest is one tap away ("Lees meer"). Split at a paragraph,
// or inside a long first paragraph at the end of a sentence or line; never leave a tiny rest.
export const SHOW_CHARS = 320;
const MIN_REST = 160;
const SENTENCE_FROM = 200;

export function splitLong(text) {
  const whole = String(text);
  if (whole.length <= SHOW_CHARS + MIN_REST) return [whole, ""];
  const paragraphs = whole.split(/\n{2,}/);
  let shown = paragraphs[0];
  let used = 1;
  while (used < paragraphs.length && shown.length < SHOW_CHARS) {
    shown += `\n\n${paragraphs[used]}`;
    used += 1;
  }
  let rest = paragraphs.slice(used).join("\n\n");
  if (shown.length > SHOW_CHARS + MIN_REST) {
    // one long paragraph: cut after the first sentence or line that ends past SENTENCE_FROM characters
    const boundary = /[.!?:](?=\s)|\n/g;
    boundary.lastIndex = SENTENCE_FROM;
    const match = boundary.exec(shown);
    if (match && shown.length - match.index > MIN_REST) {
      const cut = match.index + (match[0] === "\n" ? 0 : 1);
      rest = [shown.slice(cut).trim(), rest].filter(Boolean).join("\n\n");
      shown = shown.slice(0, cut).trim();
    }
  }
  if (rest.trim().length < MIN_REST) return [whole, ""];
  return [shown, rest];
}
