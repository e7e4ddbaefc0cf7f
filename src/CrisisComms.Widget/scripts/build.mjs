// npm run build: one minified IIFE at ../CrisisComms.Server/wwwroot/widget/crisis-banner.js,
// then its size, raw and gzipped; and the same SignalR client as an ES module
// (wwwroot/widget/signalr.js) for the officers' console, whose incident view follows /hubs/notices,
// date-fns-tz as wwwroot/widget/zone.js, for the console's Swedish time, and the widget's label
// table as wwwroot/widget/labels.js, for the console's preview.
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

// The console is plain ES modules without a build step of its own; this is its one bundled import.
const consoleModule = resolve(dirname(outfile), 'signalr.js');
await build({
  stdin: {
    contents: "export { HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';",
    resolveDir: root,
    loader: 'js',
  },
  outfile: consoleModule,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020', 'chrome80', 'edge80', 'firefox78', 'safari15'],
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  banner: { js: `/* @microsoft/signalr ${signalrVersion} (MIT, (c) .NET Foundation), as an ES module for the CrisisComms console */` },
  logLevel: 'warning',
});

// Swedish time for the console: zone arithmetic (summer time included) from date-fns-tz, not by hand.
const zoneVersion = JSON.parse(readFileSync(resolve(root, 'node_modules/date-fns-tz/package.json'), 'utf8')).version;
const zoneModule = resolve(dirname(outfile), 'zone.js');
await build({
  stdin: {
    contents: "export { fromZonedTime, toZonedTime } from 'date-fns-tz';",
    resolveDir: root,
    loader: 'js',
  },
  outfile: zoneModule,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020', 'chrome80', 'edge80', 'firefox78', 'safari15'],
  minify: true,
  legalComments: 'eof',
  charset: 'utf8',
  banner: { js: `/* date-fns-tz ${zoneVersion} and date-fns (MIT), as an ES module for the CrisisComms console */` },
  logLevel: 'warning',
});

// The widget's label table and language rules, for the console's preview: one table, one place.
const labelsModule = resolve(dirname(outfile), 'labels.js');
await build({
  stdin: {
    contents: "export { LABELS, labelsFor, labelLanguage, directionOf } from './src/labels.js'; export { htmlLangAttribute } from './src/language.js';",
    resolveDir: root,
    loader: 'js',
  },
  outfile: labelsModule,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020', 'chrome80', 'edge80', 'firefox78', 'safari15'],
  minify: true,
  charset: 'utf8',
  banner: { js: '/* CrisisComms widget labels, as an ES module for the console preview */' },
  logLevel: 'warning',
});

const bytes = readFileSync(outfile);
const gz = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`built ${relative(process.cwd(), outfile)}: ${kb(bytes.length)} minified, ${kb(gz)} gzipped (${gz} bytes)`);
console.log(`built ${relative(process.cwd(), consoleModule)}: ${kb(readFileSync(consoleModule).length)} minified`);
console.log(`built ${relative(process.cwd(), zoneModule)}: ${kb(readFileSync(zoneModule).length)} minified`);
console.log(`built ${relative(process.cwd(), labelsModule)}: ${kb(readFileSync(labelsModule).length)} minified`);
