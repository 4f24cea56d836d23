// Edge safety: security headers with a strict CSP on every response, the write token, and
// read access (open on loopback by default, token-only when the server faces a network).
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError, errorResponse } from './errors.ts';

export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
};

/**
 * On a loopback server, refuses requests whose Host is not a loopback name: a web page that
 * re-points its own domain at 127.0.0.1 (DNS rebinding) cannot read the open API.
 */
export const loopbackHostOnly: MiddlewareHandler = async (c, next) => {
  const host = (c.req.header('host') ?? new URL(c.req.url).host).toLowerCase();
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?$/.test(host)) {
    throw new ApiError('forbidden', `host ${host} is not this loopback server`);
  }
  await next();
};

/** The token a request carries: `Authorization: Bearer T` or `X-Parallax-Token: T`. */
const presented = (auth: string | undefined, header: string | undefined) =>
  /^Bearer\s+(\S+)$/i.exec(auth ?? '')?.[1] ?? header ?? null;

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Refuses requests without the right token (401). With no token configured, every such request is refused. */
export function requireToken(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    const got = presented(c.req.header('authorization'), c.req.header('x-parallax-token'));
    if (!token)
      throw new ApiError('unauthorized', 'writes are disabled: start the server with PARALLAX_TOKEN set');
    if (!got || !sameSecret(got, token))
      throw new ApiError('unauthorized', 'missing or wrong token (Authorization: Bearer <PARALLAX_TOKEN>)');
    await next();
  };
}

/** Request bodies larger than `bytes` are refused with payload_too_large, before they are read. */
export const limitBody = (bytes: number): MiddlewareHandler =>
  bodyLimit({
    maxSize: bytes,
    onError: (c) =>
      errorResponse(c, new ApiError('payload_too_large', `request body is over ${bytes} bytes`)),
  });
