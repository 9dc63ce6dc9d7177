// Bundles the extension into dist/extension.js with esbuild; with --tests, bundles each unit test
// in test/unit into dist/test/ so that node's test runner runs them without a TypeScript loader.
import { readdirSync } from 'node:fs';
import * as esbuild from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

if (process.argv.includes('--tests')) {
  await esbuild.build({
    ...common,
    entryPoints: readdirSync('test/unit')
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => `test/unit/${name}`),
    outdir: 'dist/test',
  });
} else {
  await esbuild.build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    // Provided by VS Code at run time.
    external: ['vscode'],
    minify: process.argv.includes('--minify'),
  });
}
