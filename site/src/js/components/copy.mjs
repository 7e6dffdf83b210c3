// Loaded only by pages with snippets to copy: adds a button to each, where the browser allows
// writing to the clipboard. Without it the snippet can still be selected and copied by hand.
// Each button is named for what it copies (data-copy-label), so a list of buttons makes sense
// out of context, and only the last one pressed says whether it worked.
const statuses = [];

for (const snippet of document.querySelectorAll('[data-module="app-copy"]')) {
  if (!navigator.clipboard) break;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "govuk-button govuk-button--secondary app-copy__button";
  button.textContent = snippet.dataset.copyLabel || "Copy";
  const status = document.createElement("span");
  status.className = "app-copy__status";
  status.setAttribute("role", "status");
  statuses.push(status);
  const say = (message) => {
    for (const other of statuses) other.textContent = "";
    // On the next frame, so a screen reader hears a repeated message as new.
    requestAnimationFrame(() => {
      status.textContent = message;
    });
  };
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(snippet.textContent);
      say("Copied");
    } catch {
      say("Could not copy: select the text and copy it instead");
    }
  });
  snippet.after(button, status);
}
