// The web application (web/, built by Vite into web/dist) is served by the API's own server under
// /app/: same origin, so the browser's session cookie and the events stream need no CORS. Its
// pages get a policy that allows this server's scripts and styles only; the API keeps its own.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../context.ts';
import { ProblemError } from '../problems.ts';

export const webAppPath = '/app/';

const pagePolicy = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'",
  "font-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'",
].join('; ');

/** A browser opening a page (not a script asking for JSON): it is sent to the application. */
function isNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET') return false;
  if (request.headers['sec-fetch-dest'] === 'document') return true;
  const accept = request.headers.accept ?? '';
  return accept.startsWith('text/html');
}

// The links the engine prints (the convocation's "consultable dans l'application") name the
// session's own address: a person who opens one lands on the session's page.
const sessionPage = /^\/sessions\/([0-9a-fA-F-]{36})\/?(?:\?.*)?$/;

export async function registerWebApp(app: App, distDir: string | undefined): Promise<void> {
  const root = distDir && existsSync(join(distDir, 'index.html')) ? distDir : undefined;
  if (root) await app.register(fastifyStatic, { root, serve: false });

  app.addHook('onRequest', async (request, reply) => {
    const session = sessionPage.exec(request.url);
    if (session && isNavigation(request)) await reply.redirect(`${webAppPath}sessions/${session[1]}`, 303);
  });

  const page = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (!root) {
      throw new ProblemError({
        status: 503, code: 'web_application_not_built', title: 'Service unavailable',
        detail: 'the web application is not built here: run `npm run build:web` (npm start does it)', rule: 'web_application_built',
      });
    }
    return reply.header('content-security-policy', pagePolicy).sendFile('index.html', { cacheControl: false });
  };
  const options = { config: { public: true }, schema: { hide: true } } as const;
  app.get('/', options, async (_request, reply) => reply.redirect(webAppPath, 302));
  app.get('/app', options, async (_request, reply) => reply.redirect(webAppPath, 302));
  app.get('/app/', options, page);
  app.get('/app/*', options, async (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const path = request.params['*'];
    // Hashed by the build, so a version is kept as long as a browser likes.
    if (root && path.startsWith('assets/') && !path.includes('..') && existsSync(join(root, path))) {
      return reply.sendFile(path, { maxAge: 365 * 24 * 60 * 60 * 1000, immutable: true });
    }
    return page(request, reply);
  });
}
