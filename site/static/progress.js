// The learner's progress: which lessons they opened and how they answered each question.
// Kept in this browser (localStorage, or memory where that is unavailable), never sent anywhere
// by this file. In an LMS, scorm.js calls keepFor() at once, so the learner's record there is their
// own: a copy in this browser under the LMS's id for them (or for this tab only, when the LMS gives
// none), which the answers the LMS holds then overwrite.
//
//   course.progress.load()                {visited: {slug: time}, answers: {quiz id: answer}}, where an answer
//                                         is {first, correct, value, shown}: right at the first attempt, right
//                                         now, the learner's answer, whether they asked to be shown the answer
//   course.progress.save(progress)        stores it and fires "progress-changed" (detail: progress) on document
//   course.progress.answer(id, correct, value)  keeps an attempt; only the first counts for the score
//   course.progress.reveal(id)            the learner asked for the answer (after an attempt)
//   course.progress.score(ids)            {answered, right, total}: right counts first attempts
//   course.progress.keepFor(learner)      keep this learner's own copy (null: this tab only)
//   course.progress.reset()               forgets everything
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const STORE_KEY = "dlviz-progress-v1";
  let store = () => localStorage;
  let key = STORE_KEY;
  let memoryStore = null; // when browser storage is unavailable (private mode, file://)

  function emptyProgress() {
    return { visited: {}, answers: {} };
  }

  // An answer kept by an older version ({correct, value, at}) counts its one answer as the first.
  function asAnswer(kept) {
    const correct = kept.correct === true;
    return { first: typeof kept.first === "boolean" ? kept.first : correct, correct, value: String(kept.value ?? ""), shown: kept.shown === true };
  }

  function load() {
    let data;
    try {
      const raw = store().getItem(key);
      data = raw ? JSON.parse(raw) : emptyProgress();
    } catch (error) {
      data = memoryStore || emptyProgress();
    }
    if (typeof data !== "object" || !data || typeof data.visited !== "object" || typeof data.answers !== "object") return emptyProgress();
    for (const [id, kept] of Object.entries(data.answers)) {
      if (kept && typeof kept === "object") data.answers[id] = asAnswer(kept);
      else delete data.answers[id];
    }
    return data;
  }

  function save(progress) {
    memoryStore = progress;
    try {
      store().setItem(key, JSON.stringify(progress));
    } catch (error) {
      // kept in memory for this page
    }
    document.dispatchEvent(new CustomEvent("progress-changed", { detail: progress }));
  }

  function answer(id, correct, value) {
    const progress = load();
    const before = progress.answers[id];
    progress.answers[id] = { first: before ? before.first : correct, correct, value: String(value), shown: Boolean(before && before.shown) };
    save(progress);
  }

  function reveal(id) {
    const progress = load();
    if (!progress.answers[id]) return;
    progress.answers[id].shown = true;
    save(progress);
  }

  function score(ids, answers = load().answers) {
    const answered = ids.filter((id) => answers[id]);
    return { answered: answered.length, right: answered.filter((id) => answers[id].first).length, total: ids.length };
  }

  function keepFor(learner) {
    memoryStore = null;
    if (learner === null) {
      store = () => sessionStorage;
      key = STORE_KEY;
    } else {
      store = () => localStorage;
      key = `${STORE_KEY} learner ${learner}`;
    }
  }

  function markVisited() {
    const slug = document.body.dataset.lesson;
    if (!slug) return;
    const progress = load();
    progress.visited[slug] = progress.visited[slug] || Date.now();
    save(progress);
  }

  course.progress = { load, save, answer, reveal, score, keepFor, reset: () => save(emptyProgress()) };
  document.addEventListener("DOMContentLoaded", markVisited);
  document.addEventListener("lesson-opened", markVisited);
})();
