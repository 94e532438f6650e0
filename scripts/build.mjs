// Bundles the client, the language server and the CLI with esbuild.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';

// The bundles include schema validators compiled ahead of time.
execFileSync(process.execPath, ['scripts/build-validators.mjs'], { stdio: 'inherit' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // jsonc-parser's UMD build breaks when bundled; its ESM build works.
  mainFields: ['module', 'main'],
  // yaml-language-server's formatter loads prettier eagerly; we never format.
  alias: { prettier: './scripts/stubs/prettier.cjs', 'prettier/plugins/yaml': './scripts/stubs/prettier.cjs', 'prettier/plugins/estree': './scripts/stubs/prettier.cjs', 'prettier/standalone': './scripts/stubs/prettier.cjs' },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js' }),
]);
