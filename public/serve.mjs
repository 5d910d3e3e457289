#!/usr/bin/env node
/*
 * Serves this folder (the built Poverty Loop site) to the browser on this computer, with no
 * network and nothing to install but Node.js:
 *
 *   node serve.mjs            → http://localhost:8080/
 *   node serve.mjs 9000       → another port
 *   node serve.mjs --lan      → also to other devices on the room's network (no offline cache there)
 *
 * Opening index.html by double-click (file://) does not work: browsers refuse the simulation's
 * worker there. Stop with Ctrl+C.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const lan = args.includes('--lan');
let port = Number(args.find((a) => /^\d+$/.test(a)) ?? 8080);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2', '.map': 'application/json',
};

const server = createServer((req, res) => {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let file = normalize(join(ROOT, path));
  if (file !== ROOT.replace(/[\\/]$/, '') && !file.startsWith(ROOT)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    const size = statSync(file).size;
    // the service worker must always be checked afresh, the rest may be cached by the browser
    const cache = file.endsWith(`${sep}sw.js`) || file.endsWith('.html') ? 'no-cache' : 'public, max-age=3600';
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': size, 'cache-control': cache });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  }
});

server.on('error', (e) => {
  if (e.code === 'EADDRINUSE' && port < 65535) {
    port += 1;
    server.listen(port, lan ? '0.0.0.0' : '127.0.0.1');
  } else {
    console.error(e.message);
    process.exit(1);
  }
});

server.on('listening', () => {
  console.log(`贫困循环 Poverty Loop: http://localhost:${port}/`);
  if (lan) {
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) console.log(`  on the room's network: http://${a.address}:${port}/`);
    }
  }
  console.log('按 Ctrl+C 停止 · Ctrl+C to stop');
});

server.listen(port, lan ? '0.0.0.0' : '127.0.0.1');
