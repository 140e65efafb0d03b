// Conversation state kept in sessionStorage: it survives a reload in the same tab and is gone when
// the tab closes. Never localStorage: nothing about the conversation stays on a shared computer.
const KEY = "wegwijzer.v1";

function newSessionId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function emptyState() {
  return { sessionId: newSessionId(), transcript: [], queue: [], open: false, voorlezen: false, microfoon: false };
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
    if (state && /^[0-9a-f]{32}$/.test(state.sessionId) && Array.isArray(state.transcript) && Array.isArray(state.queue)) {
      return Object.assign(emptyState(), state);
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
