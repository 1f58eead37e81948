// "See the Python": the learner changes a figure's core function and runs it (the build writes the
// panel, build_steps/code_panels.py; Python runs the code, dlviz/edits.py). "Change it" turns the
// highlighted source into an editor (CodeMirror 5, served from the site, loaded on first use);
// Run sends the text to the worker (course.live.runCode) and the figure redraws with it; Python's
// answer ("figure-code") shows its error as Python words it, or both read-outs, the learner's and
// the original's. Reset runs the original again. The editor's text stays when a run fails.
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const script = document.currentScript;
  let editorLoading = null;

  function load(tag, attributes) {
    return new Promise((resolve, reject) => {
      const element = Object.assign(document.createElement(tag), attributes);
      element.onload = resolve;
      element.onerror = () => reject(new Error(`could not load ${attributes.src || attributes.href}`));
      document.head.appendChild(element);
    });
  }

  // CodeMirror and its Python mode, once per page.
  function loadEditor() {
    if (!editorLoading) {
      const root = new URL("codemirror/", script.src);
      editorLoading = Promise.all([
        load("link", { rel: "stylesheet", href: new URL("codemirror.css", root).href }),
        load("script", { src: new URL("codemirror.js", root).href }).then(() => load("script", { src: new URL("python.js", root).href })),
      ]);
    }
    return editorLoading;
  }

  function isLive(name) {
    const root = document.getElementById(`figure-${name}`);
    return Boolean(root && root.closest("figure").classList.contains("figure-live"));
  }

  function setUp(panel) {
    if (panel.dataset.ready) return;
    panel.dataset.ready = "yes";
    const name = panel.dataset.code;
    const part = panel.querySelector(".code-function");
    const original = part.querySelector(".code-text").value;
    const $ = (selector) => part.querySelector(selector);
    let editor = null;
    let editing = false;
    let waiting = false;

    function say(text) {
      $(".code-status").textContent = text;
    }

    function source() {
      return editor ? editor.getValue() : $(".code-text").value;
    }

    function run(text) {
      if (!isLive(name)) {
        say("The figure is not live yet: wait until Python has started, then run it.");
        return;
      }
      if (!course.live.runCode(name, text)) {
        say("This page has no Python (see the line at the top), so the code cannot run here.");
        return;
      }
      waiting = true;
      $(".code-run").disabled = true;
      say(text === null ? "Putting the original back…" : "Running your code…");
    }

    async function startEditing(text = original) {
      editing = true;
      $(".code-edit").hidden = true;
      $(".code-run").hidden = false;
      $(".code-reset").hidden = false;
      $(".code-run").disabled = !isLive(name);
      const place = document.createElement("div");
      place.className = "code-editor";
      part.querySelector(".code-source").replaceWith(place);
      try {
        await loadEditor();
        editor = window.CodeMirror(place, {
          value: text,
          mode: "python",
          lineNumbers: true,
          lineWrapping: true,
          indentUnit: 4,
          inputStyle: "contenteditable",
          screenReaderLabel: `Python source of ${part.dataset.function.split(".").pop()}, editable`,
          extraKeys: {
            "Ctrl-Enter": () => run(source()),
            "Cmd-Enter": () => run(source()),
            Tab: (cm) => cm.execCommand("indentMore"),
            "Shift-Tab": (cm) => cm.execCommand("indentLess"),
            Esc: () => $(".code-run").focus(), // Tab indents, so Esc is the way out, to Run
          },
        });
        editor.focus();
      } catch (error) {
        // Without the editor, the plain text box does the same job.
        const box = $(".code-text");
        box.value = text;
        box.hidden = false;
        box.removeAttribute("aria-hidden");
        box.setAttribute("aria-label", "Python source, editable");
        box.rows = original.split("\n").length + 1;
        place.replaceWith(box);
        box.focus();
      }
    }

    function show(result) {
      waiting = false;
      if (!editing && typeof result.source === "string") {
        // The page's link carried the learner's code: show it, in the editor, as it runs.
        panel.open = true;
        startEditing(result.source);
      }
      $(".code-run").disabled = false;
      const error = $(".code-error");
      if (result.stopped) {
        error.textContent = "Your code did not finish, so Python was restarted: the figures run the original code again.";
        error.hidden = false;
        $(".code-numbers").hidden = true;
        say("Stopped.");
        return;
      }
      error.textContent = result.error || "";
      error.hidden = !result.error;
      $(".code-yours").textContent = result.yours;
      $(".code-original").textContent = result.original;
      $(".code-numbers").hidden = result.source === null;
      if (result.error) say(result.source === null ? "Your code failed: the figure runs the original again." : "Your code failed: the figure keeps the last version that worked.");
      else say(result.source === null ? "The figure runs the original again." : "The figure now runs your version.");
    }

    $(".code-edit").addEventListener("click", () => startEditing());
    $(".code-run").addEventListener("click", () => run(source()));
    $(".code-reset").addEventListener("click", () => {
      if (editor) editor.setValue(original);
      else $(".code-text").value = original;
      run(null);
    });
    document.addEventListener("figure-code", (event) => {
      if (event.detail.name === name && panel.isConnected) show(event.detail.result);
    });
    document.addEventListener("figure-live", (event) => {
      if (event.detail === name && !waiting) $(".code-run").disabled = false;
    });
  }

  function setUpAll() {
    for (const panel of document.querySelectorAll("details.figure-code[data-changeable]")) setUp(panel);
  }

  document.addEventListener("DOMContentLoaded", setUpAll);
  document.addEventListener("lesson-opened", setUpAll);
})();
