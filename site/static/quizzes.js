// Check-your-understanding questions: each form (written by the build from a ```quiz fence)
// is checked here, and the learner's answer is remembered in their progress and shown again.
"use strict";

(() => {
  const course = (window.course = window.course || {});

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

  function setUpQuizzes() {
    const progress = course.progress.load();
    for (const form of document.querySelectorAll("form.quiz")) {
      const id = form.dataset.quiz;
      if (progress.answers[id]) restoreAnswer(form, progress.answers[id]);
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const result = judge(form);
        showFeedback(form, result);
        if (!result.answered) return;
        const latest = course.progress.load();
        latest.answers[id] = { correct: result.correct, value: result.value, at: Date.now() };
        course.progress.save(latest);
      });
    }
  }

  document.addEventListener("DOMContentLoaded", setUpQuizzes);
  document.addEventListener("lesson-opened", setUpQuizzes);
})();
