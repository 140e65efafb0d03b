// "Had u hier iets aan? Ja / Nee" under a factual answer. The answer carries a signed reference from
// the server (bot.feedback.token); the widget sends it back with the choice to the web app
// (POST /widget/feedback). One choice per answer; the choice is kept with the conversation in
// sessionStorage, so a reload shows the thanks instead of the buttons. No free text is sent.
import { h } from "./dom.js";

const REF = /^[A-Za-z0-9._-]{1,400}$/;

export function feedbackRef(data) {
  return data && typeof data.feedback === "string" && REF.test(data.feedback) ? data.feedback : "";
}

// Sends the choice; resolves true when the server has it (also when it already had it: 409).
export async function sendFeedback(win, base, ref, oordeel) {
  try {
    const response = await win.fetch(`${base}/feedback`, {
      method: "POST",
      credentials: "omit",
      cache: "no-store",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ antwoord: ref, oordeel }),
    });
    return response.status === 200 || response.status === 409;
  } catch (e) {
    return false;
  }
}

function thanks(doc, t, oordeel) {
  return h(doc, "p", { class: "wegwijzer__feedback-dank" }, [oordeel === "nee" ? t.feedback.dankNee : t.feedback.dank]);
}

// The block under the answer: a labelled group with two buttons, or the thanks once chosen.
export function feedbackBlock(doc, entry, t, choose) {
  if (!entry.feedback) return null;
  const labelId = `wegwijzer-feedback-${String(entry.id).replace(/[^A-Za-z0-9-]/g, "")}`;
  const block = h(doc, "div", { class: "wegwijzer__feedback" }, []);
  if (entry.oordeel) {
    block.append(thanks(doc, t, entry.oordeel));
    return block;
  }
  const question = h(doc, "p", { id: labelId, class: "wegwijzer__feedback-vraag" }, [t.feedback.vraag]);
  const status = h(doc, "p", { class: "wegwijzer__feedback-status", role: "status" }, []);
  let busy = false;
  const buttons = ["ja", "nee"].map((oordeel) => {
    const b = h(doc, "button", {
      type: "button",
      class: "utrecht-button utrecht-button--secondary-action wegwijzer__feedback-knop",
      "data-oordeel": oordeel,
    }, [t.feedback[oordeel]]);
    b.addEventListener("click", async () => {
      if (busy) return;
      busy = true;
      const ok = await choose(oordeel);
      busy = false;
      if (!ok) {
        status.textContent = t.feedback.mislukt;
        return;
      }
      // The buttons go; keyboard focus moves to the thanks, so it is not lost with them.
      const hadFocus = buttons.includes(b.getRootNode().activeElement);
      group.remove();
      question.remove();
      status.textContent = oordeel === "nee" ? t.feedback.dankNee : t.feedback.dank;
      status.classList.add("wegwijzer__feedback-dank");
      status.setAttribute("tabindex", "-1");
      if (hadFocus) status.focus();
    });
    return b;
  });
  const group = h(doc, "div", { class: "wegwijzer__feedback-knoppen", role: "group", "aria-labelledby": labelId }, buttons);
  block.append(question, group, status);
  return block;
}
