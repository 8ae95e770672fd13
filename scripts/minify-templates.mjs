// A build plugin for both `npm run build` outputs: the static text of Lit's html``, svg`` and css``
// templates without the indentation and comments that make the sources readable. A minifier keeps
// template literals verbatim, so without this every shipped module carries that whitespace.
//
// Only the text between `${…}` is touched, and only in ways that do not change what a template
// renders:
//   css``         comments removed; each run of whitespace becomes one space, or nothing next to
//                 { } ; > , before a comma and after a declaration's colon (a name right after {
//                 or ;, so never a selector's pseudo-class). The space after a comma stays: a
//                 custom property keeps its value exactly as written;
//   html``/svg``  comments removed; each run of whitespace holding a line break becomes one space
//                 (a space and a line break render alike outside <pre>, which no template uses).
import { parseAst } from 'vite';
import { squeezeCss, squeezeHtml } from './squeeze-templates.mjs';

const TAG = /^(css|html|svg)(?:\$\d+)?$/;

/** `code` with every Lit template's static text squeezed. */
export function minifyTemplateText(code) {
  const edits = [];
  (function walk(node) {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier') {
      const kind = TAG.exec(node.tag.name)?.[1];
      if (kind) {
        const squeeze = kind === 'css' ? squeezeCss : squeezeHtml;
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          const squeezed = squeeze(raw);
          if (squeezed !== raw) edits.push({ start: quasi.start, end: quasi.end, text: squeezed });
        }
      }
    }
    for (const key in node) if (key !== 'parent') walk(node[key]);
  })(parseAst(code));
  let out = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * The plugin: rewrites each module of src/ once TypeScript is compiled away (these builds emit no
 * source maps).
 */
export function minifyTemplates() {
  return {
    name: 'livekit-elements:minify-templates',
    enforce: 'post',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !/(?:css|html|svg)`/.test(code)) return null;
      return { code: minifyTemplateText(code), map: null };
    },
  };
}
