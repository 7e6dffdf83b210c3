// GOV.UK Frontend's own createAll lives in a module that imports every component, which would
// pull them all into every page's bundle. This does the same job for one component at a time.
export function createAll(Component) {
  for (const $root of document.querySelectorAll(`[data-module="${Component.moduleName}"]`)) {
    try {
      new Component($root);
    } catch (error) {
      // An unsupported browser keeps the working no-JavaScript page.
      console.log(error);
    }
  }
}
