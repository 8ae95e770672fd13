/**
 * Page-builder settings (GrapesJS "traits") made from the custom elements manifest. Pure: no DOM,
 * no GrapesJS. The plugin (./index.ts) turns each {@link TraitSpec} into a trait, and reads and
 * writes the attribute through {@link attributeValue} and {@link traitValue}.
 *
 * How an attribute's type (`@attr {type}` in the manifest) becomes a control:
 * - `boolean` (present: on, absent: off): a checkbox;
 * - `tri` (absent: the SDK default, else on or off): a select of "default", `true`, `false`, so
 *   that "leave it to the SDK" stays expressible (a checkbox has no third state);
 * - a union of quoted words (`'vp8'|'h264'`), alone or with `tri`: a select of "default" and the
 *   words;
 * - anything else (a grammar such as `bitrate`, or plain text): a text field whose help says what
 *   the grammar accepts.
 * "Default" (and an empty text field) removes the attribute: the element's own default applies.
 */

/** An attribute grammar's accepted text and, for a word grammar, its words. */
export interface BuilderGrammar {
  readonly doc: string;
  readonly words?: readonly string[];
}

/** One attribute, as the manifest describes it. */
export interface BuilderAttribute {
  readonly name: string;
  /** The manifest's type text: `boolean`, `tri`, `'a'|'b'`, `bitrate`, `string`… */
  readonly type: string;
  readonly description?: string;
  readonly default?: string;
  /** Reflected state, never set by an author. */
  readonly readonly?: boolean;
}

export interface BuilderElement {
  readonly tag: string;
  readonly summary: string;
  readonly attributes: readonly BuilderAttribute[];
}

/** What the plugin knows of the elements: generated from custom-elements.json (./catalog.ts). */
export interface BuilderCatalog {
  readonly grammars: Readonly<Record<string, BuilderGrammar>>;
  readonly elements: readonly BuilderElement[];
}

/** How a trait's value maps to its attribute. */
export type TraitKind = 'checkbox' | 'select' | 'text';

export interface TraitOption {
  /** The attribute's value; `''` is "default": no attribute. */
  readonly id: string;
  readonly label: string;
}

/** One setting of one element in a page builder. */
export interface TraitSpec {
  /** The attribute's name. */
  readonly name: string;
  readonly label: string;
  readonly kind: TraitKind;
  readonly options?: readonly TraitOption[];
  /** What the attribute does and what it accepts. */
  readonly help: string;
  /** An example value for a text field, from the grammar's own examples. */
  readonly placeholder?: string;
  readonly category: TraitCategory;
}

/** Traits are grouped: the room's connection first, then the rest, then the label texts. */
export type TraitCategory = 'Room' | 'Options' | 'Labels';

/** The label of the "leave it to the element" option of every select. */
export const DEFAULT_OPTION_LABEL = 'Default';

/** The attributes a room host (`<lk-room>`, `<lk-conference>`…) is set up with, in this order. */
const ROOM_ATTRIBUTES = [
  'token-endpoint',
  'room-name',
  'participant-name',
  'participant-identity',
  'connect',
  'audio',
  'video',
  'url',
  'token',
  'room',
  'theme',
];

const parts = (type: string): string[] =>
  type
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'undefined');

const quoted = (part: string): boolean => /^'[^']*'$|^"[^"]*"$/.test(part);

/** The first `code` example a grammar's text gives (`800k`), for a placeholder. */
function exampleOf(doc: string): string | undefined {
  const examples = [...doc.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  return examples.at(-1);
}

function categoryOf(name: string): TraitCategory {
  if (ROOM_ATTRIBUTES.includes(name)) return 'Room';
  if (name === 'label' || name.endsWith('-label')) return 'Labels';
  return 'Options';
}

/** The setting for one attribute. */
export function traitOf(attribute: BuilderAttribute, grammars: BuilderCatalog['grammars']): TraitSpec {
  const types = parts(attribute.type);
  const words = types.filter(quoted).map((part) => part.slice(1, -1));
  const grammarNames = types.filter((part) => grammars[part]);
  const help = [
    attribute.description?.trim(),
    ...grammarNames.map((part) => `${part}: ${grammars[part].doc}.`),
    attribute.default !== undefined ? `Default: ${attribute.default}.` : '',
  ]
    .filter(Boolean)
    .join('\n');
  const base = { name: attribute.name, label: attribute.name, help, category: categoryOf(attribute.name) };

  if (types.length === 1 && types[0] === 'boolean') return { ...base, kind: 'checkbox' };
  const tri = types.includes('tri');
  const others = types.filter((part) => !quoted(part) && part !== 'tri');
  if ((tri || words.length > 0) && others.length === 0) {
    const options: TraitOption[] = [{ id: '', label: DEFAULT_OPTION_LABEL }];
    if (tri) options.push({ id: 'true', label: 'true' }, { id: 'false', label: 'false' });
    for (const word of words) options.push({ id: word, label: word });
    return { ...base, kind: 'select', options };
  }
  const example = grammarNames.map((part) => exampleOf(grammars[part].doc)).find(Boolean);
  return { ...base, kind: 'text', ...(example ? { placeholder: example } : {}) };
}

/** Every setting of an element: reflected state left out; the room's connection first. */
export function traitsOf(element: BuilderElement, grammars: BuilderCatalog['grammars']): TraitSpec[] {
  const order = (name: string): number => {
    const index = ROOM_ATTRIBUTES.indexOf(name);
    return index === -1 ? ROOM_ATTRIBUTES.length : index;
  };
  return element.attributes
    .filter((attribute) => !attribute.readonly)
    .map((attribute, index) => ({ trait: traitOf(attribute, grammars), index }))
    .sort((a, b) => order(a.trait.name) - order(b.trait.name) || a.index - b.index)
    .map(({ trait }) => trait);
}

/** A value as GrapesJS holds it: an attribute's text, `true` for a bare attribute, or nothing. */
export type TraitInput = string | boolean | null | undefined;

/**
 * The attribute a trait's value writes: `null` removes it. A checkbox writes `true` (rendered as a
 * bare attribute, `connect`) or removes it; a select's "default" and an empty text field remove it.
 */
export function attributeValue(kind: TraitKind, value: TraitInput): string | true | null {
  if (kind === 'checkbox') return value === true || value === 'true' ? true : null;
  const text = value == null || value === false ? '' : value === true ? 'true' : value;
  if (kind === 'text') return text.trim() === '' ? null : text;
  return text === '' ? null : text;
}

const FALSE_WORDS = ['false', 'off', 'no'];

/**
 * A trait's value from its attribute (`undefined` when absent), as HTML reads it: a boolean
 * attribute is on when present, unless `false`, `off` or `no`; a select shows "default" for a value
 * it does not list.
 */
export function traitValue(spec: Pick<TraitSpec, 'kind' | 'options'>, attribute: TraitInput): string | boolean {
  const present = attribute !== undefined && attribute !== null && attribute !== false;
  if (!present) return spec.kind === 'checkbox' ? false : '';
  const text = attribute === true ? '' : attribute;
  if (spec.kind === 'checkbox') return !FALSE_WORDS.includes(text.trim().toLowerCase());
  if (spec.kind === 'select') {
    // A bare tri-state attribute (`simulcast`) means on.
    const word = text === '' && spec.options?.some((o) => o.id === 'true') ? 'true' : text;
    return spec.options?.some((o) => o.id === word) ? word : '';
  }
  return text;
}
