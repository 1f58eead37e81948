// The front page: each lesson's card says whether it was opened and how many of its
// questions were answered right at the first try (the score's rule, progress.js); a button
// forgets the learner's progress.
"use strict";

(() => {
  const course = (window.course = window.course || {});

  function showProgress() {
    const cards = document.querySelectorAll("[data-lesson-card]");
    if (!cards.length) return;
    const progress = course.progress.load();
    let visited = 0;
    for (const card of cards) {
      const slug = card.dataset.lessonCard;
      const ids = (card.dataset.quizzes || "").split(" ").filter(Boolean);
      const { right } = course.progress.score(ids, progress.answers);
      const seen = Boolean(progress.visited[slug]);
      visited += seen;
      card.classList.toggle("visited", seen);
      const status = card.querySelector(".card-progress");
      if (status) {
        status.textContent = seen
          ? `Visited · ${right} of ${ids.length} question${ids.length === 1 ? "" : "s"} right at the first try`
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
        course.progress.reset();
      }
    });
  }

  function open() {
    setUpReset();
    showProgress();
  }

  document.addEventListener("DOMContentLoaded", open);
  document.addEventListener("lesson-opened", open);
  document.addEventListener("progress-changed", showProgress);
})();
