import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import serveStatic from 'serve-static';
import type { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { writeErrorBody } from '../proxy/error-response';
import { consoleDir } from './console-dir';
import { isConsolePath } from './console-paths';

const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The web console at `/`: its built files as they are (Vite's hashed bundles
 * under /assets, cached for good), and its page for any other path a browser
 * navigates to (the console routes in the browser), never cached so a new
 * build is picked up at the next load. API paths (`isConsolePath`) never
 * reach it: they keep the API's answers, 404 included.
 */
@Injectable()
export class ConsoleStaticMiddleware implements NestMiddleware {
  private readonly dir: string;
  private readonly files: ReturnType<typeof serveStatic>;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.dir = consoleDir(config);
    this.files = serveStatic(this.dir, {
      index: false,
      fallthrough: true,
      setHeaders: (res, file) => {
        const hashed = file.startsWith(path.join(this.dir, 'assets') + path.sep);
        res.setHeader('cache-control', hashed ? `public, max-age=${YEAR_SECONDS}, immutable` : 'no-cache');
      },
    });
  }

  use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const pathname = (req.url ?? '/').split('?', 1)[0];
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isConsolePath(pathname)) return next();
    this.files(req, res, () => {
      if (!acceptsHtml(req)) return next();
      void this.page(res).catch(next);
    });
  }

  private async page(res: ServerResponse): Promise<void> {
    let html: string;
    try {
      html = await readFile(path.join(this.dir, 'index.html'), 'utf8');
    } catch {
      writeErrorBody(res, 404, 'CONSOLE.NOT_BUILT', `The web console is not built in ${this.dir}: run npm run console:build`);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache', 'content-length': Buffer.byteLength(html) });
    res.end(html);
  }
}

/** A browser's navigation asks for HTML; a script's fetch of a missing file does not, and gets the 404. */
const acceptsHtml = (req: IncomingMessage): boolean => /text\/html/.test(String(req.headers.accept ?? ''));
