// Loaded only by pages that show "Exit this page".
import { ExitThisPage } from "govuk-frontend/dist/govuk/components/exit-this-page/exit-this-page.mjs";
import { createAll } from "../create-all.mjs";

createAll(ExitThisPage);
