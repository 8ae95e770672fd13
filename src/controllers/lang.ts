import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { directionOf, en, fill, matchLanguage, type Language, type MessageKey, type Messages } from '../core/i18n.js';
import { importMessages } from '../core/locale-loader.js';

/**
 * An element's language, as a native form control has one: the `lang` of the nearest element up
 * the tree, the element itself included, crossing shadow roots to their hosts (so an element inside
 * `<lk-conference>` speaks the conference's language). `t(key)` is that language's text for a
 * message; English until the language's table has loaded, then the host updates.
 *
 * Direction: the nearest `dir="ltr|rtl"` up the same path wins (the browser applies it); without
 * one, a right-to-left language sets `dir="rtl"` on the host, so the element mirrors (CSS
 * `direction` and `:dir(rtl)` alike) though the page said only `lang="ar"`. The controller removes
 * the attribute it set when that no longer holds; a `dir` the page wrote is never touched.
 *
 * Every connected controller listens through one MutationObserver (attributes `lang` and `dir`, on
 * the elements' documents and on the shadow roots between an element and its document), made for
 * the first and disconnected with the last.
 */
export class LangController implements ReactiveController {
  /** The language of the host's messages. */
  language: Language = 'en';

  /** The host's writing direction (explicit `dir`, else its language's). */
  direction: 'ltr' | 'rtl' = 'ltr';

  /** The nearest `lang` value itself (`de-CH`), for `Intl` formats; `undefined` without one. */
  tag?: string;

  readonly #host: ReactiveControllerHost & HTMLElement;
  /** The host's `dir` attribute is this controller's (it set `rtl` from the language). */
  #ownsDir = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    listen(this);
    this.refresh();
  }

  hostDisconnected(): void {
    unlisten(this);
    this.#setDir(false);
  }

  /** The host's language's text for `key`, its `{placeholders}` filled from `values`. */
  t(key: MessageKey, values?: Readonly<Record<string, string | number>>): string {
    return fill((tables.get(this.language) ?? en)[key], values);
  }

  /** Reads `lang` and `dir` again; updates the host when its language or direction changed. @internal */
  refresh(): void {
    const host = this.#host;
    // A page that wrote its own `dir` on the host took it over.
    if (this.#ownsDir && host.getAttribute('dir') !== 'rtl') this.#ownsDir = false;
    const { lang, dir, roots } = inherited(host, this.#ownsDir);
    observe(host.ownerDocument);
    for (const root of roots) observe(root);
    const tag = lang || undefined;
    const language = matchLanguage(lang);
    const direction = dir ?? directionOf(language);
    this.#setDir(dir === undefined && direction === 'rtl');
    if (tag === this.tag && language === this.language && direction === this.direction) return;
    this.tag = tag;
    this.language = language;
    this.direction = direction;
    this.#host.requestUpdate();
    void load(language)?.then(() => {
      if (this.language === language) this.#host.requestUpdate();
    });
  }

  #setDir(rtl: boolean): void {
    if (rtl === this.#ownsDir) return;
    this.#ownsDir = rtl;
    if (rtl) this.#host.setAttribute('dir', 'rtl');
    else this.#host.removeAttribute('dir');
  }
}

/**
 * What an element inherits: the nearest `lang` and `dir` (`skipOwnDir`: not the element's own,
 * which its controller set), and the shadow roots crossed to find them.
 */
function inherited(element: Element, skipOwnDir: boolean): { lang: string | null; dir: 'ltr' | 'rtl' | undefined; roots: ShadowRoot[] } {
  let lang: string | null = null;
  let dir: 'ltr' | 'rtl' | undefined;
  const roots: ShadowRoot[] = [];
  for (let node: Node | null = element; node; ) {
    // Node types rather than `instanceof`: the element may belong to another window (an iframe).
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (lang === null && el.hasAttribute('lang')) lang = el.getAttribute('lang');
      const d = dir || (skipOwnDir && el === element) ? undefined : el.getAttribute('dir')?.trim().toLowerCase();
      if (d === 'ltr' || d === 'rtl') dir = d;
    }
    if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node) {
      const root = node as ShadowRoot;
      roots.push(root);
      node = root.host;
    } else {
      node = node.parentNode;
    }
  }
  return { lang, dir, roots };
}

// ---------------------------------------------------------------------------------------------
// The tables: English always; another language's once, the first time an element uses it.

const tables = new Map<Language, Messages>([['en', en]]);
const loads = new Map<Language, Promise<void>>();

function load(language: Language): Promise<void> | undefined {
  if (language === 'en' || tables.has(language)) return undefined;
  let pending = loads.get(language);
  if (!pending) {
    pending = importMessages(language).then(
      (messages) => void tables.set(language, messages),
      (err: unknown) => console.warn(`livekit-elements: the "${language}" translations could not be loaded (${String(err)}); showing English.`),
    );
    loads.set(language, pending);
  }
  return pending;
}

// ---------------------------------------------------------------------------------------------
// One observer for every connected controller.

const listeners = new Set<LangController>();
let observer: MutationObserver | undefined;
const OPTIONS: MutationObserverInit = { attributes: true, subtree: true, attributeFilter: ['lang', 'dir'] };

function listen(controller: LangController): void {
  listeners.add(controller);
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const listener of listeners) listener.refresh();
  });
}

function unlisten(controller: LangController): void {
  listeners.delete(controller);
  if (listeners.size > 0) return;
  observer?.disconnect();
  observer = undefined;
}

/** How many controllers the shared observer serves (0: it is disconnected). @internal For tests. */
export function langListeners(): number {
  return observer ? listeners.size : 0;
}

/** Watches a document or a shadow root too (observing one again changes nothing). */
function observe(root: Document | ShadowRoot): void {
  observer?.observe(root, OPTIONS);
}

/** The names of the device kinds in a controller's language (for `deviceLabel`). */
export function kindNames(i18n: LangController): Record<'videoinput' | 'audioinput' | 'audiooutput', string> {
  return { videoinput: i18n.t('camera'), audioinput: i18n.t('microphone'), audiooutput: i18n.t('speaker') };
}
