// Builds the widget's markup (inside a shadow root) from the texts of the chosen theme.
import { h } from "./dom.js";

const ICON =
  '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" ' +
  'd="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm0 2v10h2v2l2.5-2H20V6H4z"/></svg>';

const MIC =
  '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" ' +
  'd="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2z"/></svg>';

const CROSS =
  '<svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" ' +
  'd="M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z"/></svg>';

function button(doc, text, attrs, variant) {
  const cls = `utrecht-button utrecht-button--${variant || "secondary-action"} wegwijzer__knop`;
  return h(doc, "button", Object.assign({ type: "button", class: cls }, attrs), [text]);
}

// The privacy page of the Wegwijzer web app that serves this widget (/privacy beside /widget/).
export function privacyUrl(config) {
  return new URL("/privacy", config.base + "/").href;
}

export function buildView(doc, config, t, support) {
  const themeClass = config.huisstijlKlasse || "voorbeeld-theme";
  const root = h(doc, "div", {
    class: `wegwijzer ${themeClass} wegwijzer--${config.thema} wegwijzer--${config.positie}`,
    lang: "nl",
    dir: "ltr",
    hidden: true,
  });
  const launcher = h(doc, "button", {
    type: "button",
    class: "utrecht-button utrecht-button--primary-action wegwijzer__launcher",
    "aria-expanded": "false",
    "aria-controls": "wegwijzer-paneel",
  }, [h(doc, "span", { class: "wegwijzer__launcher-tekst" }, [t.launcher])]);
  launcher.insertAdjacentHTML("afterbegin", ICON);

  const aboutButton = button(doc, t.over, {
    "data-actie": "over",
    "aria-expanded": "true",
    "aria-controls": "wegwijzer-over",
  }, "subtle");
  const newButton = button(doc, t.nieuw, { "data-actie": "nieuw" }, "subtle");
  const readButton = support.synthesis ? button(doc, t.voorlezen, { "data-actie": "voorlezen", "aria-pressed": "false" }, "subtle") : null;
  // "Sluiten" in words; on a small screen a cross (the word stays its accessible name).
  const closeButton = h(doc, "button", {
    type: "button",
    class: "utrecht-button utrecht-button--subtle wegwijzer__knop wegwijzer__sluiten",
    "data-actie": "sluiten",
  }, [h(doc, "span", { class: "wegwijzer__knoptekst" }, [t.sluiten])]);
  closeButton.insertAdjacentHTML("afterbegin", CROSS);
  const log = h(doc, "div", {
    class: "wegwijzer__log",
    role: "log",
    "aria-live": "polite",
    "aria-label": t.logLabel,
    tabindex: "0",
  }, [h(doc, "p", { class: "wegwijzer__bericht wegwijzer__bericht--info" }, [t.welkom])]);
  const typing = h(doc, "p", { class: "wegwijzer__typen", hidden: true }, [t.typen]);
  const statusText = h(doc, "span", { class: "wegwijzer__status-tekst" }, []);
  const retryButton = button(doc, t.status.opnieuw, { "data-actie": "opnieuw", hidden: true });
  const status = h(doc, "div", { class: "wegwijzer__status", role: "status" }, [statusText]);
  const notice = h(doc, "div", { class: "wegwijzer__melding", role: "status" }, []);
  // While a colleague has taken over the chat (bot.live): visible text, not only a colour.
  const liveBanner = h(doc, "p", { class: "wegwijzer__live", hidden: true }, [t.liveBezig]);
  const micYes = button(doc, t.microfoon.ja, { "data-actie": "microfoon-ja" }, "primary-action");
  const micNo = button(doc, t.microfoon.nee, { "data-actie": "microfoon-nee" });
  const micExplain = h(doc, "div", { class: "wegwijzer__microfoon-uitleg", hidden: true }, [
    h(doc, "p", { id: "wegwijzer-microfoon-tekst", tabindex: "-1" }, [t.microfoon.uitleg]),
    h(doc, "div", { class: "wegwijzer__knoppen" }, [micYes, micNo]),
  ]);
  const input = h(doc, "input", {
    id: "wegwijzer-vraag",
    class: "utrecht-textbox utrecht-textbox--html-input wegwijzer__veld",
    type: "text",
    autocomplete: "off",
    enterkeyhint: "send",
    placeholder: t.plaatshouder,
    spellcheck: "true",
  }, []);
  // The microphone is an icon with a hidden name, so the question box keeps its width on a small screen.
  const micButton = support.Recognition
    ? h(doc, "button", {
      type: "button",
      class: "utrecht-button utrecht-button--secondary-action wegwijzer__knop wegwijzer__microfoon",
      "data-actie": "inspreken",
      "aria-pressed": "false",
    }, [h(doc, "span", { class: "wegwijzer__vh" }, [t.inspreken])])
    : null;
  if (micButton) micButton.insertAdjacentHTML("afterbegin", MIC);
  const sendButton = h(doc, "button", { type: "submit", class: "utrecht-button utrecht-button--primary-action wegwijzer__knop wegwijzer__verstuur" }, [t.verstuur]);
  const form = h(doc, "form", { class: "wegwijzer__invoer", novalidate: true }, [
    h(doc, "label", { for: "wegwijzer-vraag", class: "utrecht-form-label wegwijzer__label" }, [t.invoerLabel]),
    h(doc, "div", { class: "wegwijzer__invoerregel" }, [input, micButton, sendButton]),
  ]);
  const panel = h(doc, "section", {
    id: "wegwijzer-paneel",
    class: "wegwijzer__paneel",
    role: "dialog",
    "aria-labelledby": "wegwijzer-titel",
    "aria-describedby": "wegwijzer-uitleg",
    hidden: true,
  }, [
    // One line: title, the "Over Wegwijzer" disclosure button, close. Below it the disclosed part:
    // the disclaimer and the conversation's options (open on a large screen, closed on a small one).
    h(doc, "div", { class: "wegwijzer__kop" }, [
      h(doc, "h2", { id: "wegwijzer-titel", class: "utrecht-heading-2 wegwijzer__titel" }, [t.titel]),
      aboutButton,
      closeButton,
    ]),
    h(doc, "div", { id: "wegwijzer-over", class: "wegwijzer__over" }, [
      h(doc, "p", { id: "wegwijzer-uitleg", class: "wegwijzer__uitleg" }, [t.uitleg]),
      h(doc, "p", { class: "wegwijzer__privacy" }, [
        h(doc, "a", { href: privacyUrl(config), target: "_blank", rel: "noopener noreferrer" }, [
          `${t.privacy} ${t.nieuwVenster}`,
        ]),
      ]),
      h(doc, "div", { class: "wegwijzer__acties" }, [newButton, readButton]),
    ]),
    liveBanner,
    log,
    typing,
    h(doc, "div", { class: "wegwijzer__statusregel" }, [status, retryButton]),
    notice,
    micExplain,
    form,
  ]);
  root.append(launcher, panel);
  return { root, launcher, panel, log, liveBanner, typing, status, statusText, retryButton, notice, micExplain, micYes, micNo,
    input, micButton, sendButton, form, newButton, readButton, closeButton, aboutButton,
    about: panel.querySelector("#wegwijzer-over") };
}
