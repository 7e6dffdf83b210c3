// Loaded only by /areas/: narrows the list of towns and parishes as a resident types.
// Without JavaScript the full list is there and the box stays hidden.
for (const finder of document.querySelectorAll('[data-module="app-area-finder"]')) {
  const input = finder.querySelector("input");
  const status = finder.querySelector('[role="status"]');
  const items = [...document.querySelectorAll("[data-area-group] li")];
  const normalise = (text) =>
    text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, " ").trim();
  const names = items.map((item) => normalise(item.textContent));

  input.addEventListener("input", () => {
    const wanted = normalise(input.value);
    let shown = 0;
    items.forEach((item, index) => {
      const match = !wanted || names[index].includes(wanted);
      item.hidden = !match;
      if (match) shown += 1;
    });
    for (const group of document.querySelectorAll("[data-area-group], [data-area-council]")) {
      group.hidden = [...group.querySelectorAll("li")].every((item) => item.hidden);
    }
    status.textContent = !wanted
      ? ""
      : shown === 0
        ? "No towns or parishes match. Check the spelling, or choose from the full list."
        : `${shown} ${shown === 1 ? "place matches" : "places match"}.`;
  });
  finder.hidden = false;
}
