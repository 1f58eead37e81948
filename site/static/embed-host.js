// For a page that embeds the course: sizes each <iframe data-dlviz-embed> to its content.
// The embedded page posts {type: "dlviz-resize", height} to its parent whenever its height changes.
"use strict";
(() => {
  window.addEventListener("message", (event) => {
    const message = event.data;
    if (!message || message.type !== "dlviz-resize" || !Number.isFinite(message.height)) return;
    for (const frame of document.querySelectorAll("iframe[data-dlviz-embed]")) {
      if (frame.contentWindow === event.source) {
        frame.style.height = `${Math.min(Math.max(Math.ceil(message.height), 100), 20000)}px`;
      }
    }
  });
})();
