// Progressive enhancement only: every page works without JavaScript.
// This module runs on every page, so it carries only what every page has. Each component is
// imported from its own module so that the bundle holds no component a page does not use.
import { ServiceNavigation } from "govuk-frontend/dist/govuk/components/service-navigation/service-navigation.mjs";
import { SkipLink } from "govuk-frontend/dist/govuk/components/skip-link/skip-link.mjs";
import { createAll } from "./create-all.mjs";

createAll(SkipLink);
createAll(ServiceNavigation);
