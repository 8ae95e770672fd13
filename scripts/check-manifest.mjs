// `npm run analyze:check`: regenerates the custom elements manifest in a temporary folder, and the
// editor data and framework typings made from it (scripts/editor-data.mjs), and fails when any of
// them differs from the committed file (run `npm run analyze` and commit).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { editorData } from './editor-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(path.join(tmpdir(), 'cem-check-'));

try {
  // The analyzer joins `--outdir` to the working directory, so it has to be relative.
  const cem = path.join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
  const run = spawnSync(process.execPath, [cem, 'analyze', '--quiet', '--outdir', path.relative(root, tmp)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error('analyze:check: the analyzer failed.');
    process.exit(run.status ?? 1);
  }

  const fresh = readFileSync(path.join(tmp, 'custom-elements.json'), 'utf8');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const expected = [{ path: 'custom-elements.json', content: fresh }, ...editorData(JSON.parse(fresh), pkg)];
  const stale = expected.filter((file) => !matches(file));
  if (stale.length === 0) {
    console.log(`analyze:check: ${expected.map((f) => f.path).join(', ')} are up to date.`);
  } else {
    console.error(`Run \`npm run analyze\` and commit ${stale.map((f) => f.path).join(', ')}.`);
    process.exitCode = 1;
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** Whether the committed file equals the generated one; says where they first differ when not. */
function matches({ path: file, content }) {
  let committed;
  try {
    committed = readFileSync(path.join(root, file), 'utf8');
  } catch {
    console.error(`analyze:check: ${file} is missing.`);
    return false;
  }
  if (committed === content) return true;
  const a = committed.split('\n');
  const b = content.split('\n');
  let line = 0;
  while (line < a.length && a[line] === b[line]) line++;
  console.error(`analyze:check: ${file} is stale (first difference at line ${line + 1}):`);
  console.error(`  committed: ${a[line]?.trim() ?? '<end of file>'}`);
  console.error(`  generated: ${b[line]?.trim() ?? '<end of file>'}`);
  return false;
}
