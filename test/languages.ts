/** What the language tests share: the texts a page shows, and the English defaults it must not. */
import { en, type Language, type MessageKey } from '../src/core/i18n.js';
import { importMessages } from '../src/core/locale-loader.js';

/** Whether an element is rendered; `display: contents` boxes (slots) defer to their parent. */
function rendered(element: Element | null): boolean {
  if (!element) return false;
  if (getComputedStyle(element).display === 'contents') {
    return rendered(element.parentElement ?? (element.getRootNode() as ShadowRoot).host ?? null);
  }
  return element.checkVisibility();
}

/** Every visible text and accessible label under `root` (its own shadow root included), across shadow roots. */
export function visibleTexts(root: Node, out: string[] = []): string[] {
  // Node types, not `instanceof`: the nodes may be another window's (an iframe's page).
  const shadow = root.nodeType === Node.ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (shadow) visibleTexts(shadow, out);
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      const text = node.textContent!.trim();
      if (text && parent && parent.localName !== 'style' && rendered(parent)) out.push(text);
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (element.localName === 'style' || element.localName === 'script' || element.localName === 'template') continue;
      if (rendered(element)) {
        for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
          const value = element.getAttribute(attribute);
          if (value) out.push(value);
        }
      }
      visibleTexts(element, out);
    }
  }
  return out;
}

/** The kit's English default texts that `language` says otherwise (a word the same in both is not one). */
export async function englishDefaults(language: Exclude<Language, 'en'>): Promise<string[]> {
  const table = await importMessages(language);
  return (Object.keys(en) as MessageKey[]).filter((key) => table[key] !== en[key]).map((key) => en[key]);
}

/** The English defaults among the texts shown under `root`. */
export function englishShown(root: Node, english: readonly string[]): string[] {
  const shown = visibleTexts(root);
  return english.filter((text) => shown.includes(text));
}

/** The texts of `language` for some keys. */
export async function translations(language: Exclude<Language, 'en'>, ...keys: MessageKey[]): Promise<string[]> {
  const table = await importMessages(language);
  return keys.map((key) => table[key]);
}
