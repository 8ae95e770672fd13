/** The elements as custom-elements.json describes them, for tests that go through every attribute. */

export interface ManifestAttribute {
  name: string;
  fieldName?: string;
}

export interface ManifestDeclaration {
  tagName?: string;
  attributes?: ManifestAttribute[];
}

/** Every element of the manifest that is defined on this page. */
export async function definedElements(): Promise<ManifestDeclaration[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: ManifestDeclaration[] }[] };
  return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName && customElements.get(d.tagName));
}
