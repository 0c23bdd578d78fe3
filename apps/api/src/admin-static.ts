import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Vite names every built file in assets/ after its content, so a browser may keep it for good. */
const HASHED_ASSET = `${path.sep}assets${path.sep}`;

/**
 * The admin (the Vite build in `dir`) at `/`. Its files were compressed when it was built (brotli
 * and gzip, vite.config.mts), so they go out compressed as the browser asks without costing the
 * API any CPU per request; the hashed files under /assets are cached for a year, index.html is
 * checked every time so a new build is picked up at once. Any other GET outside /api is the app
 * (index.html), as before with @nestjs/serve-static. API answers are never compressed: on the
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
      // Not a file of the build: the app's page, whose router reads the address.
      if (request.path.startsWith('/assets/')) return next();
      request.url = '/index.html';
      files(request, response, next);
    });
  });
}
