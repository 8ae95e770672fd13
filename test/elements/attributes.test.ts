// Every attribute of every element, as the manifest lists them: set to hostile values, then removed.
// A value is applied or refused (an `invalid-attribute` `lk-error`, never an exception, never
// markup), and removing the attribute returns the element to what a fresh one shows, with no error.
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/index.js';
import { definedElements, type ManifestAttribute } from '../manifest.js';

const HOSTILE = ['', 'garbage', '-1', '9'.repeat(400), '1e999', 'NaN', 'null', '<img src=x onerror="window.__lkInjected=1">', '640x360@20:500k:junk'];

/** Elements that hold a room themselves; the others are tried inside a (never connected) `<lk-room>`. */
const HOSTS = ['lk-room', 'lk-conference', 'lk-voice-agent'];

/** Two animation frames after the element's update: what it renders and fires on a change. */
async function settle(element: LitElement): Promise<void> {
  await element.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await element.updateComplete;
}

/** What a person and a script can see of an element: its attributes, its attributes' properties, its shadow DOM. */
function snapshot(element: LitElement, attributes: readonly ManifestAttribute[]): string {
  const properties = attributes
    .filter((a) => a.fieldName)
    .map((a) => {
      const value: unknown = (element as unknown as Record<string, unknown>)[a.fieldName!];
      const shown = typeof value === 'object' && value !== null ? (value.constructor?.name ?? 'object') : JSON.stringify(value ?? 'unset');
      return `${a.fieldName}=${shown}`;
    });
  const own = [...element.attributes].map((a) => `${a.name}="${a.value}"`).sort();
  // Lit's markers differ from render to render, a live microphone's level from moment to moment;
  // the rest is what the element shows.
  const shadow = (element.shadowRoot?.innerHTML ?? '')
    .replace(/<!--[^]*?-->/g, '')
    .replace(/aria-valuenow="\d+"/g, 'aria-valuenow')
    .replace(/inline-size: \d+%/g, 'inline-size');
  return JSON.stringify({ own, properties, shadow }, null, 1);
}

/** An element's snapshot once it has not changed for two seconds (its devices listed, its preview up; at most 15 s). */
async function steady(element: LitElement, attributes: readonly ManifestAttribute[]): Promise<string> {
  let last = '';
  let since = Date.now();
  for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
    await settle(element);
    const now = snapshot(element, attributes);
    if (now !== last) [last, since] = [now, Date.now()];
    else if (Date.now() - since >= 2000) return now;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return last;
}

/** `read()` once it gives `expected`, or its last value after 5 s. */
async function until(read: () => string, expected: string): Promise<string> {
  let value = read();
  for (const deadline = Date.now() + 5000; value !== expected && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = read();
  }
  return value;
}

/** The lines of `actual` and `expected` that differ. */
function difference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const e = expected.split('\n');
  const lines: string[] = [];
  for (let i = 0; i < Math.max(a.length, e.length); i++) if (a[i] !== e[i]) lines.push(`  is ${a[i]}\n  fresh ${e[i]}`);
  return `\n${lines.join('\n')}`;
}

function place(tag: string): { element: LitElement; holder: HTMLElement } {
  const element = document.createElement(tag) as LitElement;
  let holder: HTMLElement = element;
  if (!HOSTS.includes(tag)) {
    holder = document.createElement('lk-room');
    holder.append(element);
  }
  document.body.append(holder);
  return { element, holder };
}

describe('every attribute of every element: set, then removed (from the manifest)', () => {
  let uncaught: unknown[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => uncaught.push('reason' in event ? event.reason : event.error ?? event.message);

  beforeEach(() => {
    uncaught = [];
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
  });

  it('the manifest lists the elements and their attributes', async () => {
    const all = await definedElements();
    expect(all.length).to.be.greaterThan(15);
    expect(all.reduce((n, d) => n + (d.attributes?.length ?? 0), 0)).to.be.greaterThan(150);
  });

  it('hostile values are applied or refused, and removing each attribute returns to a fresh element with no error', async function () {
    this.timeout(600_000);
    const problems: string[] = [];
    let tried = 0;
    for (const declaration of await definedElements()) {
      const tag = declaration.tagName!;
      const attributes = declaration.attributes ?? [];
      const fresh = place(tag);
      const expected = await steady(fresh.element, attributes);
      fresh.holder.remove();

      for (const { name } of attributes) {
        const { element, holder } = place(tag);
        const errors: { code?: string; attribute?: string }[] = [];
        element.addEventListener('lk-error', (e) => errors.push((e as CustomEvent<{ code?: string; attribute?: string }>).detail));
        await settle(element);
        for (const value of HOSTILE) {
          element.setAttribute(name, value);
          await settle(element);
          const foreign = errors.filter((e) => e.code === 'invalid-attribute' && e.attribute !== name);
          if (foreign.length) problems.push(`<${tag} ${name}="${value}">: invalid-attribute for ${foreign.map((e) => e.attribute).join(', ')}`);
          tried++;
        }
        const before = errors.length;
        element.removeAttribute(name);
        await settle(element);
        if (errors.length > before) problems.push(`<${tag}> removing ${name}: lk-error ${JSON.stringify(errors.slice(before))}`);
        // What a fresh element shows once its devices and preview are up: give it the same time.
        const after = await until(() => snapshot(element, attributes), expected);
        if (after !== expected) problems.push(`<${tag}> removing ${name} does not return to a fresh element: ${difference(after, expected)}`);
        holder.remove();
      }
    }
    expect(tried).to.be.greaterThan(1000);
    expect((window as { __lkInjected?: number }).__lkInjected, 'markup from a value ran').to.equal(undefined);
    expect(uncaught.map(String), 'uncaught errors').to.deep.equal([]);
    expect(problems, problems.join('\n\n')).to.deep.equal([]);
  });
});
