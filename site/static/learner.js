// The learner's side: questions checked and remembered, lessons visited, and
// every figure's state in the URL so a link reproduces what the learner sees.
// Everything is kept in this browser only (localStorage), never sent anywhere.
"use strict";

(() => {
  const STORE_KEY = "dlviz-progress-v1";
  let memoryStore = null; // when localStorage is unavailable (private mode, file://)

  // ------------------------------------------------------------ progress store

  function emptyProgress() {
    return { visited: {}, answers: {} };
  }

  function load() {
    try {
      const raw = localStorage.getItem(STORE_KEY);
      const data = raw ? JSON.parse(raw) : emptyProgress();
      if (typeof data !== "object" || !data || typeof data.visited !== "object" || typeof data.answers !== "object") {
        return emptyProgress();
      }
      return data;
    } catch (error) {
      return memoryStore || emptyProgress();
    }
  }

  function save(progress) {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(progress));
    } catch (error) {
      memoryStore = progress;
    }
    document.dispatchEvent(new CustomEvent("progress-changed", { detail: progress }));
  }

  function markVisited(slug) {
    if (!slug) return;
    const progress = load();
    progress.visited[slug] = progress.visited[slug] || Date.now();
    save(progress);
  }

  function resetProgress() {
    save(emptyProgress());
  }

  // ------------------------------------------------------------ questions

  function parseNumber(text) {
    const cleaned = String(text).trim().replace(/\u2212/g, "-").replace(/,/g, ".");
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
    return Number(cleaned);
  }

  function judge(form) {
    const numeric = form.querySelector("input[data-value]");
    if (numeric) {
      const value = parseNumber(numeric.value);
      if (value === null) return { answered: false, message: "Type a number, like 2.5." };
      const correct = Math.abs(value - Number(numeric.dataset.value)) <= Number(numeric.dataset.tolerance) + 1e-12;
      return { answered: true, correct, value: numeric.value, feedback: numeric.dataset.feedback };
    }
    const chosen = form.querySelector("input[type=radio]:checked");
    if (!chosen) return { answered: false, message: "Choose an answer first." };
    return { answered: true, correct: chosen.dataset.correct === "true", value: chosen.value, feedback: chosen.dataset.feedback };
  }

  function showFeedback(form, result) {
    const box = form.querySelector(".quiz-feedback");
    form.classList.toggle("right", result.answered && result.correct);
    form.classList.toggle("wrong", result.answered && !result.correct);
    if (!result.answered) {
      box.textContent = result.message;
      return;
    }
    // Feedback is our own build-time HTML (from the lesson's Markdown), never the learner's input.
    box.innerHTML = `<strong>${result.correct ? "Right." : "Not quite."}</strong> ${result.feedback || ""}`;
  }

  function restoreAnswer(form, answer) {
    const numeric = form.querySelector("input[data-value]");
    if (numeric) numeric.value = answer.value;
    else {
      const option = form.querySelector(`input[type=radio][value="${CSS.escape(String(answer.value))}"]`);
      if (option) option.checked = true;
    }
    showFeedback(form, judge(form));
  }

  function setUpQuizzes(root) {
    const progress = load();
    for (const form of root.querySelectorAll("form.quiz")) {
      const id = form.dataset.quiz;
      if (progress.answers[id]) restoreAnswer(form, progress.answers[id]);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const result = judge(form);
        showFeedback(form, result);
        if (!result.answered) return;
        const latest = load();
        latest.answers[id] = { correct: result.correct, value: result.value, at: Date.now() };
        save(latest);
      });
    }
  }

  // ------------------------------------------------------------ figure state in the URL
  // ?polynomial_fit.degree=5 sets the figure's parameter; Python checks every value
  // against the parameter's type and bounds and falls back to the default otherwise.

  const NAME = /^[a-z][a-z0-9_]{0,63}$/;

  function parseValue(text) {
    if (text === "true" || text === "false") return text === "true";
    const number = parseNumber(text);
    if (number !== null && Number.isFinite(number)) return number;
    return text.length <= 64 ? text : null;
  }

  function figureStatesFromURL(search = location.search) {
    const states = Object.create(null); // no prototype: "constructor" or "__proto__" are just names
    for (const [key, raw] of new URLSearchParams(search)) {
      const [figure, parameter, ...rest] = key.split(".");
      if (rest.length || !NAME.test(figure || "") || !NAME.test(parameter || "")) continue;
      const value = parseValue(raw);
      if (value === null) continue;
      (states[figure] = states[figure] || Object.create(null))[parameter] = value;
    }
    return states;
  }

  function urlForStates(states) {
    const params = new URLSearchParams();
    for (const [key, value] of new URLSearchParams(location.search)) {
      if (!key.includes(".")) params.append(key, value); // keep ?embed and the like
    }
    for (const [figure, values] of Object.entries(states)) {
      for (const [parameter, value] of Object.entries(values)) params.set(`${figure}.${parameter}`, String(value));
    }
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}${location.hash}`;
  }

  document.addEventListener("figure-state", (event) => {
    history.replaceState(history.state, "", urlForStates(event.detail));
  });

  // ------------------------------------------------------------ the front page

  function showProgressOnFrontPage() {
    const cards = document.querySelectorAll("[data-lesson-card]");
    if (!cards.length) return;
    const progress = load();
    let visited = 0;
    for (const card of cards) {
      const slug = card.dataset.lessonCard;
      const ids = (card.dataset.quizzes || "").split(" ").filter(Boolean);
      const right = ids.filter((id) => progress.answers[id] && progress.answers[id].correct).length;
      const seen = Boolean(progress.visited[slug]);
      visited += seen;
      card.classList.toggle("visited", seen);
      const status = card.querySelector(".card-progress");
      if (status) {
        status.textContent = seen
          ? `Visited · ${right} of ${ids.length} question${ids.length === 1 ? "" : "s"} right`
          : "Not started";
      }
    }
    const summary = document.getElementById("progress-summary");
    if (summary) summary.textContent = `You have opened ${visited} of ${cards.length} lessons.`;
  }

  function setUpReset() {
    const button = document.getElementById("reset-progress");
    if (!button) return;
    button.addEventListener("click", () => {
      if (window.confirm("Forget which lessons you opened and your answers? This cannot be undone.")) {
        resetProgress();
        showProgressOnFrontPage();
      }
    });
  }

  function onLessonOpened() {
    markVisited(document.body.dataset.lesson);
    setUpQuizzes(document);
    showProgressOnFrontPage();
  }

  // ------------------------------------------------------------ SCORM 1.2, in an LMS
  // mode.js found the LMS's API (window.courseLMS) before the page was drawn. Each lesson is one SCO:
  // completed once every question is answered; the score is the share answered right.

  const scorm = { api: null, open: false };

  function startScorm() {
    scorm.api = window.courseLMS;
    if (!scorm.api || !document.body.dataset.lesson) return;
    scorm.open = String(scorm.api.LMSInitialize("")) === "true";
    if (!scorm.open) return;
    if (scorm.api.LMSGetValue("cmi.core.lesson_status") === "not attempted") {
      scorm.api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    }
    reportToLMS();
    window.addEventListener("pagehide", finishScorm);
  }

  function reportToLMS() {
    if (!scorm.open) return;
    const ids = [...document.querySelectorAll("form.quiz")].map((form) => form.dataset.quiz);
    const answers = load().answers;
    const answered = ids.filter((id) => answers[id]);
    const right = answered.filter((id) => answers[id].correct);
    if (ids.length) {
      scorm.api.LMSSetValue("cmi.core.score.min", "0");
      scorm.api.LMSSetValue("cmi.core.score.max", "100");
      scorm.api.LMSSetValue("cmi.core.score.raw", String(Math.round((100 * right.length) / ids.length)));
    }
    if (answered.length === ids.length) scorm.api.LMSSetValue("cmi.core.lesson_status", "completed");
    scorm.api.LMSCommit("");
  }

  function finishScorm() {
    if (!scorm.open) return;
    scorm.api.LMSFinish("");
    scorm.open = false;
  }

  document.addEventListener("progress-changed", reportToLMS);

  // ------------------------------------------------------------ offline: every page keeps the course cached

  // A new build installs beside the one in use and waits: the page offers to switch,
  // so one page never mixes two versions' files.
  function registerServiceWorker() {
    if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
    if (document.documentElement.classList.contains("scorm")) return; // the LMS serves the files
    navigator.serviceWorker
      .register("sw.js")
      .then((registration) => {
        const offer = () => registration.waiting && navigator.serviceWorker.controller && offerUpdate(registration.waiting);
        offer();
        registration.addEventListener("updatefound", () => {
          registration.installing.addEventListener("statechange", offer);
        });
      })
      .catch((error) => console.warn("offline use unavailable:", error));
  }

  function offerUpdate(waiting) {
    if (document.getElementById("update-offer")) return;
    const offer = document.createElement("div");
    offer.id = "update-offer";
    offer.className = "update-offer";
    offer.setAttribute("role", "status");
    offer.innerHTML = 'A new version of the course is ready. <button type="button">Reload to use it</button>';
    offer.querySelector("button").addEventListener("click", () => {
      navigator.serviceWorker.addEventListener("controllerchange", () => location.reload());
      waiting.postMessage("skip-waiting");
    });
    document.body.prepend(offer);
  }

  window.addEventListener("load", registerServiceWorker);

  window.courseState = { figureStates: () => figureStatesFromURL(), figureStatesFromURL, load, resetProgress };
  document.addEventListener("lesson-opened", onLessonOpened);
  document.addEventListener("DOMContentLoaded", () => {
    onLessonOpened();
    setUpReset();
    startScorm();
  });
})();
