// @vitest-environment jsdom
// The page is one document with several sections; its navigation must reach each of them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const html = readFileSync(resolve(process.cwd(), 'index.html'), 'utf8') // vitest runs from the repository root;
const doc = new DOMParser().parseFromString(html, 'text/html');

describe('section navigation', () => {
  it('links every page section, and every link lands on an element of the page', () => {
    const targets = [...doc.querySelectorAll<HTMLAnchorElement>('nav.sections a')].map((a) => a.getAttribute('href')!);
    expect(targets).toEqual(['#hessians', '#spectra-heading', '#landscape-section', '#width-section', '#sources']);
    for (const target of targets) expect(doc.getElementById(target.slice(1)), target).not.toBeNull();
  });

  it('lists the sections in the order the page shows them', () => {
    const targets = [...doc.querySelectorAll<HTMLAnchorElement>('nav.sections a')].map((a) => doc.getElementById(a.getAttribute('href')!.slice(1))!);
    const inPageOrder = [...targets].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    expect(targets.map((t) => t.id)).toEqual(inPageOrder.map((t) => t.id));
  });
});
