// Launches Debian's Chromium through playwright-core, with or without WebGPU on SwiftShader
// (flags from ../shared/FACTS.md). Never downloads a browser.

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Closed-network flags: no update checks, no sync, no first-run UI. */
const QUIET_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Chromium gets a SwiftShader WebGPU adapter only with all four of these. */
export const WEBGPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-webgpu-adapter=swiftshader',
];

export const browserAvailable = (): boolean => existsSync(CHROMIUM_PATH);

/** CI sets REQUIRE_BROWSER=1 so that a missing browser or adapter fails instead of skipping. */
export const browserRequired = (): boolean => process.env['REQUIRE_BROWSER'] === '1';

export function launchChromium(webgpu: boolean): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...QUIET_FLAGS, ...(webgpu ? WEBGPU_FLAGS : [])],
  });
}
