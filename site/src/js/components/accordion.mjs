// Loaded only by pages that show an accordion.
import { Accordion } from "govuk-frontend/dist/govuk/components/accordion/accordion.mjs";
import { createAll } from "../create-all.mjs";

createAll(Accordion);

// GOV.UK Frontend writes a section's heading or summary and its "Show" toggle with nothing
// between them, so the button's visible label runs together ("…all the timeShow") and no longer
// matches its accessible name for speech recognition (WCAG 2.5.3 Label in Name). A space
// between them mends the label and does not change how it looks.
for (const toggle of document.querySelectorAll(".govuk-accordion__section-toggle")) {
  toggle.before(" ");
}
