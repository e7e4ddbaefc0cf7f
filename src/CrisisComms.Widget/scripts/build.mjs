// npm run build: one minified IIFE at ../CrisisComms.Server/wwwroot/widget/crisis-banner.js,
// then its size, raw and gzipped.
import { build } from 'esbuild';
import { readFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, resolve, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const outfile = resolve(root, '../CrisisComms.Server/wwwroot/widget/crisis-banner.js');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
const signalrVersion = JSON.parse(
  readFileSync(resolve(root, 'node_modules/@microsoft/signalr/package.json'), 'utf8'),
).version;

mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [resolve(root, 'src/crisis-banner.js')],
  outfile,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome80', 'edge80', 'firefox78', 'safari15'],
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  define: { __CCB_VERSION__: JSON.stringify(pkg.version) },
  banner: {
    js: `/* CrisisComms crisis-banner ${pkg.version} — bundles @microsoft/signalr ${signalrVersion} (MIT, (c) .NET Foundation) */`,
  },
  logLevel: 'warning',
});

const bytes = readFileSync(outfile);
const gz = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`built ${relative(process.cwd(), outfile)}: ${kb(bytes.length)} minified, ${kb(gz)} gzipped (${gz} bytes)`);
