// Bundles the action and the CLI into dist/ (committed: the action runs dist/index.js) and
// regenerates the published JSON Schema from the policy schema.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const schemaOnly = process.argv.includes('--schema-only');

// @actions/core imports its OIDC client (→ @actions/http-client → undici, ~420 KB) and
// @actions/exec at the top of the module, for getIDToken() and platform details that the gate
// never calls. Marking those modules free of side effects lets esbuild drop them when unused,
// which takes ~130 ms off every cold start of the action.
const dropUnusedActionsInternals = {
  name: 'drop-unused-actions-internals',
  setup(build) {
    build.onResolve({ filter: /^(@actions\/(http-client|exec)|undici)(\/|$)|oidc-utils\.js$|platform\.js$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const result = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'resolving' });
      return { ...result, sideEffects: false };
    });
  },
};

const common = {
  plugins: [dropUnusedActionsInternals],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: { __CANARY_GATE_VERSION__: JSON.stringify(pkg.version) },
  // Some CommonJS dependencies call require() for Node built-ins; ESM bundles need one.
  banner: { js: "import { createRequire as __cgCreateRequire } from 'node:module'; const require = __cgCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

if (!schemaOnly) {
  rmSync('dist', { recursive: true, force: true });
  // One build with code splitting: the action and the CLI share the engine's chunk instead of
  // carrying a copy each. Every file gets the shebang; only dist/cli.js is executed directly.
  await build({
    ...common,
    entryPoints: { index: 'src/action/index.ts', cli: 'src/cli/index.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  });
  chmodSync('dist/cli.js', 0o755);
  // canary-gate/stats: the statistics as a library, one self-contained file plus declarations.
  await build({ ...common, plugins: [], banner: {}, entryPoints: ['src/stats/index.ts'], outfile: 'dist/stats.js', minify: false });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.stats.json'], { stdio: 'inherit' });
}

const schema = execFileSync(process.execPath, ['dist/cli.js', 'schema'], { encoding: 'utf8' });
writeFileSync('schema/policy.schema.json', schema);
