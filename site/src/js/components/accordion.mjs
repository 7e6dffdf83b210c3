// Loaded only by pages that show an accordion.
import { Accordion } from "govuk-frontend/dist/govuk/components/accordion/accordion.mjs";
import { createAll } from "../create-all.mjs";

createAll(Accordion);
