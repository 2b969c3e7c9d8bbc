// "No adapter" in one line. When the Vulkan loader finds no driver, Dawn still starts and
// prints three "Warning:" lines and a native source location to stderr before requestAdapter
// returns null; JavaScript cannot silence a native library's stderr. So where the file system
// already shows that the loader will find no driver, the CLI says so before starting Dawn.
// Where a driver exists but Dawn rejects it (Mesa's lavapipe), Dawn's own lines stay, followed
// by the same one-line message.

import { existsSync, readdirSync, statSync } from 'node:fs';

/** No adapter or device: the CLI exits 3 with this message. */
export class NoGpuError extends Error {
  override name = 'NoGpuError';
}

const ADVICE = "Install Debian's chromium package (it brings the SwiftShader Vulkan driver) or use --backend cpu";

/** The error every GPU path throws, one message shape: "no WebGPU adapter: <reason>. <advice>". */
export function noGpu(reason: string): NoGpuError {
  const why = /^no WebGPU adapter( available)?\.?$/i.test(reason.trim()) ? 'Dawn offered none' : reason.replace(/[.\s]+$/, '');
  return new NoGpuError(`no WebGPU adapter: ${why}. ${ADVICE}`);
}

export interface DriverFiles {
  exists(path: string): boolean;
  /** The names in a directory; [] when it is missing or not a directory. */
  list(path: string): string[];
  isDirectory(path: string): boolean;
}

const realFiles: DriverFiles = {
  exists: existsSync,
  list: (path) => {
    try {
      return readdirSync(path);
    } catch {
      return [];
    }
  },
  isDirectory: (path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
};

/**
 * Why the Vulkan loader will find no driver, or undefined when it may find one (or this is not
 * Linux, where Dawn uses other APIs; on Linux its core adapters are Vulkan only, OpenGL ES
 * serving compatibility mode, which the lab does not request). Follows the loader's Linux search: VK_DRIVER_FILES (or the
 * older VK_ICD_FILENAMES) replaces the search with its files and directories; otherwise, with
 * VK_ADD_DRIVER_FILES, the icd.d folders under XDG_CONFIG_HOME, XDG_CONFIG_DIRS, /usr/local/etc, /etc,
 * XDG_DATA_HOME and XDG_DATA_DIRS (Vulkan-Loader docs/LoaderDriverInterface.md).
 */
export function vulkanDriverProblem(env: NodeJS.ProcessEnv = process.env, files: DriverFiles = realFiles, platform: string = process.platform): string | undefined {
  if (platform !== 'linux') return undefined;
  const hasDriver = (path: string) =>
    files.isDirectory(path) ? files.list(path).some((name) => name.endsWith('.json')) : path.endsWith('.json') && files.exists(path);
  const paths = (value: string | undefined) => (value ?? '').split(':').filter((p) => p !== '');
  const named = env['VK_DRIVER_FILES'] ?? env['VK_ICD_FILENAMES'];
  if (named !== undefined && paths(named).length > 0) {
    if (paths(named).some(hasDriver)) return undefined;
    return `the Vulkan driver files named by the environment do not exist (${named})`;
  }
  const home = env['HOME'] ?? '';
  const configDirs = [env['XDG_CONFIG_HOME'] ?? `${home}/.config`, ...paths(env['XDG_CONFIG_DIRS'] ?? '/etc/xdg'), '/usr/local/etc', '/etc'];
  const dataDirs = [env['XDG_DATA_HOME'] ?? `${home}/.local/share`, ...paths(env['XDG_DATA_DIRS'] ?? '/usr/local/share:/usr/share')];
  const searched = [...configDirs, ...dataDirs].map((dir) => `${dir}/vulkan/icd.d`);
  if ([...paths(env['VK_ADD_DRIVER_FILES']), ...searched].some(hasDriver)) return undefined;
  return 'no Vulkan driver is installed (no *.json in any vulkan/icd.d folder)';
}

/** Throws the one-line error when the Vulkan loader is certain to find no driver. */
export function checkVulkanDrivers(): void {
  const problem = vulkanDriverProblem();
  if (problem) throw noGpu(problem);
}
