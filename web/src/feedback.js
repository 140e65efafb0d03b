// "Had u hier iets aan? Ja / Nee" under a factual answer. The answer carries a signed reference from
// the server (bot.feedback.token); the widget sends it back with the choice to the web app
// (POST /widget/feedback). One choice per answer; after "Nee" one optional question with fixed
// choices (what was missing). The choices are kept with the conversation in sessionStorage, so a
// reload shows the thanks instead of the buttons. No free text is ever sent.
import { h } from "./dom.js";

const REF = /^[A-Za-z0-9._-]{1,400}$/;
export const REASONS = ["niet_duidelijk", "niet_mijn_vraag", "te_weinig"];

export function feedbackRef(data) {
  return data && typeof data.feedback === "string" && REF.test(data.feedback) ? data.feedback : "";
}

// Sends {antwoord, oordeel} or {antwoord, reden}; resolves true when the server has it (also when it
// already had it: 409).
export async function sendFeedback(win, base, body) {
  try {
    const response = await win.fetch(`${base}/feedback`, {
      method: "POST",
      credentials: "omit",
      cache: "no-store",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.status === 200 || response.status === 409;
  } catch (e) {
    return false;
  }
}

function buttonGroup(doc, labelId, items, onClick) {
  let busy = false;
  const buttons = items.map(([value, text]) => {
    const b = h(doc, "button", {
      type: "button",
      class: "utrecht-button utrecht-button--secondary-action wegwijzer__feedback-knop",
      "data-oordeel": value,
    }, [text]);
    b.addEventListener("click", async () => {
      if (busy) return;
      busy = true;
      const hadFocus = buttons.includes(b.getRootNode().activeElement);
      await onClick(value, hadFocus);
      busy = false;
    });
    return b;
  });
  return h(doc, "div", { class: "wegwijzer__feedback-knoppen", role: "group", "aria-labelledby": labelId }, buttons);
}

// The block under the answer. ``send(body)`` posts and resolves true on success; ``save(changes)``
// keeps the choice with the conversation.
export function feedbackBlock(doc, entry, t, send, save) {
  if (!entry.feedback) return null;
  const id = String(entry.id).replace(/[^A-Za-z0-9-]/g, "");
  const block = h(doc, "div", { class: "wegwijzer__feedback" }, []);
  const status = h(doc, "p", { class: "wegwijzer__feedback-status", role: "status", tabindex: "-1" }, []);
  const state = { oordeel: entry.oordeel || null, reden: entry.reden || null };

  // The thanks is the status itself (announced once, focusable when the buttons that had focus go).
  function thanks() {
    if (state.reden) return t.feedback.redenDank;
    return state.oordeel === "nee" ? t.feedback.dankNee : t.feedback.dank;
  }

  function render(focus) {
    block.replaceChildren();
    status.classList.toggle("wegwijzer__feedback-dank", Boolean(state.oordeel));
    status.textContent = state.oordeel ? thanks() : "";
    if (!state.oordeel) {
      const labelId = `wegwijzer-feedback-${id}`;
      block.append(h(doc, "p", { id: labelId, class: "wegwijzer__feedback-vraag" }, [t.feedback.vraag]),
        buttonGroup(doc, labelId, [["ja", t.feedback.ja], ["nee", t.feedback.nee]], async (oordeel, hadFocus) => {
          if (!(await send({ antwoord: entry.feedback, oordeel }))) {
            status.textContent = t.feedback.mislukt;
            return;
          }
          state.oordeel = oordeel;
          save({ oordeel });
          render(hadFocus);
        }), status);
    } else {
      block.append(status);
      if (state.oordeel === "nee" && !state.reden) {
        const labelId = `wegwijzer-feedback-reden-${id}`;
        const items = REASONS.map((r) => [r, t.feedback.redenen[r]]);
        block.append(h(doc, "p", { id: labelId, class: "wegwijzer__feedback-vraag" }, [t.feedback.redenVraag]),
          buttonGroup(doc, labelId, items, async (reden, hadFocus) => {
            if (!(await send({ antwoord: entry.feedback, reden }))) {
              status.textContent = t.feedback.mislukt;
              return;
            }
            state.reden = reden;
            save({ reden });
            render(hadFocus);
          }));
      }
    }
    // The buttons that had focus are gone: focus moves to the status, so it is not lost.
    if (focus) status.focus();
  }
  render(false);
  return block;
}
