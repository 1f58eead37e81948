// Figure state on the page. Python owns a figure's state and its text form in a link
// (dlviz/state.py): live.js hands Python the address's query string untouched when a
// lesson opens, and this file writes back the query string Python returns after every change.
//
//   course.state.current(name)         figure NAME's state as query-string pairs, as a link
//                                      carries it ("polynomial_fit.degree=5"); "" at its
//                                      defaults, and until Python has reported it
//   course.state.request(name, query)  set figure NAME to the state QUERY gives it, exactly as a
//                                      link would (QUERY in the same form; what the figure refuses
//                                      or QUERY leaves out is its default); false, and nothing
//                                      changes, when this page has no Python
//   "figure-state" on document         detail {name, state, query}: Python reported figure NAME's
//                                      state (as current gives it) and the page's whole query string
// Before Python is live, a precomputed state on screen (precomputed.js) is the figure's state.
"use strict";

(() => {
  const course = (window.course = window.course || {});
  let current = Object.create(null);

  document.addEventListener("figure-state", (event) => {
    current[event.detail.name] = event.detail.state;
    history.replaceState(history.state, "", `${location.pathname}${event.detail.query}${location.hash}`);
  });
  document.addEventListener("figure-precomputed", (event) => {
    current[event.detail.name] = event.detail.query;
  });
  document.addEventListener("lesson-opened", () => {
    current = Object.create(null);
  });

  course.state = {
    current: (name) => current[name] || "",
    request: (name, query) => course.live.request(name, query),
  };
})();
