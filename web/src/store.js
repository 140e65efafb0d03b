// Conversation state kept in sessionStorage: it survives a reload in the same tab and is gone when
// the tab closes. Never localStorage: nothing about the conversation stays on a shared computer.
const KEY = "wegwijzer.v1";

// The session id and its token come from the server (session_confirm); until then both are null.
// Only that token lets this tab continue the conversation: the id alone does not (docs/privacy.md).
// `gezien`: the keys ("ts:deel") of the bot message parts shown, `laatsteTs`: the newest ts among them. After
// a reconnect the server sends what was stored after laatsteTs (with some overlap); a part whose key is in
// `gezien` is not shown again (bot.channels.widget_replay).
const MAX_SEEN = 300;

function emptyState() {
  return { sessionId: null, sessionToken: null, transcript: [], queue: [], open: false, voorlezen: false, microfoon: false, live: false,
    gezien: [], laatsteTs: null };
}

function validSession(state) {
  if (state.sessionId === null && state.sessionToken === null) return true;
  return /^[0-9a-f]{32}$/.test(state.sessionId) && typeof state.sessionToken === "string" && /^[A-Za-z0-9_-]{1,100}$/.test(state.sessionToken);
}

function memoryStorage() {
  const items = {};
  return { getItem: (k) => (k in items ? items[k] : null), setItem: (k, v) => { items[k] = String(v); }, removeItem: (k) => { delete items[k]; } };
}

function usableStorage(win) {
  try {
    const storage = win.sessionStorage;
    storage.setItem(KEY + ".test", "1");
    storage.removeItem(KEY + ".test");
    return storage;
  } catch (e) {
    return memoryStorage();
  }
}

function load(storage) {
  try {
    const state = JSON.parse(storage.getItem(KEY) || "null");
    if (state && Array.isArray(state.transcript) && Array.isArray(state.queue)) {
      const loaded = Object.assign(emptyState(), state);
      // an entry from before sessions had tokens (or a broken one): keep the transcript, new session
      if (!validSession(loaded)) Object.assign(loaded, { sessionId: null, sessionToken: null });
      if (!Array.isArray(loaded.gezien) || !loaded.gezien.every((k) => typeof k === "string")) loaded.gezien = [];
      if (typeof loaded.laatsteTs !== "number" || !Number.isFinite(loaded.laatsteTs)) loaded.laatsteTs = null;
      return loaded;
    }
  } catch (e) {
    /* a broken entry starts a new conversation */
  }
  return emptyState();
}

export function createStore(win) {
  const storage = usableStorage(win);
  let state = load(storage);
  let counter = 0;
  const save = () => {
    try {
      storage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      /* storage full: the conversation still works, it just does not survive a reload */
    }
  };
  return {
    get: () => state,
    update(changes) {
      state = Object.assign({}, state, changes);
      save();
    },
    nextId: () => `${Date.now().toString(36)}-${(counter += 1)}`,
    addEntry(entry) {
      state.transcript = state.transcript.concat([entry]).slice(-200);
      save();
    },
    patchEntry(id, changes) {
      state.transcript = state.transcript.map((e) => (e.id === id ? Object.assign({}, e, changes) : e));
      save();
    },
    enqueue(item) {
      state.queue = state.queue.concat([item]);
      save();
    },
    // true when this part (its key) was not shown yet; it is remembered as shown
    firstTime(ts, deel) {
      const key = `${ts}:${deel}`;
      if (!Array.isArray(state.gezien)) state.gezien = [];
      if (state.gezien.includes(key)) return false;
      state.gezien = state.gezien.concat([key]).slice(-MAX_SEEN);
      if (!(typeof state.laatsteTs === "number" && state.laatsteTs >= ts)) state.laatsteTs = ts;
      save();
      return true;
    },
    dequeue(id) {
      state.queue = state.queue.filter((item) => item.id !== id);
      save();
    },
    reset() {
      state = Object.assign(emptyState(), { open: state.open, voorlezen: state.voorlezen, microfoon: state.microfoon });
      save();
    },
  };
}
