/** What Chromium's accessibility tree tells a screen reader about a list (through `a11ySnapshot`). */
import { a11ySnapshot } from '@web/test-runner-commands';

export type AxNode = { role?: string; name?: string; description?: string; children?: AxNode[] };

export interface AxList {
  role: string;
  /** The list's items, in order: each one's accessible name and description. */
  items: { name: string; description: string }[];
}

/** The page's whole accessibility tree, lists and list items included. */
export async function axTree(): Promise<AxNode> {
  // The stock command keeps only "interesting" nodes and drops lists; web-test-runner.config.mjs
  // answers `interestingOnly: false` with the whole tree.
  return (await a11ySnapshot({ interestingOnly: false } as unknown as { selector: string })) as unknown as AxNode;
}

/** The list named `name` in the page's accessibility tree, or `undefined` when there is none. */
export async function axList(name: string): Promise<AxList | undefined> {
  const find = (node: AxNode): AxNode | undefined => (node.role === 'list' && node.name === name ? node : node.children?.map(find).find(Boolean));
  const list = find(await axTree());
  if (!list) return undefined;
  const items: AxNode[] = [];
  const collect = (node: AxNode) => node.children?.forEach((child) => (child.role === 'listitem' ? items.push(child) : collect(child)));
  collect(list);
  return { role: list.role!, items: items.map((item) => ({ name: item.name ?? '', description: item.description ?? '' })) };
}
