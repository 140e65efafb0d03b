// Optional voice: the browser's speech recognition (nl-NL) and speech synthesis with a Dutch voice.
// Both are feature-detected; the widget works the same without them.
export function speechSupport(win) {
  const Recognition = win.SpeechRecognition || win.webkitSpeechRecognition || null;
  const synthesis = "speechSynthesis" in win && "SpeechSynthesisUtterance" in win ? win.speechSynthesis : null;
  return { Recognition, synthesis };
}

export function createSpeaker(win, synthesis) {
  return {
    speak(text) {
      if (!synthesis || !text) return;
      const utterance = new win.SpeechSynthesisUtterance(text);
      utterance.lang = "nl-NL";
      const voice = synthesis.getVoices().find((v) => /^nl([-_]|$)/i.test(v.lang));
      if (voice) utterance.voice = voice;
      synthesis.speak(utterance);
    },
    stop() {
      if (synthesis) synthesis.cancel();
    },
  };
}

export function listenOnce(Recognition, { onResult, onEnd, onError }) {
  const recognition = new Recognition();
  recognition.lang = "nl-NL";
  recognition.interimResults = false;
  recognition.maxAlternatives = 1;
  recognition.onresult = (event) => onResult(event.results[0][0].transcript);
  recognition.onerror = (event) => onError(event.error);
  recognition.onend = onEnd;
  try {
    recognition.start();
  } catch (e) {
    onError("start");
    onEnd();
  }
  return recognition;
}
