// web-test-runner plugins for the `frameworks` test group: React, Vue and Svelte in the browser
// without a bundler or a dev server of their own.
//
// - `prebundle({ commonjs, esm })`: React ships CommonJS only, Vue's ES build expects a bundler to
//   replace `process.env.NODE_ENV` and its feature flags, and Svelte's client runtime sits behind
//   the `browser` export condition, which the test runner's resolver does not use. esbuild turns
//   each of these imports (`react`, `react-dom/client`, `vue`, `svelte/internal/client`, …) into
//   one ES module, all from one build with shared chunks, so `react` and `react-dom` share one
//   React and a Svelte component shares `svelte`'s runtime. Served from /__prebundled__/.
// - `svelte()`: compiles `.svelte` files with `svelte/compiler` when the browser asks for them.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PREFIX = '/__prebundled__/';
const identifier = /^[A-Za-z_$][\w$]*$/;

/** `react-dom/client` → `react-dom__client` */
const entryName = (specifier) => specifier.replaceAll('/', '__');

/**
 * The named exports of each specifier, read from its CommonJS build (the bundle takes the browser
 * build, with the same names). In a child process: React's development build talks to `console`,
 * which web-test-runner has replaced in this one.
 */
function exportNames(specifiers) {
  const script = `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => Object.keys(require(s)))))`;
  const child = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`prebundle: cannot load ${specifiers.join(', ')}: ${child.stderr}`);
  const lists = JSON.parse(child.stdout);
  return new Map(specifiers.map((s, i) => [s, lists[i].filter((name) => name !== 'default' && identifier.test(name))]));
}

/** The ES module that re-exports every named export of `specifier`, and its default export if any. */
function entrySource(specifier, names) {
  if (!names) return `export * from ${JSON.stringify(specifier)};`;
  return [
    `import * as namespace from ${JSON.stringify(specifier)};`,
    `export { ${names.join(', ')} } from ${JSON.stringify(specifier)};`,
    // CommonJS (React): the default export is `module.exports`; an ES package without one gives undefined.
    'export default namespace.default;',
  ].join('\n');
}

async function bundle(commonjs, esm) {
  const names = exportNames(commonjs);
  const specifiers = [...commonjs, ...esm];
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(specifiers.map((s) => [entryName(s), `prebundle:${s}`])),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    // esm-env's DEV: Svelte's development runtime, as React's and Vue's below.
    conditions: ['development'],
    target: 'es2022',
    outdir: 'prebundled',
    write: false,
    logLevel: 'error',
    logOverride: { 'import-is-undefined': 'silent' },
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [
      {
        name: 'prebundle-entries',
        setup(esbuild) {
          esbuild.onResolve({ filter: /^prebundle:/ }, (args) => ({ path: args.path.slice('prebundle:'.length), namespace: 'prebundle' }));
          esbuild.onLoad({ filter: /.*/, namespace: 'prebundle' }, (args) => ({ contents: entrySource(args.path, names.get(args.path)), resolveDir: root, loader: 'js' }));
        },
      },
    ],
  });
  return new Map(result.outputFiles.map((file) => [path.basename(file.path), file.text]));
}

/**
 * Serves bare imports (`react-dom/client`) as prebundled ES modules: `commonjs` lists packages
 * whose named exports esbuild cannot see (their names are read in Node), `esm` the others.
 */
export function prebundle({ commonjs = [], esm = [] }) {
  const specifiers = [...commonjs, ...esm];
  /** @type {Promise<Map<string, string>> | undefined} */
  let files;
  return {
    name: 'livekit-elements: prebundle',
    resolveImport({ source }) {
      if (specifiers.includes(source)) return `${PREFIX}${entryName(source)}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      files ??= bundle(commonjs, esm);
      const body = (await files).get(context.path.slice(PREFIX.length));
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}

/** Compiles `.svelte` components (Svelte 5, client side, dev mode) on request. */
export function svelte() {
  return {
    name: 'livekit-elements: svelte',
    resolveMimeType(context) {
      if (context.path.endsWith('.svelte')) return 'js';
    },
    async transform(context) {
      if (!context.path.endsWith('.svelte')) return;
      const { compile } = await import('svelte/compiler');
      const { js } = compile(String(context.body), { filename: context.path, generate: 'client', dev: true });
      return { body: js.code };
    },
  };
}
