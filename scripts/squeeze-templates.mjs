// The text rules of scripts/minify-templates.mjs, without its build dependencies, so that the
// tests run them in the browser (test/core/squeeze-templates.test.ts).

/** The static CSS text of one quasi, squeezed. */
export function squeezeCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};>])\s*/g, '$1')
    .replace(/\s+,/g, ',')
    .replace(/([{;])([-\w]+):\s+/g, '$1$2:')
    .replace(/;}/g, '}');
}

/** The static HTML or SVG text of one quasi, squeezed. */
export function squeezeHtml(text) {
  return text.replace(/<!--[\s\S]*?-->/g, '').replace(/\s*\n\s*/g, ' ');
}
