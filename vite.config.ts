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
// E2EE worker: the ES modules leave `new URL('livekit-client/e2ee-worker', import.meta.url)` to the
// page's bundler; the bundle swaps src/core/e2ee-worker.ts for its .bundle.ts twin, which loads
// `livekit-client.e2ee.worker.mjs` from beside the bundle, and this build copies that file there.
// Background effects: `@livekit/track-processors` is imported on first use; the ES modules leave
// that import to the page's bundler, and the bundle imports `livekit-elements.effects.js` from
// beside itself, a file this build writes, fetched only by a page that asks for an effect. It also
// copies MediaPipe's wasm files (from @mediapipe/tasks-vision) and the selfie segmentation model
// (scripts/selfie-model.mjs) to `dist/effects/`, where both
// builds look for them by default (src/core/effect-assets.ts and its .bundle.ts twin).
// Translations (docs/languages.md): one module per language in src/locales/. The ES modules keep
// each as its own file (`dist/locales/de.js`), imported by src/core/locale-loader.ts on first use;
// the bundle swaps that loader for its .bundle.ts twin, which imports
// `livekit-elements.locale-<lang>.js` from beside the bundle, files this build writes.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { minifyTemplates } from './scripts/minify-templates.mjs';
import { selfieSegmenterModel } from './scripts/selfie-model.mjs';

const src = new URL('./src/', import.meta.url);

/**
 * `index` plus every top-level `lk-*.ts`: new elements become entries by existing; and the GrapesJS
 * plugin, `dist/grapesjs/index.js` (`livekit-elements/grapesjs`), which imports no GrapesJS.
 */
function entries(): Record<string, string> {
  const names = readdirSync(src).filter((file) => /^lk-.+\.ts$/.test(file) && !file.endsWith('.d.ts'));
  return {
    ...Object.fromEntries(['index.ts', ...names].map((file) => [file.slice(0, -3), `src/${file}`])),
    'grapesjs/index': 'src/grapesjs/index.ts',
  };
}

/**
 * The bundle's own versions of the modules that find files beside the code: each of
 * src/core/{e2ee-worker,effect-assets,locale-loader}.ts is replaced by its `.bundle.ts`, which looks
 * beside `livekit-elements.js` (the ES modules leave those files to the page's bundler).
 */
function bundleVariants(): Plugin {
  const names = ['e2ee-worker', 'effect-assets', 'locale-loader'];
  const imported = new RegExp(`/(?:${names.join('|')})\\.js$`);
  const variants = new Map(
    names.map((name) => [
      fileURLToPath(new URL(`./src/core/${name}.ts`, import.meta.url)),
      fileURLToPath(new URL(`./src/core/${name}.bundle.ts`, import.meta.url)),
    ]),
  );
  return {
    name: 'livekit-elements:bundle-variants',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !imported.test(source)) return null;
      const resolved = await this.resolve(source.replace(/\.js$/, '.ts'), importer, { skipSelf: true });
      return (resolved && variants.get(resolved.id)) ?? null;
    },
  };
}

/** The bundle's E2EE worker: livekit-client's worker file beside it. */
function bundleE2eeWorker(): Plugin {
  return {
    name: 'livekit-elements:bundle-e2ee-worker',
    generateBundle() {
      const file = createRequire(import.meta.url).resolve('livekit-client/e2ee-worker');
      this.emitFile({ type: 'asset', fileName: 'livekit-client.e2ee.worker.mjs', source: readFileSync(file) });
    },
  };
}

/**
 * The bundle's background effects: `livekit-elements.effects.js` (@livekit/track-processors with
 * MediaPipe's tasks-vision, built by esbuild; its one import of livekit-client, `getLogger`, comes
 * from scripts/effects-logger.mjs), MediaPipe's wasm runtime in `effects/`, and beside it the
 * segmentation model (scripts/selfie-model.mjs).
 */
function effectAssets(): Plugin {
  return {
    name: 'livekit-elements:effect-assets',
    async generateBundle() {
      const logger = fileURLToPath(new URL('./scripts/effects-logger.mjs', import.meta.url));
      const built = await esbuild({
        stdin: { contents: "export * from '@livekit/track-processors';", resolveDir: fileURLToPath(new URL('.', import.meta.url)) },
        bundle: true,
        format: 'esm',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        write: false,
        plugins: [{ name: 'livekit-logger', setup: (b) => b.onResolve({ filter: /^livekit-client$/ }, () => ({ path: logger })) }],
      });
      this.emitFile({ type: 'asset', fileName: 'livekit-elements.effects.js', source: built.outputFiles[0].contents });
      const wasm = path.join(path.dirname(createRequire(import.meta.url).resolve('@mediapipe/tasks-vision')), 'wasm');
      for (const file of readdirSync(wasm)) this.emitFile({ type: 'asset', fileName: `effects/${file}`, source: readFileSync(path.join(wasm, file)) });
      this.emitFile({ type: 'asset', fileName: 'effects/selfie_segmenter.tflite', source: selfieSegmenterModel() });
    },
  };
}

/** The bundle's translations: `livekit-elements.locale-<lang>.js` beside it for each src/locales/ module. */
function bundleLocales(): Plugin {
  const locales = fileURLToPath(new URL('./src/locales/', import.meta.url));
  return {
    name: 'livekit-elements:bundle-locales',
    async generateBundle() {
      for (const file of readdirSync(locales).filter((name) => name.endsWith('.ts'))) {
        const built = await esbuild({ entryPoints: [path.join(locales, file)], bundle: true, format: 'esm', target: 'es2022', minify: true, charset: 'utf8', legalComments: 'none', write: false });
        this.emitFile({ type: 'asset', fileName: `livekit-elements.locale-${file.slice(0, -3)}.js`, source: built.outputFiles[0].contents });
      }
    },
  };
}

/** The ES modules' E2EE worker written as the literal a page's bundler looks for (see src/core/e2ee-worker.ts). */
function literalE2eeWorker(): Plugin {
  return {
    name: 'livekit-elements:literal-e2ee-worker',
    renderChunk(code) {
      if (!code.includes('new URL(E2EE_WORKER, import.meta.url)')) return null;
      return { code: code.replace('new URL(E2EE_WORKER, import.meta.url)', "new URL('livekit-client/e2ee-worker', import.meta.url)"), map: null };
    },
  };
}

/** Bare imports left to the consumer's bundler in the npm build. */
const external = /^(?:lit|livekit-client|@livekit\/track-processors|grapesjs)(?:\/|$)|^@lit\//;

export default defineConfig(({ mode }) => {
  if (mode === 'bundle') {
    return {
      plugins: [minifyTemplates(), bundleVariants(), bundleE2eeWorker(), effectAssets(), bundleLocales()],
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
    plugins: [minifyTemplates(), literalE2eeWorker()],
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
