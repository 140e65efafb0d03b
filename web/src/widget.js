// The widget's behaviour: open/close with focus management, the conversation, status and voice.
import { pageMetadata } from "./config.js";
import { createConnection } from "./connection.js";
import { h } from "./dom.js";
import { messageButtons, safeFragment, speakableText } from "./render.js";
import { createSpeaker, listenOnce, speechSupport } from "./speech.js";
import { createStore } from "./store.js";
import TEKSTEN from "./teksten.json";
import { buildView } from "./view.js";

const MAX_BOT_TEXT = 5000;

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
    if (pending <= 0) v.root.hidden = false;
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
  const scrollDown = () => { v.log.scrollTop = v.log.scrollHeight; };

  function removeChoices() {
    v.log.querySelectorAll(".wegwijzer__keuzes").forEach((el) => el.remove());
  }

  function renderEntry(entry, withButtons) {
    if (entry.kind === "user") {
      const el = h(doc, "div", { class: "wegwijzer__bericht wegwijzer__bericht--gebruiker", "data-id": entry.id }, [
        h(doc, "span", { class: "wegwijzer__vh" }, [`${t.gebruikerZegt} `]),
        h(doc, "p", {}, [entry.text]),
      ]);
      if (entry.pending) el.append(h(doc, "p", { class: "wegwijzer__bezorging" }, [t.nietVerstuurd]));
      v.log.append(el);
    } else {
      const el = h(doc, "div", { class: "wegwijzer__bericht wegwijzer__bericht--bot" }, [
        h(doc, "span", { class: "wegwijzer__vh" }, [`${t.botZegt} `]),
      ]);
      el.append(safeFragment(entry.text, doc, t.nieuwVenster));
      v.log.append(el);
      if (withButtons && entry.buttons && entry.buttons.length) {
        const group = h(doc, "div", { class: "wegwijzer__keuzes wegwijzer__knoppen", role: "group", "aria-label": t.knoppenLabel }, []);
        entry.buttons.forEach((b) => {
          const choice = h(doc, "button", { type: "button", class: "utrecht-button utrecht-button--secondary-action wegwijzer__knop" }, [b.title]);
          choice.addEventListener("click", () => sendMessage(b.title, b.payload));
          group.append(choice);
        });
        v.log.append(group);
      }
    }
    scrollDown();
  }

  function restoreTranscript() {
    const entries = store.get().transcript;
    entries.forEach((entry, i) => renderEntry(entry, i === entries.length - 1));
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

  // --- sending --------------------------------------------------------------------------------------
  const connection = createConnection({
    base: config.base,
    store,
    metadata: pageMetadata(config),
    onStatus: setStatus,
    onBotMessage(data) {
      const text = data && typeof data.text === "string" ? data.text.slice(0, MAX_BOT_TEXT) : "";
      const buttons = messageButtons(data);
      if (!text && !buttons.length) return;
      const entry = { id: store.nextId(), kind: "bot", text, buttons };
      store.addEntry(entry);
      renderEntry(entry, true);
      if (store.get().voorlezen) speaker.speak(speakableText(text));
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
    renderEntry(entry, false);
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
    scrollDown();
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

  // --- start: restore without taking focus ----------------------------------------------------------
  restoreTranscript();
  if (store.get().open) open(false);
  return { host, status: () => status };
}
