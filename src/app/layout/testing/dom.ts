import { ComponentFixture } from '@angular/core/testing';

/**
 * Test-only helpers for the page specs: find, type, click and read by CSS selector, and wait
 * until a zoneless fixture has settled after HTTP answers and promise chains.
 */
export function query<T extends Element = HTMLElement>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`No element matches ${selector}`);
  return element;
}

/** The element matching `selector` whose text contains `text`. */
export function byText(root: ParentNode, selector: string, text: string): HTMLElement {
  const match = Array.from(root.querySelectorAll<HTMLElement>(selector)).find((element) =>
    textOf(element).includes(text),
  );
  if (!match) throw new Error(`No ${selector} contains "${text}"`);
  return match;
}

/** Text with runs of whitespace collapsed, as a person reads it. */
export function textOf(element: Element | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Types `value` into a field as a user would: input event, then leaving the field. */
export function typeInto(root: ParentNode, selector: string, value: string): void {
  const input = query<HTMLInputElement>(root, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

/** Lets pending promise callbacks and timers of 0 ms run, then change detection settle. */
export async function settled(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
