// Check-your-understanding questions: each form (written by the build from a ```quiz fence) is
// checked here. A wrong answer gets a hint (and why that choice is wrong), never the solution;
// the worked solution comes with a right answer, or when the learner asks ("Show the answer",
// offered after a first try). Every answer is kept in the learner's progress (progress.js, where
// only the first attempt counts for the score) and shown again when the page opens. A question
// that reads a figure (.quiz-figure-task) is right when the figure's state, as state.js reports
// it, meets every condition the build wrote into its data-accept: the live figure's, or before
// Python the precomputed state on screen (precomputed.js).
//
//   course.quizzes.readNumber(text)   the numbers a typed answer can mean: [] when it is none
//   course.quizzes.solution(form)     {answer, why}: the right answer and its worked solution, as HTML
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

  // "9.4%", "0,094" (a decimal comma), "1,000" (a thousands comma, or a decimal one), "1e-3",
  // "−2", "1 000": every reading is returned, and an answer is right when any reading is.
  function readNumber(text) {
    let cleaned = String(text).trim().replace(/[\u2212\u2013]/g, "-").replace(/[\s\u00a0\u202f]/g, "");
    const percent = cleaned.endsWith("%");
    if (percent) cleaned = cleaned.slice(0, -1);
    const readings = [];
    if (cleaned.includes(".") && cleaned.includes(",")) {
      const decimal = cleaned.lastIndexOf(".") > cleaned.lastIndexOf(",") ? "." : ",";
      readings.push(cleaned.split(decimal === "." ? "," : ".").join("").replace(",", "."));
    } else if (cleaned.includes(",")) {
      if ((cleaned.match(/,/g) || []).length === 1) readings.push(cleaned.replace(",", "."));
      if (/^[-+]?[1-9]\d{0,2}(,\d{3})+$/.test(cleaned)) readings.push(cleaned.replace(/,/g, ""));
    } else {
      readings.push(cleaned);
    }
    const numbers = readings.filter((reading) => NUMBER.test(reading)).map(Number).filter(Number.isFinite);
    return percent ? numbers.flatMap((number) => [number, number / 100]) : numbers;
  }

  function meets(text, rule) {
    if (rule.op === "=") return rule.texts.includes(text);
    const [value, bound] = [Number(text), Number(rule.texts[0])];
    return { "<": value < bound, "<=": value <= bound, ">": value > bound, ">=": value >= bound }[rule.op];
  }

  // The figure's state now: each parameter's text as its link writes it, the default's when it is left out.
  function figureJudgement(task) {
    const name = task.dataset.figure;
    const root = document.getElementById(`figure-${name}`);
    const figure = root && root.closest("figure");
    if (!figure || !["figure-live", "figure-precomputed"].some((state) => figure.classList.contains(state))) {
      return { answered: false, message: "This question reads the figure above: check again once it answers its controls." };
    }
    const current = course.state.current(name);
    const values = JSON.parse(task.dataset.defaults);
    for (const [key, text] of new URLSearchParams(current)) {
      if (key.startsWith(`${name}.`)) values[key.slice(name.length + 1)] = text;
    }
    const correct = JSON.parse(task.dataset.accept).every((rule) => meets(values[rule.parameter], rule));
    return { answered: true, correct, value: current };
  }

  // {answered: false, message} or {answered: true, correct, value}.
  function judge(form) {
    const task = form.querySelector(".quiz-figure-task");
    if (task) return figureJudgement(task);
    const numeric = form.querySelector("input[data-value]");
    if (numeric) {
      const readings = readNumber(numeric.value);
      if (!readings.length) return { answered: false, message: "Type a number, like 2.5, −3 or 9.4%." };
      const tolerance = Number(numeric.dataset.tolerance) + 1e-12;
      const correct = readings.some((value) => Math.abs(value - Number(numeric.dataset.value)) <= tolerance);
      return { answered: true, correct, value: numeric.value.trim() };
    }
    const chosen = form.querySelector("input[type=radio]:checked");
    if (!chosen) return { answered: false, message: "Choose an answer first." };
    return { answered: true, correct: chosen.dataset.correct === "true", value: chosen.value };
  }

  // The right answer and its worked solution, as build-time HTML (from the lesson's Markdown).
  function solution(form) {
    const task = form.querySelector(".quiz-figure-task");
    if (task) return { answer: task.dataset.answer, why: task.dataset.feedback };
    const numeric = form.querySelector("input[data-value]");
    if (numeric) return { answer: String(Number(numeric.dataset.value)).replace("-", "\u2212"), why: numeric.dataset.feedback };
    const right = form.querySelector("input[data-correct=true]");
    return { answer: right.closest("label").querySelector("span").innerHTML, why: right.dataset.feedback };
  }

  // One message: "right" (the solution), "wrong" (why not, and the hint), "shown" (the answer and its solution).
  // Everything written as HTML here is the build's own, never the learner's input.
  function show(form, state) {
    const box = form.querySelector(".quiz-feedback");
    form.classList.toggle("right", state === "right");
    form.classList.toggle("wrong", state === "wrong");
    form.classList.toggle("shown", state === "shown");
    form.querySelector(".quiz-show").hidden = state !== "wrong";
    const { answer, why } = solution(form);
    if (state === "right") {
      box.innerHTML = `<strong>Right.</strong> ${why}`;
    } else if (state === "shown") {
      box.innerHTML = `<strong>The answer: ${answer}.</strong> ${why}`;
    } else {
      const chosen = form.querySelector("input[type=radio]:checked");
      const whyNot = chosen && chosen.dataset.feedback ? `${chosen.dataset.feedback} ` : "";
      box.innerHTML = `<strong>Not quite.</strong> ${whyNot}<span class="quiz-hint">Hint: ${form.dataset.hint}</span>`;
    }
  }

  // Not an answer yet (nothing chosen, or not a number): say what is needed, and judge nothing.
  function prompt(form, message) {
    form.classList.remove("right", "wrong", "shown");
    form.querySelector(".quiz-feedback").textContent = message;
  }

  function restore(form, answer) {
    const numeric = form.querySelector("input[data-value]");
    if (numeric) numeric.value = answer.value;
    else if (!form.querySelector(".quiz-figure-task")) {
      const option = form.querySelector(`input[type=radio][value="${CSS.escape(answer.value)}"]`);
      if (option) option.checked = true;
    }
    show(form, answer.correct ? "right" : answer.shown ? "shown" : "wrong");
  }

  // A learner's check: judged, shown, and kept in their progress.
  function check(form) {
    const result = judge(form);
    if (!result.answered) {
      prompt(form, result.message);
      return;
    }
    show(form, result.correct ? "right" : "wrong");
    course.progress.answer(form.dataset.quiz, result.correct, result.value);
  }

  // A question can be answered as soon as it is on screen, before the page's other scripts have
  // run (this file is loaded in <head>). Its check waits for them: in an LMS, scorm.js must first
  // say whose record an answer goes to. Until then a check is kept and said to be waiting.
  let ready = false;
  const waiting = new Set();

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches("form.quiz")) return;
    event.preventDefault();
    if (ready) check(form);
    else {
      waiting.add(form);
      prompt(form, "Checking as soon as the page has loaded\u2026");
    }
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".quiz-show");
    if (!button) return;
    const form = button.closest("form.quiz");
    show(form, "shown");
    course.progress.reveal(form.dataset.quiz);
  });

  // Each question as the learner left it (a check they made while the page loaded is theirs, and is made now).
  function setUpQuizzes() {
    const answers = course.progress.load().answers;
    for (const form of document.querySelectorAll("form.quiz")) {
      const answer = answers[form.dataset.quiz];
      if (answer && !waiting.has(form)) restore(form, answer);
    }
    ready = true;
    for (const form of waiting) check(form);
    waiting.clear();
  }

  course.quizzes = { readNumber, solution };
  document.addEventListener("DOMContentLoaded", setUpQuizzes);
  document.addEventListener("lesson-opened", setUpQuizzes);
})();
