/**
 * The one place elements are registered. A second copy of the kit on the same page (two bundles)
 * does not throw: the first definition stays and a warning says so.
 */
export function define(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === element) return;
  if (existing) {
    console.warn(`livekit-elements: <${tag}> is already defined by another copy of the kit; keeping the first one.`);
    return;
  }
  customElements.define(tag, element);
}
