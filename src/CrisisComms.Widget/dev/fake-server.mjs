// A stand-in for the CrisisComms server, for working on the widget without .NET:
//   npm run dev  ->  http://localhost:5099/demo/public
// Serves ../CrisisComms.Server/wwwroot, GET /api/v1/banners (ETag, 304), POST /api/v1/auth/token
// (any user, password "demo"), and /hubs/banners as a minimal SignalR JSON hub over
// Server-Sent Events. Control it with:
//   POST /_fake/banners?audience=public[&mode=exercise]  body: [banner, …]  -> new revision, pushed
//   POST /_fake/hub?up=0|1                                   -> hub refuses / accepts connections
// Not used by the real server or its tests.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const here = dirname(fileURLToPath(import.meta.url));
const wwwroot = join(here, '../../CrisisComms.Server/wwwroot');
const port = Number(process.env.PORT || 5099);
const RS = '\u001e';

let revision = 1;
let hubUp = true;
const sets = new Map(); // "audience:mode" -> banners
const connections = new Map(); // id -> { res, group, handshake }

const group = (audience, mode) => `${audience}:${mode || 'actual'}`;
const snapshotOf = (g) => {
  const [audience, mode] = g.split(':');
  return { audience, mode, revision, banners: sets.get(g) || [] };
};

function send(conn, message) {
  conn.res.write(`data: ${JSON.stringify(message)}${RS}\n\n`);
}

function push(g) {
  for (const conn of connections.values()) {
    if (conn.group === g && conn.handshake) send(conn, { type: 1, target: 'banners', arguments: [snapshotOf(g)] });
  }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png' };

async function body(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, `http://localhost:${port}`);
  const q = url.searchParams;
  const audience = q.get('audience');
  const mode = q.get('mode') || 'actual';
  try {
    if (url.pathname === '/_fake/banners' && req.method === 'POST') {
      const g = group(audience || 'public', mode);
      sets.set(g, JSON.parse(await body(req)));
      revision += 1;
      push(g);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ revision }));
      return;
    }
    if (url.pathname === '/_fake/hub' && req.method === 'POST') {
      hubUp = q.get('up') !== '0';
      if (!hubUp) for (const conn of connections.values()) conn.res.end();
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/api/v1/auth/token' && req.method === 'POST') {
      const { username, password } = JSON.parse((await body(req)) || '{}');
      if (!username || password !== 'demo') {
        res.writeHead(401, { 'Content-Type': 'application/problem+json' }).end('{"status":401}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ accessToken: `fake.${username}`, tokenType: 'Bearer', expiresIn: 3600 }));
      return;
    }
    const intranetRefused = () => audience === 'intranet'
      && !(req.headers.authorization || '').startsWith('Bearer fake.') && !(q.get('access_token') || '').startsWith('fake.');
    if (url.pathname === '/api/v1/banners' && req.method === 'GET') {
      if (intranetRefused()) { res.writeHead(401).end(); return; }
      const snap = snapshotOf(group(audience, mode));
      const etag = `"${snap.revision}"`;
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, { ETag: etag }).end(); return; }
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', ETag: etag, 'Cache-Control': 'public, max-age=5' })
        .end(JSON.stringify(snap));
      return;
    }
    if (url.pathname === '/hubs/banners/negotiate' && req.method === 'POST') {
      if (!hubUp) { res.writeHead(503).end(); return; }
      if (intranetRefused()) { res.writeHead(401).end(); return; }
      const id = randomUUID();
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({
        negotiateVersion: 1, connectionId: id, connectionToken: id,
        availableTransports: [{ transport: 'ServerSentEvents', transferFormats: ['Text'] }],
      }));
      return;
    }
    if (url.pathname === '/hubs/banners' && req.method === 'GET') {
      if (!hubUp) { res.writeHead(503).end(); return; }
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
      res.write(':\n\n');
      const id = q.get('id');
      const conn = { res, group: group(audience, mode), handshake: false };
      connections.set(id, conn);
      const ping = setInterval(() => conn.handshake && send(conn, { type: 6 }), 10000);
      req.on('close', () => { clearInterval(ping); connections.delete(id); });
      return;
    }
    if (url.pathname === '/hubs/banners' && req.method === 'POST') {
      const conn = connections.get(q.get('id'));
      const text = await body(req);
      if (!conn) { res.writeHead(404).end(); return; }
      res.writeHead(200).end();
      for (const frame of text.split(RS).filter(Boolean)) {
        const m = JSON.parse(frame);
        if (!conn.handshake && m.protocol === 'json') {
          conn.handshake = true;
          conn.res.write(`data: {}${RS}\n\n`);
          send(conn, { type: 1, target: 'banners', arguments: [snapshotOf(conn.group)] });
        }
      }
      return;
    }
    if (url.pathname === '/hubs/banners' && req.method === 'DELETE') {
      const conn = connections.get(q.get('id'));
      if (conn) conn.res.end();
      res.writeHead(202).end();
      return;
    }
    let path = url.pathname;
    if (path === '/demo/public' || path === '/demo/intranet') path += '.html';
    const file = normalize(join(wwwroot, path));
    if (!file.startsWith(wwwroot)) { res.writeHead(403).end(); return; }
    const data = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' }).end(data);
  } catch (e) {
    if (!res.headersSent) res.writeHead(e.code === 'ENOENT' ? 404 : 500).end();
  }
});

server.listen(port, () => console.log(`fake CrisisComms on http://localhost:${port}/demo/public`));
