// Loaded only by pages with snippets to copy: adds a "Copy" button to each, where the browser
// allows writing to the clipboard. Without it the snippet can still be selected and copied.
for (const snippet of document.querySelectorAll('[data-module="app-copy"]')) {
  if (!navigator.clipboard) break;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "govuk-button govuk-button--secondary app-copy__button";
  button.textContent = "Copy";
  const status = document.createElement("span");
  status.className = "app-copy__status";
  status.setAttribute("role", "status");
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(snippet.textContent);
      status.textContent = "Copied";
    } catch {
      status.textContent = "Could not copy: select the text and copy it instead";
    }
  });
  snippet.after(button, status);
}
