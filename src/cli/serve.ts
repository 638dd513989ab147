import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { InputError } from '../errors/input-error.js';
import { packageRoot } from '../util/package-root.js';
import type { CliIO } from './io.js';

export interface ServeOptions {
  port?: string;
  /** false with --no-open: do not open a browser. */
  open?: boolean;
}

/** The page's folder (npm run build:web). */
export function webRoot(): string {
  return join(packageRoot(), 'dist', 'web');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function parsePort(text: string | undefined): number {
  if (text === undefined) return 8080;
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535))
    throw new InputError('bad-port', `--port 应为 0 到 65535 之间的整数，而不是「${text}」。`);
  return port;
}

/**
 * The files of dist/web, read-only: GET and HEAD only (anything else, e.g. a POST with a workbook,
 * is refused with 405 before its body is read), no folder listings, nothing outside the folder.
 */
export function pageHandler(root: string): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const send = (status: number, body: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      // the page never sends a workbook anywhere; nor does this server take one
      request.resume();
      send(405, '只提供网页文件，不接收任何上传。\n', { allow: 'GET, HEAD', connection: 'close' });
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      send(400, '地址无效。\n');
      return;
    }
    if (pathname === '/') pathname = '/index.html';
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root + sep) || pathname.includes('\0') || !existsSync(file) || !statSync(file).isFile()) {
      send(404, '没有这个文件。\n');
      return;
    }
    const body = readFileSync(file);
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': String(body.length),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser to open: the address is printed anyway
  }
}

/**
 * juesuan serve [--port 8080] [--no-open]: the page (dist/web) on http://127.0.0.1 only, for those
 * who prefer a command to opening the file. It serves files and receives nothing; the checking
 * happens in the browser. Runs until interrupted (Ctrl-C).
 */
export async function serveCommand(options: ServeOptions, io: CliIO): Promise<number> {
  const port = parsePort(options.port);
  const root = webRoot();
  if (!existsSync(join(root, 'index.html')))
    throw new InputError('no-web-build', '网页尚未生成：请先运行 npm run build:web（npm install 时会自动生成）。');
  const server = createServer(pageHandler(root));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new InputError('port-in-use', `端口 ${port} 已被占用：请用 --port 换一个端口。`)
          : new InputError('serve-failed', `无法在端口 ${port} 提供网页（${error.code ?? error.message}）。`),
      );
    });
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`;
  io.out(`网页已在 ${url} 提供（只在本机；文件在浏览器中检查，不会上传）。按 Ctrl-C 停止。\n`);
  if (options.open !== false) openBrowser(url);
  return 0;
}
