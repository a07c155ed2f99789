// The counter's client: xterm.js with its screen-reader mode (its accessibility tree holds the
// rows as text), speaking textual-serve's websocket protocol to one app process per visit.
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("counter-config").textContent);
  const words = config.words;
  const host = document.getElementById("terminal");
  const noticeText = document.getElementById("notice-text");
  const noticeButton = document.getElementById("notice-button");

  Terminal.strings.promptLabel = words.promptLabel;
  Terminal.strings.tooMuchOutput = words.tooMuchOutput;

  let terminal = null;
  let socket = null;
  let retry = null;

  // xterm.js sends Tab to the app and keeps it from the page, but lets Shift+Tab (sent as
  // ESC [ Z) move the page's focus out of the terminal too: the app's previous field took the
  // focus and every key after it went to the page. The full-screen app now keeps both; Échap
  // then Shift+Tab leaves the terminal, as the page says under its link (#leave-hint). The
  // Échap still reaches the app (it closes a dialog there, or asks nothing at the login). The
  // line mode has no use for Tab: Tab and Shift+Tab move the page's focus, as on any page.
  let escapePressed = false;

  const MODIFIERS = new Set(["Shift", "Control", "Alt", "Meta", "AltGraph"]);

  function keyForTheApp(event) {
    if (event.type !== "keydown" || MODIFIERS.has(event.key)) {
      return true; // Shift pressed on the way from Échap to Tab keeps the Échap counted
    }
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
    const tab = plain && event.key === "Tab";
    if (!config.keysToTheApp) {
      return !tab;
    }
    const leaving = escapePressed && tab && event.shiftKey;
    escapePressed = plain && !event.shiftKey && event.key === "Escape";
    if (leaving) {
      return false; // the browser moves the focus; the app does not hear this key
    }
    if (tab && event.shiftKey) {
      event.preventDefault(); // the app's previous field; the page's focus stays
    }
    return true;
  }

  function say(text, buttonLabel) {
    noticeText.textContent = text;
    noticeButton.hidden = !buttonLabel;
    noticeButton.textContent = buttonLabel || "";
    if (buttonLabel) {
      noticeButton.focus();
    }
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
    }
  }

  // Nothing of the visit may stay in the page: the terminal, its buffer and its rows go.
  function forgetTerminal() {
    if (terminal) {
      terminal.dispose();
      terminal = null;
    }
    host.replaceChildren();
  }

  function start() {
    clearTimeout(retry);
    forgetTerminal();
    terminal = new Terminal({
      screenReaderMode: true,
      scrollback: 0,
      cursorBlink: false,
      fontSize: config.fontSize,
      fontFamily: '"DejaVu Sans Mono", "Liberation Mono", monospace',
    });
    const fit = new FitAddon.FitAddon();
    terminal.loadAddon(fit);
    terminal.open(host);
    escapePressed = false; // a new visit starts with nothing pressed
    terminal.attachCustomKeyEventHandler(keyForTheApp);
    terminal.textarea.setAttribute("aria-describedby", "leave-hint");
    fit.fit();
    window.onresize = function () {
      fit.fit();
    };

    const address = new URL(config.websocket);
    address.searchParams.set("width", terminal.cols);
    address.searchParams.set("height", terminal.rows);
    socket = new WebSocket(address.href);
    socket.binaryType = "arraybuffer";
    const ownSocket = socket;
    const ownTerminal = terminal;

    terminal.onData(function (data) {
      send(["stdin", data]);
    });
    terminal.onResize(function (size) {
      send(["resize", { width: size.cols, height: size.rows }]);
    });
    terminal.textarea.addEventListener("focus", function () {
      send(["focus"]);
    });
    terminal.textarea.addEventListener("blur", function () {
      send(["blur"]);
    });

    socket.addEventListener("open", function () {
      send(["resize", { width: ownTerminal.cols, height: ownTerminal.rows }]);
      ownTerminal.focus();
    });
    socket.addEventListener("message", function (event) {
      if (typeof event.data === "string") {
        const [kind, payload] = JSON.parse(event.data);
        if (kind === "open_url") {
          window.open(payload.url, payload.new_tab ? "_blank" : "_self", "noopener");
        }
        return;
      }
      if (noticeText.textContent) {
        say("", null); // the app answers: the page's own notice gives way to it
        document.getElementById("notice-heading")?.remove();
      }
      ownTerminal.write(new Uint8Array(event.data));
    });
    socket.addEventListener("close", function (event) {
      if (socket !== ownSocket) {
        return;
      }
      socket = null;
      forgetTerminal();
      if (event.code === config.closeVisitEnded) {
        start(); // a fresh app for the next person, nothing of the last one in it
      } else if (event.code === config.closeAllInUse) {
        if (noticeText.textContent !== words.allInUse) {
          say(words.allInUse, null);
        }
        retry = setTimeout(start, config.retrySeconds * 1000); // in when a place frees
      } else if (event.wasClean) {
        say(words.ended, words.restart);
      } else {
        say(words.lost, words.retry);
      }
    });
  }

  noticeButton.addEventListener("click", start);
  start();
})();
