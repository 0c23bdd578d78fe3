import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite names every built file in assets/ after its content, so a browser may keep it for good. */
const HASHED_ASSET = `${path.sep}assets${path.sep}`;

/**
 * The page of the build an address outside the build's files opens: a unit's link,
 * /receive/<token>, opens the unit's own small page (receive.html, no login); every other
 * address the admin (index.html), whose hash router reads the rest.
 */
export function pageFor(requestPath: string): '/receive.html' | '/index.html' {
  return requestPath.startsWith('/receive/') ? '/receive.html' : '/index.html';
}

/**
 * The admin (the Vite build in `dir`) at `/`. Its files were compressed when it was built (brotli
 * and gzip, vite.config.mts), so they go out compressed as the browser asks without costing the
 * API any CPU per request; the hashed files under /assets are cached for a year, index.html is
 * checked every time so a new build is picked up at once. Any other GET outside /api is a page:
 * /receive/* the unit's page (receive.html), the rest the app (index.html), as before with
 * @nestjs/serve-static. API answers are never compressed: on the
 * local network they are small, and gzip would cost CPU on every save.
 */
export function serveAdmin(app: NestExpressApplication, dir: string): void {
  const files = expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    serveStatic: {
      setHeaders(response: ServerResponse, file: string) {
        response.setHeader('Cache-Control', file.includes(HASHED_ASSET) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  });
  const isApi = (request: Request) => request.path === '/api' || request.path.startsWith('/api/');
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (isApi(request) || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    files(request, response, () => {
      // Not a file of the build: the page for the address (the app's router, or a unit's link, reads the rest).
      if (request.path.startsWith('/assets/')) return next();
      request.url = pageFor(request.path);
      files(request, response, next);
    });
  });
}
