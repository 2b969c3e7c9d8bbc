// The device bundle's JavaScript: the CLI, the runner and the adapter probe, with every
// dependency inlined (typegpu, …) so a machine without node_modules runs them. Only `webgpu`
// stays external: its index.js finds dawn.node beside itself, so the bundle copies that package.
// Built by scripts/device-bundle.sh with DEVICE_BUNDLE_APP set to the bundle's app folder.
import { defineConfig } from 'vite';

const app = process.env.DEVICE_BUNDLE_APP;
if (!app) throw new Error('DEVICE_BUNDLE_APP is not set: run scripts/device-bundle.sh');

export default defineConfig({
  // No public/ copying and no index.html: this is a Node build only.
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: `${app}/dist-cli`,
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    rollupOptions: {
      input: {
        cli: 'src/cli.ts',
        runner: 'scripts/device/runner.ts',
        'adapter-info': 'scripts/device/adapter-info.ts',
      },
    },
  },
  ssr: { noExternal: true, external: ['webgpu'] },
});
