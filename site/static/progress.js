// The learner's progress: which lessons they opened and how they answered each question.
// Kept in this browser only (localStorage, or memory where that is unavailable), never sent anywhere.
//
//   course.progress.load()          {visited: {slug: time}, answers: {quiz id: {correct, value, at}}}
//   course.progress.save(progress)  stores it and fires "progress-changed" (detail: progress) on document
//   course.progress.reset()         forgets everything
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const STORE_KEY = "dlviz-progress-v1";
  let memoryStore = null; // when localStorage is unavailable (private mode, file://)

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

  function markVisited() {
    const slug = document.body.dataset.lesson;
    if (!slug) return;
    const progress = load();
    progress.visited[slug] = progress.visited[slug] || Date.now();
    save(progress);
  }

  course.progress = { load, save, reset: () => save(emptyProgress()) };
  document.addEventListener("DOMContentLoaded", markVisited);
  document.addEventListener("lesson-opened", markVisited);
})();
