// `a11ySnapshot({ interestingOnly: false })` from a test (`@web/test-runner-commands`): the whole
// accessibility tree of the page, lists and list items included. The stock command
// (`a11ySnapshotPlugin`) passes only `selector` on, so puppeteer keeps the "interesting" nodes alone
// (controls, landmarks, named leaves) and leaves out a list's structure. Any other snapshot is left
// to the stock command.
export function a11ySnapshotAllPlugin() {
  return {
    name: 'a11y-snapshot-all',
    async executeCommand({ command, payload, session }) {
      if (command !== 'a11y-snapshot' || payload?.interestingOnly !== false || session.browser.type !== 'puppeteer') return undefined;
      const page = session.browser.getPage(session.id);
      return page.accessibility.snapshot({ interestingOnly: false });
    },
  };
}
