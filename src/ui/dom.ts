// Typed lookups of the elements index.html declares; a missing one is a build bug, named.

export function byId<T extends HTMLElement>(doc: Document, id: string, type: { new (): T; prototype: T }): T {
  const element = doc.getElementById(id);
  if (!(element instanceof type)) throw new Error(`index.html lacks #${id} (${type.name})`);
  return element;
}
