// Loaded only by the search page: suggestions as a resident types, with GOV.UK's
// accessible-autocomplete, from the site's own /search/suggestions.json (no other site is asked).
// Without JavaScript, or if this fails to load, the plain search box and button still work.
import accessibleAutocomplete from "accessible-autocomplete";

for (const form of document.querySelectorAll('[data-module="app-search-autocomplete"]')) {
  const input = form.querySelector("input[name=q]");
  const container = document.createElement("div");
  container.className = "app-search-autocomplete";
  input.replaceWith(container);
  let latest = 0; // only the answer to what was typed last is shown
  accessibleAutocomplete({
    element: container,
    id: input.id,
    name: "q",
    defaultValue: input.value,
    minLength: 2,
    showNoOptionsFound: false,
    confirmOnBlur: false,
    displayMenu: "overlay",
    tNoResults: () => "No suggestions",
    tStatusQueryTooShort: (minLength) => `Type ${minLength} or more letters for suggestions`,
    tStatusResults: (length, contentSelectedOption) =>
      `${length} ${length === 1 ? "suggestion is" : "suggestions are"} available. ${contentSelectedOption}`,
    source(query, populate) {
      const asked = ++latest;
      fetch(`${form.dataset.suggestions}?q=${encodeURIComponent(query)}`)
        .then((response) => (response.ok ? response.json() : { suggestions: [] }))
        .then((data) => asked === latest && populate(data.suggestions))
        .catch(() => asked === latest && populate([]));
    },
    onConfirm(chosen) {
      if (chosen) {
        form.querySelector("input[name=q]").value = chosen;
        form.requestSubmit();
      }
    },
  });
  const enhanced = form.querySelector("input[name=q]");
  enhanced.setAttribute("maxlength", input.getAttribute("maxlength") || "500");
  enhanced.classList.add("govuk-input");
}
