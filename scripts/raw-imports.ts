// Lets the Node scripts (run with tsx) import `*.wgsl?raw` the way Vite does: a module loader
// hook that serves the file's text as the default export. Import this module first, then load
// anything that reaches src/gpu/shader-source.ts with a dynamic import().

import { register } from 'node:module';

const HOOKS = `
import { readFile } from 'node:fs/promises';
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('?raw')) {
    const text = await readFile(new URL(url.slice(0, -'?raw'.length)), 'utf8');
    return { format: 'module', source: 'export default ' + JSON.stringify(text) + ';', shortCircuit: true };
  }
  return nextLoad(url, context);
}
`;

register('data:text/javascript,' + encodeURIComponent(HOOKS));
