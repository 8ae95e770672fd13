// `npm run analyze:check`: regenerates the custom elements manifest in a temporary folder and fails
// when it differs from the committed custom-elements.json (run `npm run analyze` and commit).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const committedPath = path.join(root, 'custom-elements.json');
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
  let committed;
  try {
    committed = readFileSync(committedPath, 'utf8');
  } catch {
    console.error('analyze:check: custom-elements.json is missing. Run `npm run analyze` and commit it.');
    process.exit(1);
  }
  if (fresh === committed) {
    console.log('analyze:check: custom-elements.json is up to date.');
  } else {
    const a = committed.split('\n');
    const b = fresh.split('\n');
    let line = 0;
    while (line < a.length && a[line] === b[line]) line++;
    console.error(`analyze:check: custom-elements.json is stale (first difference at line ${line + 1}):`);
    console.error(`  committed: ${a[line]?.trim() ?? '<end of file>'}`);
    console.error(`  generated: ${b[line]?.trim() ?? '<end of file>'}`);
    console.error('Run `npm run analyze` and commit custom-elements.json.');
    process.exit(1);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
