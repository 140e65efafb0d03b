// The widget's behaviour: open/close with focus management, the conversation, status and voice.
import { pageMetadata } from "./config.js";
import { createConnection } from "./connection.js";
import { h } from "./dom.js";
import { calendarLink, messageCalendar } from "./agenda.js";
import { feedbackBlock, feedbackRef, sendFeedback } from "./feedback.js";
import { botText, messageButtons, messageSources, sourcesDisclosure, speakableText, splitLong } from "./render.js";
import { createSpeaker, listenOnce, speechSupport } from "./speech.js";
import { createStore } from "./store.js";
import TEKSTEN from "./teksten.json";
import { buildView } from "./view.js";

const MAX_BOT_TEXT = 5000;
const MAX_MISSED = 100;
// Small screens and high zoom (must match the media query in widget.css).
const COMPACT = "(max-width: 30em), (max-height: 30em)";

export function mountWidget(win, config) {
  const doc = win.document;
  const t = TEKSTEN[config.thema];
  const support = speechSupport(win);
  const speaker = createSpeaker(win, support.synthesis);
  const store = createStore(win);
  const v = buildView(doc, config, t, support);

  const host = h(doc, "div", { id: "wegwijzer-widget", "data-wegwijzer": "" }, []);
  const shadow = host.attachShadow({ mode: "open" });
  const sheets = [`${config.base}/wegwijzer.css`].concat(config.huisstijlCss ? [config.huisstijlCss] : []);
  let pending = sheets.length;
  const reveal = () => {
    pending -= 1;
    if (pending > 0) return;
    v.root.hidden = false;
    reserveRoom();
  };
  sheets.forEach((href) => {
    const link = h(doc, "link", { rel: "stylesheet", href }, []);
    link.addEventListener("load", reveal);
    link.addEventListener("error", reveal);
    shadow.append(link);
  });
  shadow.append(v.root);
  doc.body.append(host);

  // --- conversation rendering -------------------------------------------------------------------
  // A turn is everything the assistant says after one user message. The log shows the first line of
  // the turn's first bubble at its top (not the end of a long answer), and the turn's buttons come
  // after its last bubble, never between two bubbles.
  const scrollDown = () => { v.log.scrollTop = v.log.scrollHeight; };

  function turnStart() {
    const bubbles = v.log.querySelectorAll(".wegwijzer__bericht--bot, .wegwijzer__bericht--gebruiker");
    let start = null;
    for (let i = bubbles.length - 1; i >= 0; i -= 1) {
      if (bubbles[i].classList.contains("wegwijzer__bericht--gebruiker")) break;
      start = bubbles[i];
    }
    return start;
  }

  function showAtTop(el) {
    const padding = parseFloat(win.getComputedStyle(v.log).paddingTop) || 0;
    v.log.scrollTop += el.getBoundingClientRect().top - v.log.getBoundingClientRect().top - padding;
  }

  function showTurnStart() {
    const start = turnStart();
    if (!start) {
      scrollDown();
      return;
    }
    showAtTop(start);
  }

  function removeChoices() {
    v.log.querySelectorAll(".wegwijzer__keuzes").forEach((el) => el.remove());
  }

  // The turn's buttons (kept, plus new ones) as one group after the last bubble.
  function placeChoices(buttons) {
    let group = v.log.querySelector(".wegwijzer__keuzes");
    if (!group && !(buttons && buttons.length)) return;
    if (!group) group = h(doc, "div", { class: "wegwijzer__keuzes wegwijzer__knoppen", role: "group", "aria-label": t.knoppenLabel }, []);
    const shown = new Set(Array.from(group.querySelectorAll("button"), (b) => b.dataset.payload));
    (buttons || []).forEach((b) => {
      if (shown.has(b.payload)) return;
      shown.add(b.payload);
      const choice = h(doc, "button", {
        type: "button",
        class: "utrecht-button utrecht-button--secondary-action wegwijzer__knop",
        "data-payload": b.payload,
      }, [b.title]);
      choice.addEventListener("click", () => sendMessage(b.title, b.payload));
      group.append(choice);
    });
    // Only a new group is inserted: moving one would make a screen reader read the buttons again.
    if (!group.isConnected) v.log.append(group);
  }

  // A bubble goes before the turn's buttons, so they stay after the last bubble without being moved.
  function appendToLog(el) {
    const group = v.log.querySelector(".wegwijzer__keuzes");
    if (group) v.log.insertBefore(el, group);
    else v.log.append(el);
  }

  // The first part of a long answer, then "Lees meer" (a disclosure button) and the rest, hidden
  // until asked; the choice is kept with the conversation.
  function readMore(entry) {
    // the safety message ("heel") is shown whole: every emergency number visible without a tap
    const [first, rest] = entry.heel ? [entry.text, ""] : splitLong(entry.text);
    if (!rest) return [botText(doc, entry.text, t)];
    const open = Boolean(entry.uitgeklapt);
    const restId = `wegwijzer-meer-${String(entry.id).replace(/[^A-Za-z0-9-]/g, "")}`;
    const more = h(doc, "div", { id: restId, class: "wegwijzer__meer", hidden: !open }, [botText(doc, rest, t)]);
    const toggle = h(doc, "button", {
      type: "button",
      class: "utrecht-button utrecht-button--subtle wegwijzer__lees-meer",
      "aria-expanded": String(open),
      "aria-controls": restId,
    }, [open ? t.leesMinder : t.leesMeer]);
    toggle.addEventListener("click", () => {
      const expand = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(expand));
      toggle.textContent = expand ? t.leesMinder : t.leesMeer;
      more.hidden = !expand;
      store.patchEntry(entry.id, { uitgeklapt: expand });
    });
    return [botText(doc, first, t), toggle, more];
  }

  function renderEntry(entry) {
    if (entry.kind === "user") {
      // The user's words stay text: never a link, never HTML.
      const el = h(doc, "div", { class: "wegwijzer__bericht wegwijzer__bericht--gebruiker", "data-id": entry.id }, [
        h(doc, "span", { class: "wegwijzer__vh" }, [`${t.gebruikerZegt} `]),
        h(doc, "p", {}, [entry.text]),
      ]);
      if (entry.pending) el.append(h(doc, "p", { class: "wegwijzer__bezorging" }, [t.nietVerstuurd]));
      v.log.append(el);
      return;
    }
    if (!entry.text) return;
    if (entry.medewerker) {
      // A colleague's message (live takeover): named as a person's, plain text (never HTML). Before the
      // turn's buttons like every bubble, so the order is the same live, replayed and after a reload.
      appendToLog(h(doc, "div", { class: "wegwijzer__bericht wegwijzer__bericht--medewerker" }, [
        h(doc, "p", { class: "wegwijzer__afzender" }, [t.medewerkerZegt]),
        botText(doc, entry.text, t),
      ]));
      return;
    }
    const el = h(doc, "div", { class: "wegwijzer__bericht wegwijzer__bericht--bot" }, [
      h(doc, "span", { class: "wegwijzer__vh" }, [`${t.botZegt} `]),
    ]);
    if (entry.text) el.append(...readMore(entry));
    const calendar = calendarLink(win, doc, entry, t);
    if (calendar) el.append(calendar);
    const sources = sourcesDisclosure(doc, entry, t);
    if (sources) el.append(sources);
    const feedback = feedbackBlock(doc, entry, t, (body) => sendFeedback(win, config.base, body),
      (changes) => store.patchEntry(entry.id, changes));
    if (feedback) el.append(feedback);
    appendToLog(el);
  }

  // A colleague answers now (bot.live): the banner says so until the colleague leaves.
  function showLive() { v.liveBanner.hidden = !store.get().live; }

  function restoreTranscript() {
    const entries = store.get().transcript;
    entries.forEach((entry) => renderEntry(entry));
    let lastUser = -1;
    entries.forEach((entry, i) => { if (entry.kind === "user") lastUser = i; });
    const buttons = [].concat(...entries.slice(lastUser + 1).map((e) => e.buttons || []));
    placeChoices(buttons);
  }

  // --- status -------------------------------------------------------------------------------------
  let status = "nieuw";
  function setStatus(next) {
    status = next;
    v.statusText.textContent = t.status[next] || "";
    v.retryButton.hidden = next !== "verbroken";
    v.root.classList.toggle("wegwijzer--offline", next === "verbroken" || next === "geweigerd");
    v.input.disabled = false;
  }
  const notify = (text) => { v.notice.textContent = text; };

  // --- a bot message (live or missed) ------------------------------------------------------------
  function showBotMessage(data, scroll = true) {
    if (!data || typeof data !== "object") return;
    // a part of a stored message carries its key: shown once, also when it comes again in a replay
    if (typeof data.ts === "number" && Number.isFinite(data.ts)) {
      const deel = Number.isInteger(data.deel) ? data.deel : 0;
      if (!store.firstTime(data.ts, deel)) return;
    }
    const text = typeof data.text === "string" ? data.text.slice(0, MAX_BOT_TEXT) : "";
    const buttons = messageButtons(data);
    const { bronnen, gecontroleerd } = messageSources(data);
    if (!text && !buttons.length) return;
    if (data.live === "gestart" || data.live === "gestopt") {
      store.update({ live: data.live === "gestart" });
      showLive();
    }
    const entry = { id: store.nextId(), kind: "bot", text, buttons, bronnen, gecontroleerd, feedback: feedbackRef(data),
      agenda: messageCalendar(data), medewerker: data.medewerker === true, heel: data.heel === true };
    store.addEntry(entry);
    if (text) renderEntry(entry);
    placeChoices(buttons);
    if (scroll) showTurnStart();
    if (store.get().voorlezen) speaker.speak(speakableText(text));
  }

  // --- sending --------------------------------------------------------------------------------------
  const connection = createConnection({
    base: config.base,
    store,
    metadata: pageMetadata(config),
    onStatus: setStatus,
    onBotMessage(data) { showBotMessage(data); },
    // what the conversation said while the socket was away (a dropped network, a closed lid, a reload)
    onMissed(messages) {
      const before = v.log.querySelectorAll(".wegwijzer__bericht").length;
      messages.slice(0, MAX_MISSED).forEach((data) => showBotMessage(data, false));
      // the first message the user missed at the top of the conversation, the rest below it
      const first = v.log.querySelectorAll(".wegwijzer__bericht")[before];
      if (first) showAtTop(first);
    },
    onLiveStatus(data) {
      if (!data || typeof data.live !== "boolean" || data.live === Boolean(store.get().live)) return;
      store.update({ live: data.live });
      showLive();
    },
    onSending() { v.typing.hidden = false; },
    onSent(id, ok) {
      v.typing.hidden = true;
      if (!ok) return;
      store.patchEntry(id, { pending: false });
      const el = v.log.querySelector(`[data-id="${id}"] .wegwijzer__bezorging`);
      if (el) el.remove();
    },
  });

  function sendMessage(text, payload) {
    removeChoices();
    const entry = { id: store.nextId(), kind: "user", text, pending: true };
    store.addEntry(entry);
    renderEntry(entry);
    scrollDown();
    connection.send(payload || text, entry.id);
    v.input.focus();
  }

  v.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = v.input.value.trim();
    if (!text) return;
    v.input.value = "";
    sendMessage(text);
  });

  // --- open / close ---------------------------------------------------------------------------------
  function open(moveFocus) {
    v.panel.hidden = false;
    v.launcher.setAttribute("aria-expanded", "true");
    v.root.classList.add("wegwijzer--open");
    store.update({ open: true });
    connection.start();
    showTurnStart();
    if (moveFocus) v.input.focus();
  }

  function close() {
    v.panel.hidden = true;
    v.launcher.setAttribute("aria-expanded", "false");
    v.root.classList.remove("wegwijzer--open");
    store.update({ open: false });
    speaker.stop();
    v.launcher.focus();
  }

  // "Over Wegwijzer": the disclaimer and options; open on a large screen, closed on a small screen or
  // at high zoom, so the header is one line and the conversation keeps the room.
  const compact = win.matchMedia ? win.matchMedia(COMPACT) : null;
  function setAbout(expanded) {
    v.aboutButton.setAttribute("aria-expanded", String(expanded));
    v.about.hidden = !expanded;
  }
  setAbout(!(compact && compact.matches));
  if (compact && compact.addEventListener) compact.addEventListener("change", () => setAbout(!compact.matches));
  v.aboutButton.addEventListener("click", () => setAbout(v.aboutButton.getAttribute("aria-expanded") !== "true"));

  // The launcher floats over the page: the page gets room at its end, so it never covers content.
  function reserveRoom() {
    if (v.root.hidden) return;
    const rect = v.launcher.getBoundingClientRect();
    if (!rect.height) return;
    const room = Math.ceil(win.innerHeight - rect.top) + 8;
    if (doc.body.dataset.wegwijzerBasis === undefined) {
      doc.body.dataset.wegwijzerBasis = String(parseFloat(win.getComputedStyle(doc.body).paddingBottom) || 0);
    }
    const base = parseFloat(doc.body.dataset.wegwijzerBasis) || 0;
    doc.body.style.paddingBottom = `${Math.max(base, room)}px`;
    doc.body.dataset.wegwijzerRuimte = String(room);
    // Tabbing through the page scrolls a focused link or field above the launcher, not under it
    // (WCAG 2.4.11): the page's scroll padding at the bottom is at least the launcher's room.
    const html = doc.documentElement;
    if (html.dataset.wegwijzerScrollBasis === undefined) {
      html.dataset.wegwijzerScrollBasis = String(parseFloat(win.getComputedStyle(html).scrollPaddingBottom) || 0);
    }
    html.style.scrollPaddingBottom = `${Math.max(parseFloat(html.dataset.wegwijzerScrollBasis) || 0, room)}px`;
  }
  v.launcher.addEventListener("click", () => (v.panel.hidden ? open(true) : close()));
  v.closeButton.addEventListener("click", close);
  v.panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  v.retryButton.addEventListener("click", () => connection.retryNow());
  v.newButton.addEventListener("click", () => {
    speaker.stop();
    store.reset();
    showLive();
    v.log.querySelectorAll(".wegwijzer__bericht:not(.wegwijzer__bericht--info), .wegwijzer__keuzes").forEach((el) => el.remove());
    v.typing.hidden = true;
    connection.restartSession();
    notify(t.nieuwGestart);
    v.input.focus();
  });

  // --- voice (opt-in) ---------------------------------------------------------------------------------
  if (v.readButton) {
    const sync = () => v.readButton.setAttribute("aria-pressed", String(Boolean(store.get().voorlezen)));
    sync();
    v.readButton.addEventListener("click", () => {
      store.update({ voorlezen: !store.get().voorlezen });
      if (!store.get().voorlezen) speaker.stop();
      sync();
    });
  }
  if (v.micButton) {
    const listen = () => {
      v.micButton.setAttribute("aria-pressed", "true");
      notify(t.microfoon.luistert);
      listenOnce(support.Recognition, {
        onResult(text) {
          v.input.value = text;
          notify(t.microfoon.klaar);
        },
        onError() { notify(t.microfoon.fout); },
        onEnd() {
          v.micButton.setAttribute("aria-pressed", "false");
          v.input.focus();
        },
      });
    };
    v.micButton.addEventListener("click", () => {
      if (store.get().microfoon) {
        listen();
        return;
      }
      v.micExplain.hidden = false;
      v.micExplain.querySelector("p").focus();
    });
    v.micYes.addEventListener("click", () => {
      store.update({ microfoon: true });
      v.micExplain.hidden = true;
      listen();
    });
    v.micNo.addEventListener("click", () => {
      v.micExplain.hidden = true;
      v.input.focus();
    });
  }

  win.addEventListener("resize", reserveRoom);

  // --- start: restore without taking focus ----------------------------------------------------------
  restoreTranscript();
  showLive();
  if (store.get().open) open(false);
  return { host, status: () => status };
}
