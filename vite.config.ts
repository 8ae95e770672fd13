// Two library builds, both run by `npm run build`:
//
//   vite build                 ES modules for npm consumers: one entry per element module
//                              (`src/lk-*.ts`) plus `src/index.ts`, modules preserved so shared
//                              code exists once; `lit` and `livekit-client` stay bare imports.
//   vite build --mode bundle   `dist/livekit-elements.js`: everything inlined and minified, for a
//                              `<script type="module">` embed.
//
// Templates: scripts/minify-templates.mjs squeezes the indentation and comments out of Lit's html``,
// svg`` and css`` text in both builds (a minifier keeps template literals verbatim).
// Reactive properties: each element lists them in `static properties`; Vite's oxc transform reads
// `useDefineForClassFields: false` from tsconfig.json, so a field's initial value is assigned in the
// constructor (through Lit's accessor) instead of defining an own property that would hide it.
// Registration: package.json `sideEffects` names src/index.ts, src/lk-*.ts and src/context.ts as
// well as their dist/ twins; without the src/ entries this build would drop the `define()` calls.
// `npm run check:bundle` loads the bundle in Chromium and checks both.
import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

const src = new URL('./src/', import.meta.url);

/** `index` plus every top-level `lk-*.ts`: new elements become entries by existing. */
function entries(): Record<string, string> {
  const names = readdirSync(src).filter((file) => /^lk-.+\.ts$/.test(file) && !file.endsWith('.d.ts'));
  return Object.fromEntries(['index.ts', ...names].map((file) => [file.slice(0, -3), `src/${file}`]));
}

/** Bare imports left to the consumer's bundler in the npm build. */
const external = /^(?:lit|livekit-client)(?:\/|$)|^@lit\//;

export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    return {
      plugins: [minifyTemplates()],
      // Library mode leaves `process.env.NODE_ENV` for the consumer; an embed has no consumer.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        target: 'es2022',
        emptyOutDir: false,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'livekit-elements.js' },
        // The bundled packages' licences, in one file beside the bundle instead of inline comments.
        license: { fileName: 'livekit-elements.licenses.md' },
        rolldownOptions: {
          output: {
            codeSplitting: false,
            // Vite's library mode keeps whitespace in ES output for a later bundler; this file is final.
            minify: true,
            comments: false,
          },
        },
      },
    };
  }
  return {
    plugins: [minifyTemplates()],
    build: {
      target: 'es2022',
      emptyOutDir: true,
      minify: false,
      lib: { entry: entries(), formats: ['es'] },
      rolldownOptions: {
        external: (id) => external.test(id),
        output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
