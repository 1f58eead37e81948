// Figure state in the URL: ?polynomial_fit.degree=5 sets the figure's parameter; Python checks
// every value against the parameter's type and bounds and falls back to the default otherwise.
//
//   course.state.figureStates()             {figure: {parameter: value}} from this page's address
//   course.state.figureStatesFromURL(search) the same from any query string
//   "figure-state" on document (detail: {figure: {parameter: value}}) rewrites the address
"use strict";

(() => {
  const course = (window.course = window.course || {});
  const NAME = /^[a-z][a-z0-9_]{0,63}$/;

  function parseValue(text) {
    if (text === "true" || text === "false") return text === "true";
    const cleaned = String(text).trim().replace(/\u2212/g, "-").replace(/,/g, ".");
    const number = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : null;
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

  course.state = { figureStates: () => figureStatesFromURL(), figureStatesFromURL };
})();
