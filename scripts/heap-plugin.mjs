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
        return { usedSize, totalSize, live };
      } finally {
        await cdp.detach();
      }
    },
  };
}
