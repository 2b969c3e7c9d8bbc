import { describe, expect, it } from 'vitest';
import { noGpu, vulkanDriverProblem, type DriverFiles } from '../../src/cli/no-gpu.ts';

/** A file system holding exactly `tree`: directory → file names, and files by full path. */
function fakeFiles(tree: Record<string, string[]>): DriverFiles {
  const files = new Set(Object.entries(tree).flatMap(([dir, names]) => names.map((n) => `${dir}/${n}`)));
  return { exists: (p) => files.has(p) || p in tree, list: (p) => tree[p] ?? [], isDirectory: (p) => p in tree };
}

const BARE = { HOME: '/home/u' };

describe('vulkanDriverProblem', () => {
  it('finds Debian’s drivers in /usr/share/vulkan/icd.d', () =>
    expect(vulkanDriverProblem(BARE, fakeFiles({ '/usr/share/vulkan/icd.d': ['lvp_icd.x86_64.json'] }), 'linux')).toBeUndefined());
  it('says no driver is installed when no icd.d folder holds a manifest', () =>
    expect(vulkanDriverProblem(BARE, fakeFiles({ '/usr/share/vulkan/icd.d': ['README'], '/etc/vulkan/icd.d': [] }), 'linux')).toMatch(/^no Vulkan driver is installed/));
  it('looks in the user’s own ~/.local/share/vulkan/icd.d and in VK_ADD_DRIVER_FILES', () => {
    expect(vulkanDriverProblem(BARE, fakeFiles({ '/home/u/.local/share/vulkan/icd.d': ['x.json'] }), 'linux')).toBeUndefined();
    expect(vulkanDriverProblem({ ...BARE, VK_ADD_DRIVER_FILES: '/opt/d/sw.json' }, fakeFiles({ '/opt/d': ['sw.json'] }), 'linux')).toBeUndefined();
  });
  it('trusts VK_DRIVER_FILES (or VK_ICD_FILENAMES) alone when set: files or folders', () => {
    const files = fakeFiles({ '/usr/share/vulkan/icd.d': ['lvp_icd.x86_64.json'], '/usr/lib/chromium': ['vk_swiftshader_icd.json'] });
    expect(vulkanDriverProblem({ ...BARE, VK_ICD_FILENAMES: '/usr/lib/chromium/vk_swiftshader_icd.json' }, files, 'linux')).toBeUndefined();
    expect(vulkanDriverProblem({ ...BARE, VK_DRIVER_FILES: '/usr/lib/chromium' }, files, 'linux')).toBeUndefined();
    expect(vulkanDriverProblem({ ...BARE, VK_ICD_FILENAMES: '/nonexistent/no_icd.json' }, files, 'linux')).toBe(
      'the Vulkan driver files named by the environment do not exist (/nonexistent/no_icd.json)');
  });
  it('claims nothing off Linux', () => expect(vulkanDriverProblem(BARE, fakeFiles({}), 'darwin')).toBeUndefined());
});

describe('noGpu', () => {
  it('gives one line: the reason, then what to do', () => {
    const error = noGpu('no WebGPU adapter available');
    expect(error.message).toBe("no WebGPU adapter: Dawn offered none. Install Debian's chromium package (it brings the SwiftShader Vulkan driver) or use --backend cpu");
    expect(noGpu('requestDevice failed.').message).toMatch(/^no WebGPU adapter: requestDevice failed\. Install/);
    expect(error.message).not.toContain('\n');
  });
});
