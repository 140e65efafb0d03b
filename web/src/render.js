// Turns a bot message into safe DOM. The text is escaped first, then web addresses become links,
// then DOMPurify sanitises the result: nothing in a bot message can run script or load content.
import DOMPurify from "dompurify";

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]]/g;
const ALLOWED = {
  ALLOWED_TAGS: ["p", "br", "a"],
  ALLOWED_ATTR: ["href"],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
  RETURN_DOM_FRAGMENT: true,
};

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

export function botHtml(text) {
  const paragraphs = String(text)
    .split(/\n{2,}/)
    .map((part) => escapeHtml(part).replace(URL_PATTERN, (url) => `<a href="${url}">${url}</a>`).replace(/\n/g, "<br>"));
  return paragraphs.map((p) => `<p>${p}</p>`).join("");
}

// A sanitised fragment; every link opens in a new window without access to this page.
export function safeFragment(text, doc, newWindowText) {
  const fragment = DOMPurify.sanitize(botHtml(text), ALLOWED);
  fragment.querySelectorAll("a").forEach((link) => {
    link.setAttribute("target", "_blank");
    link.setAttribute("rel", "noopener noreferrer");
    const hint = doc.createElement("span");
    hint.className = "wegwijzer__vh";
    hint.textContent = ` ${newWindowText}`;
    link.appendChild(hint);
  });
  return fragment;
}

// What to read aloud: the words, without web addresses.
export function speakableText(text) {
  return String(text).replace(URL_PATTERN, "").replace(/\s+/g, " ").trim();
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
