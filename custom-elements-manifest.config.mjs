// `npm run analyze`: custom-elements.json from the JSDoc on the element classes (`@tag`, `@attr`,
// `@fires`, `@slot`, `@csspart`, `@cssprop`) and Lit's `static properties`.
// `npm run analyze:check` fails when the committed file is stale.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Elements register through `define('lk-room', LkRoom)` (src/define.ts), not
 * `customElements.define`. This plugin:
 * - adds the `custom-element-definition` export that a `define('tag', Class)` call makes, so
 *   `src/lk-room.ts` says it defines `<lk-room>` (and a class without `@tag` still gets its tag);
 * - drops the definition the analyzer infers from `customElements.define(tag, element)` inside
 *   `define()` itself, whose "tag" is a parameter name, not a tag;
 * - drops events inferred from `dispatchEvent(new CustomEvent(name))` with a variable name (the
 *   base class's typed `emit()`), which would show up as an event called "name" on every element.
 *   The real events are the `@fires` tags.
 */
function defineHelperPlugin() {
  const validTag = /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/;
  /** className → names of non-literal events, per module path. */
  const dynamicEvents = new Map();

  return {
    name: 'livekit-elements: define() helper',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node)) return;
      const [first, second] = node.arguments;

      // define('lk-room', LkRoom)
      if (ts.isIdentifier(node.expression) && node.expression.text === 'define' && first && second) {
        if (!ts.isStringLiteralLike(first) || !ts.isIdentifier(second)) return;
        const className = second.text;
        moduleDoc.exports = [
          ...(moduleDoc.exports ?? []),
          {
            kind: 'custom-element-definition',
            name: first.text,
            declaration: { name: className, module: moduleOf(ts, node.getSourceFile(), className, moduleDoc.path) },
          },
        ];
        return;
      }

      // this.dispatchEvent(new CustomEvent(name, …))
      const callee = node.expression;
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'dispatchEvent') return;
      if (!first || !ts.isNewExpression(first)) return;
      const eventName = first.arguments?.[0];
      if (!eventName || ts.isStringLiteralLike(eventName)) return;
      const klass = enclosingClass(ts, node);
      if (!klass?.name) return;
      const key = `${moduleDoc.path}#${klass.name.text}`;
      dynamicEvents.set(key, [...(dynamicEvents.get(key) ?? []), eventName.getText()]);
    },
    moduleLinkPhase({ moduleDoc }) {
      moduleDoc.exports = moduleDoc.exports?.filter(
        (e) => e.kind !== 'custom-element-definition' || validTag.test(e.name),
      );
      for (const declaration of moduleDoc.declarations ?? []) {
        const names = dynamicEvents.get(`${moduleDoc.path}#${declaration.name}`);
        if (!names || !declaration.events) continue;
        declaration.events = declaration.events.filter((event) => event.description || !names.includes(event.name));
        if (declaration.events.length === 0) delete declaration.events;
      }
    },
  };
}

/**
 * `@fires lk-error - …` gives an event a name and a description; its type is already written once,
 * in the `HTMLElementEventMap` augmentation of src/events.ts (and any other module that adds to
 * it). This plugin copies that type onto every event of that name, resolving
 * `LkEventDetails['lk-…']` to the detail type it names, so the manifest says
 * `CustomEvent<LkErrorDetail>` rather than nothing. An `@fires {Type}` in the JSDoc wins.
 */
function eventTypesPlugin() {
  /** event name → type text, from `interface HTMLElementEventMap` and `interface LkEventDetails`. */
  const eventMap = new Map();
  const details = new Map();
  const text = (node) => node.getText().replace(/\s+/g, ' ').trim();

  return {
    name: 'livekit-elements: event types',
    analyzePhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node)) return;
      const target = { HTMLElementEventMap: eventMap, LkEventDetails: details }[node.name.text];
      if (!target) return;
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && member.type && ts.isStringLiteral(member.name)) {
          target.set(member.name.text, text(member.type));
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const resolve = (type) =>
        type.replace(/LkEventDetails\[['"]([^'"]+)['"]\]/g, (whole, name) => details.get(name) ?? whole);
      const untyped = new Set();
      for (const moduleDoc of customElementsManifest.modules) {
        for (const declaration of moduleDoc.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            if (event.type?.text) continue;
            const type = eventMap.get(event.name);
            if (type) event.type = { text: resolve(type) };
            else untyped.add(event.name);
          }
        }
      }
      for (const name of untyped) {
        console.warn(`analyze: the event ${name} is in a @fires tag but not in HTMLElementEventMap (src/events.ts): it has no type.`);
      }
    },
  };
}

/**
 * Lit's private reactive state (`static properties = { entries: { state: true } }` on a `private`
 * field) has no attribute, but the analyzer gives it one: drop it.
 */
function privateStatePlugin() {
  return {
    name: 'livekit-elements:private-state',
    packageLinkPhase({ customElementsManifest }) {
      for (const moduleDoc of customElementsManifest.modules) {
        for (const declaration of moduleDoc.declarations ?? []) {
          const state = new Set();
          for (const member of declaration.members ?? []) {
            if (member.privacy !== 'private' || member.attribute === undefined) continue;
            state.add(member.name);
            delete member.attribute;
          }
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !state.has(a.fieldName));
        }
      }
    },
  };
}

/** The module (a path like `moduleDoc.path`) that declares `name`, as seen from `sourceFile`. */
function moduleOf(ts, sourceFile, name, modulePath) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    const named = bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : [];
    if (statement.importClause?.name?.text !== name && !named.includes(name)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) return specifier;
    return path.posix.join(path.posix.dirname(modulePath), specifier).replace(/\.js$/, '.ts');
  }
  return modulePath;
}

function enclosingClass(ts, node) {
  for (let n = node.parent; n; n = n.parent) if (ts.isClassDeclaration(n) || ts.isClassExpression(n)) return n;
  return undefined;
}

export default {
  globs: ['src/**/*.ts'],
  // src/grapesjs/ is the page-builder plugin: no elements there.
  exclude: ['src/**/*.styles.ts', 'src/core/**', 'src/grapesjs/**'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; `analyze:check` writes elsewhere and must not touch it.
  packagejson: false,
  plugins: [defineHelperPlugin(), eventTypesPlugin(), privateStatePlugin()],
  // The analyzer's glob order varies from run to run, and so would the manifest: sort the files.
  overrideModuleCreation: ({ ts, globs }) =>
    [...globs]
      .sort()
      .map((file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2015, true)),
};
