// Saving straight after typing makes one record, not two: see home/autosave.py.
// The admin puts editor scripts in the page's head, before the form: wait for the page.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-edit-form]");
  if (!form || !(form.dataset.controller || "").split(/\s+/).includes("w-autosave")) return;
  let underWay = 0;
  let submitted = false;
  let waiting = null;

  const submitNow = () => {
    if (!waiting) return;
    const { submitter } = waiting;
    clearTimeout(waiting.timer);
    waiting = null;
    // The autosave may have redrawn the buttons, and a pressed button is disabled while it
    // spins: carry the button's own name (Publish, Submit for moderation...) in a hidden field.
    if (submitter && submitter.name) {
      const field = document.createElement("input");
      field.type = "hidden";
      field.name = submitter.name;
      field.value = submitter.value;
      form.appendChild(field);
    }
    HTMLFormElement.prototype.submit.call(form);
  };

  document.addEventListener("w-autosave:save", (event) => {
    if (event.target !== form) return;
    if (submitted) {
      event.preventDefault();
    } else if (!event.defaultPrevented) {
      underWay += 1;
    }
  });
  const finished = (event) => {
    if (event.target !== form || underWay === 0) return;
    underWay -= 1;
    if (underWay === 0) submitNow();
  };
  document.addEventListener("w-autosave:success", finished);
  document.addEventListener("w-autosave:error", finished);

  form.addEventListener(
    "submit",
    (event) => {
      submitted = true;
      form.setAttribute("data-w-autosave-active-value", "false");
      if (underWay === 0 || waiting) {
        if (waiting) event.preventDefault();
        return;
      }
      event.preventDefault();
      // By the autosave's answer the form points at the record it made. Should no answer ever
      // come, save anyway after a while rather than leave the officer waiting.
      waiting = { submitter: event.submitter, timer: setTimeout(submitNow, 15000) };
    },
    true,
  );
});
