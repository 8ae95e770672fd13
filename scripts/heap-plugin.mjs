// A web-test-runner server command for soak tests: `executeServerCommand('heap', payload)` from a
// test (`@web/test-runner-commands`) forces garbage collection in the test's page and answers its
// JS heap in use, through the Chrome DevTools Protocol on the puppeteer page that
// `@web/test-runner-chrome` keeps for the session.
//
//   payload  { count?: { [label]: expression } }   each expression, evaluated in the page, gives a
//            prototype (`window.__soak.Room`); the answer counts the live objects that inherit it
//   answer   { usedSize, totalSize, live: { [label]: number } }
//
// Before collecting it discards the console messages DevTools keeps (they hold their arguments).

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full collections with a pause between them, so that FinalizationRegistry callbacks run and WeakRefs clear. */
export async function collectGarbage(cdp, rounds = 3) {
  await cdp.send('Runtime.discardConsoleEntries');
  for (let i = 0; i < rounds; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(50);
  }
}

/** How many live objects have `expression` (a prototype) in their prototype chain. */
export async function countLive(cdp, expression) {
  const group = 'heap-command';
  try {
    const proto = await cdp.send('Runtime.evaluate', { expression, objectGroup: group });
    if (proto.exceptionDetails || !proto.result.objectId) throw new Error(`heap: \`${expression}\` is not an object in the page`);
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId, objectGroup: group });
    const length = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    return length.result.value;
  } finally {
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group });
  }
}

export function heapPlugin() {
  return {
    name: 'heap-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'heap') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`heap: needs a Chromium launched through puppeteer, not ${session.browser.type}.`);
      }
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        await collectGarbage(cdp);
        const live = {};
        for (const [label, expression] of Object.entries(payload?.count ?? {})) live[label] = await countLive(cdp, expression);
        // Last, so that the objects counting made are gone too.
        await collectGarbage(cdp, 1);
        const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
        if (process.env.HEAP_RETAINERS) console.log(retainerReport(await heapSnapshot(cdp)));
        return { usedSize, totalSize, live };
      } finally {
        await cdp.detach();
      }
    },
  };
}

// ---- scratch: retainer paths (HEAP_RETAINERS=1) -------------------------------------------------

async function heapSnapshot(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return JSON.parse(chunks.join(''));
}

/** Shortest strong paths from the root to every object named Room / LkRoom, grouped by path shape. */
function retainerReport(snapshot) {
  const { meta } = snapshot.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = snapshot;
  const [nType, nName, nEdges, nId] = ['type', 'name', 'edge_count', 'id'].map((f) => meta.node_fields.indexOf(f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
  const count = nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i] + nodes[i * nf + nEdges] * ef;
  const name = (i) => strings[nodes[i * nf + nName]];
  const describeNode = (i, withId) => `${nodeTypes[nodes[i * nf + nType]]} ${name(i).slice(0, 100)}${withId ? ' @' + nodes[i * nf + nId] : ''}`;
  const describeEdge = (e) => {
    const type = edgeTypes[edges[e + eType]];
    const n = type === 'element' || type === 'hidden' ? `[${edges[e + eName]}]` : strings[edges[e + eName]];
    return `${type}:${String(n).slice(0, 120)}`;
  };
  const parent = new Int32Array(count).fill(-1);
  const parentEdge = new Int32Array(count).fill(-1);
  const seen = new Uint8Array(count);
  const queue = [0];
  seen[0] = 1;
  for (let q = 0; q < queue.length; q++) {
    const from = queue[q];
    for (let e = firstEdge[from]; e < firstEdge[from + 1]; e += ef) {
      if (edgeTypes[edges[e + eType]] === 'weak') continue;
      const en = strings[edges[e + eName]];
      if (typeof en === 'string' && en.includes('part of key')) continue;
      const to = edges[e + eTo] / nf;
      if (seen[to]) continue;
      seen[to] = 1;
      parent[to] = from;
      parentEdge[to] = e;
      queue.push(to);
    }
  }
  const out = [];
  for (const wanted of ['Room', 'LkRoom']) {
    const groups = new Map();
    let total = 0;
    let unreachable = 0;
    for (let i = 0; i < count; i++) {
      if (nodeTypes[nodes[i * nf + nType]] !== 'object' || name(i) !== wanted) continue;
      total++;
      if (!seen[i]) { unreachable++; continue; }
      const steps = [];
      for (let n = i; parent[n] >= 0; n = parent[n]) steps.unshift(`  --${describeEdge(parentEdge[n])}--> ${describeNode(n, false)}`);
      const key = steps.join('\n').replace(/\[\d+\]/g, '[#]');
      const g = groups.get(key) ?? { n: 0, example: i };
      g.n++;
      groups.set(key, g);
    }
    out.push(`=== ${wanted}: ${total} in snapshot, ${unreachable} not strongly reachable (weak/ephemeron only)`);
    const sorted = [...groups].sort((a, b) => b[1].n - a[1].n).slice(0, 6);
    for (const [key, g] of sorted) {
      out.push(`--- ${g.n}x path (example ${describeNode(g.example, true)}):\n${describeNode(0, false)}\n${key}`);
      const direct = [];
      for (let from = 0; from < count && direct.length < 15; from++) {
        for (let e = firstEdge[from]; e < firstEdge[from + 1]; e += ef) {
          if (edges[e + eTo] / nf === g.example) direct.push(`    ${describeNode(from, true)} --${describeEdge(e)}-->`);
        }
      }
      out.push(`  direct retainers of the example:\n${direct.join('\n')}`);
    }
  }
  return out.join('\n');
}
