import { describe, expect, it } from 'vitest';
import { basePathsOf, createOperationMatcher } from './index.js';

const matcher = createOperationMatcher({
  operations: [
    { method: 'GET', path: '/orders/{id}', operation: 'GET /orders/{id}' },
    { method: 'GET', path: '/orders/mine', operation: 'GET /orders/mine' },
    { method: 'POST', path: '/orders/mine/archive', operation: 'POST /orders/mine/archive' },
    { method: 'GET', path: '/orders/{id}/archive', operation: 'GET /orders/{id}/archive' },
    { method: 'GET', path: '/reports/{name}.csv', operation: 'GET /reports/{name}.csv' },
    { method: 'GET', path: '/', operation: 'GET /' },
  ],
  basePaths: ['/api/v1', '/'],
});

describe('createOperationMatcher', () => {
  it('prefers a literal segment to a parameter', () => {
    expect(matcher.match('GET', '/orders/mine')).toEqual({ operation: 'GET /orders/mine', params: {} });
    expect(matcher.match('GET', '/orders/42')).toEqual({ operation: 'GET /orders/{id}', params: { id: '42' } });
  });

  it('falls back to a parameter when the literal path lacks the method', () => {
    expect(matcher.match('GET', '/orders/mine/archive')).toEqual({ operation: 'GET /orders/{id}/archive', params: { id: 'mine' } });
  });

  it('strips the servers\u2019 base path and decodes parameters', () => {
    expect(matcher.match('get', '/api/v1/orders/a%20b')).toEqual({ operation: 'GET /orders/{id}', params: { id: 'a b' } });
    expect(matcher.match('GET', '/api/v1')).toEqual({ operation: 'GET /', params: {} });
  });

  it('matches a parameter inside a segment', () => {
    expect(matcher.match('GET', '/reports/sales.csv')).toEqual({ operation: 'GET /reports/{name}.csv', params: { name: 'sales' } });
  });

  it('answers HEAD with the GET operation and nothing for an undocumented path or method', () => {
    expect(matcher.match('HEAD', '/orders/1')?.operation).toBe('GET /orders/{id}');
    expect(matcher.match('DELETE', '/orders/1')).toBeUndefined();
    expect(matcher.match('GET', '/orders/1/2/3')).toBeUndefined();
    expect(matcher.match('GET', '/orders/')).toBeUndefined();
  });

  it('reads base paths from server URLs with variables and from Swagger', () => {
    expect(basePathsOf({ servers: [{ url: 'https://x.example.com/api/{v}', variables: { v: { default: 'v2' } } }, { url: '/relative' }] })).toEqual(['/api/v2', '/relative']);
    expect(basePathsOf({ swagger: '2.0', basePath: '/legacy' })).toEqual(['/legacy']);
  });
});
