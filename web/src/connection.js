// The socket.io connection to Rasa: a token from the web app, session persistence, and a queue of
// user messages that are sent (in order, one at a time) once the session is confirmed. A message
// leaves the queue only when the server acknowledged it, so nothing typed is lost on a drop.
import { io } from "socket.io-client";

const REFUSED_ORIGIN = "herkomst_niet_toegestaan";
const ACK_TIMEOUT_MS = 90000;

class Refused extends Error {}

// Not the session id (that must not end up in proxy logs): a fresh random key per page load.
function routeKey() {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function createConnection({ base, store, metadata, onStatus, onBotMessage, onMissed, onLiveStatus, onSending, onSent }) {
  let socket = null;
  let confirmed = false;
  let inFlight = null;
  let firstToken = null;
  let retryTimer = null;

  async function fetchAccess() {
    const response = await fetch(`${base}/toegang`, { method: "POST", credentials: "omit", cache: "no-store" });
    if (response.status === 403) throw new Refused("refused");
    if (!response.ok) throw new Error(`toegang ${response.status}`);
    return response.json();
  }

  function flush() {
    if (!socket || !confirmed || inFlight) return;
    const item = store.get().queue[0];
    if (!item) return;
    inFlight = item.id;
    onSending(item.id);
    const sessionId = store.get().sessionId;
    if (!sessionId) {
      inFlight = null;
      return;
    }
    socket.timeout(ACK_TIMEOUT_MS).emit("user_uttered", { message: item.message, session_id: sessionId, metadata }, (err) => {
      if (inFlight !== item.id) return; // the connection dropped meanwhile: it is resent after reconnect
      inFlight = null;
      if (err) {
        onSent(item.id, false); // no answer in time: kept in the queue, sent again after a reconnect
        return;
      }
      store.dequeue(item.id);
      onSent(item.id, true);
      flush();
    });
  }

  function attach(access) {
    firstToken = access.token;
    socket = io(access.socket_url, {
      path: access.socket_path || "/socket.io",
      // random per page load: lets a proxy keep this socket on one server (docs/productie.md)
      query: { wegwijzer_route: routeKey() },
      transports: ["websocket", "polling"],
      reconnectionDelay: 1000,
      reconnectionDelayMax: 8000,
      auth: (cb) => {
        if (firstToken !== null) {
          const token = firstToken;
          firstToken = null;
          cb({ token });
          return;
        }
        fetchAccess().then((a) => cb({ token: a.token }), () => cb({}));
      },
    });
    // The server binds the conversation to a token it issues: we send back the pair we were given (if
    // any); without the right token the server starts a fresh session and sends its id and token.
    // With the pair we also send the newest message we showed (`na`): the server then sends what this
    // conversation said while we were away ("gemist"), only to the holder of the token.
    socket.on("connect", () => {
      const { sessionId, sessionToken, laatsteTs } = store.get();
      const request = sessionId && sessionToken ? { session_id: sessionId, token: sessionToken } : {};
      if (request.token && typeof laatsteTs === "number") request.na = laatsteTs;
      socket.emit("session_request", request);
    });
    socket.on("session_confirm", (session) => {
      if (!session || typeof session.session_id !== "string" || typeof session.token !== "string") return;
      const state = store.get();
      if (session.session_id !== state.sessionId) {
        // another conversation (ours was refused or is new): nothing of the old one is replayed in it
        store.update({ sessionId: session.session_id, sessionToken: session.token, gezien: [], laatsteTs: null });
      } else if (session.token !== state.sessionToken) {
        store.update({ sessionToken: session.token });
      }
      confirmed = true;
      onStatus("verbonden");
      flush();
    });
    socket.on("bot_uttered", (data) => onBotMessage(data));
    socket.on("gemist", (data) => { if (onMissed && data && Array.isArray(data.berichten)) onMissed(data.berichten); });
    // After (re)joining: does a colleague hold the conversation now (bot.live)?
    socket.on("live_status", (data) => { if (onLiveStatus) onLiveStatus(data); });
    socket.on("disconnect", (reason) => {
      confirmed = false;
      inFlight = null;
      if (reason !== "io client disconnect") onStatus("verbroken");
    });
    socket.on("connect_error", (err) => {
      confirmed = false;
      if (err && err.message === REFUSED_ORIGIN) {
        onStatus("geweigerd");
        return;
      }
      onStatus("verbroken");
      // A refusal by the server (e.g. an expired token) stops automatic reconnection: try again.
      if (!socket.active) retryLater();
    });
  }

  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => retryNow(), 3000);
  }

  async function start() {
    if (socket) return;
    onStatus("verbinden");
    try {
      attach(await fetchAccess());
    } catch (e) {
      onStatus(e instanceof Refused ? "geweigerd" : "verbroken");
      if (!(e instanceof Refused)) retryLater();
    }
  }

  function retryNow() {
    clearTimeout(retryTimer);
    if (!socket) start();
    else if (!socket.connected) {
      onStatus("verbinden");
      socket.connect();
    }
  }

  return {
    start,
    retryNow,
    send(message, id) {
      const item = { id: id || store.nextId(), message };
      store.enqueue(item);
      flush();
      return item.id;
    },
    restartSession() {
      // The store dropped the session (id and token): reconnect, the server issues a new one, and the
      // old conversation's messages no longer reach this tab.
      confirmed = false;
      inFlight = null;
      if (socket) {
        socket.disconnect();
        onStatus("verbinden");
        socket.connect();
      }
    },
    isConfirmed: () => confirmed,
  };
}
