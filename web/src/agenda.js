// "Zet in mijn agenda" under the step plan: a download link for the calendar file the server made
// (bot.stappenplan.agenda). The file is checked again here and offered as a blob: URL with a file
// name; nothing is parsed as HTML.
import { h } from "./dom.js";

const NAME = /^[a-z0-9-]{1,60}\.ics$/;
const MAX = 20000;

export function messageCalendar(data) {
  const a = data && data.agenda;
  if (!a || typeof a.bestand !== "string" || typeof a.ics !== "string") return null;
  if (!NAME.test(a.bestand) || a.ics.length > MAX) return null;
  if (!a.ics.startsWith("BEGIN:VCALENDAR\r\n") || !a.ics.endsWith("END:VCALENDAR\r\n")) return null;
  return { bestand: a.bestand, ics: a.ics };
}

export function calendarLink(win, doc, entry, t) {
  if (!entry.agenda) return null;
  const blob = new win.Blob([entry.agenda.ics], { type: "text/calendar;charset=utf-8" });
  const status = h(doc, "p", { class: "wegwijzer__agenda-status", role: "status" }, []);
  const link = h(doc, "a", {
    class: "utrecht-button utrecht-button--secondary-action wegwijzer__agenda",
    href: win.URL.createObjectURL(blob),
    download: entry.agenda.bestand,
  }, [t.agenda.knop, h(doc, "span", { class: "wegwijzer__vh" }, [` ${t.agenda.bestand}`])]);
  link.addEventListener("click", () => { status.textContent = t.agenda.klaar; });
  return h(doc, "div", { class: "wegwijzer__agenda-blok" }, [link, status]);
}
