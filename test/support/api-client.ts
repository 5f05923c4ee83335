// A thin client over the app's inject for tests that drive whole sessions through the API.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Harness } from './harness.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export function apiClient(h: Harness) {
  return async function call(method: Method, url: string, token: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return h.app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${token}`, ...headers } });
  };
}

/** Asserts the status, showing the body when it differs, and returns the parsed body. */
export function expectStatus<T = Record<string, any>>(res: LightMyRequestResponse, status: number): T {
  expect(res.statusCode, `${res.statusCode} ${res.body}`).toBe(status);
  return res.json<T>();
}
