import { describe, expect, it } from 'vitest';
import { HeapdeckError } from '../../src/shared/contract/errors';
import { formatEndpoint, parseDebuggerUrl, parseEndpoint, parseTargetSpec } from '../../src/shared/targetSpec';

function errorOf(run: () => unknown): HeapdeckError {
  try {
    run();
  } catch (error) {
    if (error instanceof HeapdeckError) return error;
    throw error;
  }
  throw new Error('expected a HeapdeckError');
}

describe('parseTargetSpec', () => {
  it('reads pid:<n>', () => {
    expect(parseTargetSpec('pid:4242')).toEqual({ by: 'pid', pid: 4242 });
    expect(parseTargetSpec(' PID:7 ')).toEqual({ by: 'pid', pid: 7 });
  });

  it('reads ws:// and wss:// debugger URLs', () => {
    const url = 'ws://127.0.0.1:9229/9a0e9af1-6819-46bc-be27-6fb2368a308f';
    expect(parseTargetSpec(url)).toEqual({ by: 'url', url });
    expect(parseTargetSpec('wss://example.test/devtools/page/ABC')).toEqual({ by: 'url', url: 'wss://example.test/devtools/page/ABC' });
  });

  it('reads host:port, a bare port and a pasted http:// endpoint, with a tab as match', () => {
    expect(parseTargetSpec('127.0.0.1:9229')).toEqual({ by: 'endpoint', endpoint: '127.0.0.1:9229' });
    expect(parseTargetSpec('9222', 'github.com')).toEqual({ by: 'endpoint', endpoint: '127.0.0.1:9222', match: 'github.com' });
    expect(parseTargetSpec('localhost:9222', '  ')).toEqual({ by: 'endpoint', endpoint: 'localhost:9222' });
    expect(parseTargetSpec('http://localhost:9222/json/list')).toEqual({ by: 'endpoint', endpoint: 'localhost:9222' });
    expect(parseTargetSpec('[::1]:9229')).toEqual({ by: 'endpoint', endpoint: '[::1]:9229' });
  });

  it.each([
    ['', /No target given/],
    ['pid:abc', /positive whole number/],
    ['pid:0', /positive whole number/],
    ['pid:-3', /positive whole number/],
    ['ftp://host:21', /is not a target.*pid:<n>/],
    ['ws://', /not a URL|no host/],
    ['localhost', /port is missing/],
    ['server.js', /'server\.js' is not a target: the port is missing\. Use pid:<n> .*, a ws:\/\/ or wss:\/\/ debugger URL, host:port/],
    ['host:99999', /outside 1-65535/],
    ['host:0', /outside 1-65535/],
    ['host:port', /'port' is not a port number/],
    ['::1:9229', /IPv6 host in brackets/],
    ['bad host:9229', /not a host name/],
  ])('rejects %j with a sentence that says what is accepted', (spec, message) => {
    const error = errorOf(() => parseTargetSpec(spec));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(message);
  });

  it('refuses a tab for targets that name one target already', () => {
    expect(errorOf(() => parseTargetSpec('pid:12', 'x')).message).toMatch(/only picks among the targets of a host:port/);
    expect(errorOf(() => parseTargetSpec('ws://127.0.0.1:1/x', 'x')).code).toBe('INVALID_ARGUMENT');
  });
});

describe('parseEndpoint and formatEndpoint', () => {
  it('says what is wrong with an endpoint', () => {
    expect(errorOf(() => parseEndpoint('box:abc')).message).toBe("'box:abc' is not an inspector endpoint: 'abc' is not a port number. Use host:port (e.g. 127.0.0.1:9229) or a bare port.");
  });

  it('round-trips IPv4, names and bracketed IPv6', () => {
    expect(parseEndpoint('9229')).toEqual({ host: '127.0.0.1', port: 9229 });
    expect(parseEndpoint('[::1]:9229')).toEqual({ host: '::1', port: 9229 });
    expect(formatEndpoint({ host: '::1', port: 9229 })).toBe('[::1]:9229');
    expect(formatEndpoint(parseEndpoint('my-box.local:9222'))).toBe('my-box.local:9222');
  });
});

describe('parseDebuggerUrl', () => {
  it('names what is wrong with a URL that is not ws:// or wss://', () => {
    expect(errorOf(() => parseDebuggerUrl('http://127.0.0.1:9229/abc')).message).toMatch(/starts with http:\/\/ instead of ws:\/\//);
    expect(errorOf(() => parseDebuggerUrl('not a url')).message).toMatch(/is not a URL/);
    expect(parseDebuggerUrl(' ws://[::1]:9229/abc ')).toBe('ws://[::1]:9229/abc');
  });
});
