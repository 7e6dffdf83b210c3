// Progressive enhancement only: every page works without JavaScript.
// This module runs on every page, so it carries only what every page has. Each component is
// imported from its own module so that the bundle holds no component a page does not use.
import { Button } from "govuk-frontend/dist/govuk/components/button/button.mjs";
import { ServiceNavigation } from "govuk-frontend/dist/govuk/components/service-navigation/service-navigation.mjs";
import { SkipLink } from "govuk-frontend/dist/govuk/components/skip-link/skip-link.mjs";
import { createAll } from "./create-all.mjs";

createAll(SkipLink);
// Links styled as buttons ("Exit this page", calls to action) answer the space bar too.
createAll(Button);
createAll(ServiceNavigation);
