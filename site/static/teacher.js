// The teacher's switch. Runs from <head>: ?teacher opens the site as a teacher for the rest of the
// tab's visit (?teacher=off ends it), which shows each figure's "Embed this figure" box and, in
// print, each question's answer and worked solution (print.css); learners see neither.
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const root = document.documentElement;
  const query = new URLSearchParams(location.search);
  const KEY = "dlviz-teacher";
  let teacher = query.has("teacher") && query.get("teacher") !== "off";
  try {
    if (query.get("teacher") === "off") sessionStorage.removeItem(KEY);
    else if (teacher) sessionStorage.setItem(KEY, "1");
    teacher = teacher || sessionStorage.getItem(KEY) === "1";
  } catch (error) {
    // no storage (a locked-down browser): the switch lasts for this page only
  }
  root.classList.toggle("teacher", teacher);

  // Each question's answer and worked solution, as the page shows them when asked (quizzes.js).
  function addAnswerKeys() {
    if (!teacher || !course.quizzes) return;
    for (const form of document.querySelectorAll("form.quiz")) {
      if (form.querySelector(".quiz-key")) continue;
      const { answer, why } = course.quizzes.solution(form);
      const key = document.createElement("p");
      key.className = "quiz-key";
      key.innerHTML = `<strong>Answer: ${answer}.</strong> ${why}`; // the build's own HTML, never the learner's
      form.append(key);
    }
  }

  course.teacher = teacher;
  document.addEventListener("DOMContentLoaded", addAnswerKeys);
  document.addEventListener("lesson-opened", addAnswerKeys);
})();
