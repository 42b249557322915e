import { describe, expect, it } from 'vitest';
import { inspectorAddressOf, isNodeExecutable } from '../../src/main/targets/nodeCommandLine';

describe('isNodeExecutable', () => {
  it('knows node binaries by name, also after a package upgrade deleted the file', () => {
    for (const path of ['node', 'nodejs', '/usr/bin/node', '/root/.nvm/versions/node/v20.20.2/bin/node', '/usr/bin/node (deleted)']) {
      expect(isNodeExecutable(path), path).toBe(true);
    }
    for (const path of ['sleep', '/usr/bin/nodemon', 'electron', '/opt/node/bin/npm']) expect(isNodeExecutable(path), path).toBe(false);
  });
});

describe('inspectorAddressOf', () => {
  it('defaults to 127.0.0.1:9229, closed at start', () => {
    expect(inspectorAddressOf(['node', 'server.js'])).toEqual({ host: '127.0.0.1', port: 9229, openAtStart: false });
  });

  it('reads --inspect-port in both spellings, and --inspect host and port', () => {
    expect(inspectorAddressOf(['node', '--inspect-port=0', 'a.js']).port).toBe(0);
    expect(inspectorAddressOf(['node', '--inspect-port', '9333', 'a.js']).port).toBe(9333);
    expect(inspectorAddressOf(['node', '--inspect=0.0.0.0:9230', 'a.js'])).toEqual({ host: '0.0.0.0', port: 9230, openAtStart: true });
    expect(inspectorAddressOf(['node', '--inspect-brk=[::1]:9331', 'a.js'])).toMatchObject({ host: '::1', port: 9331 });
    expect(inspectorAddressOf(['node', '--inspect=9444', '--inspect-port=9555'])).toMatchObject({ host: '127.0.0.1', port: 9555, openAtStart: true });
  });

  it('reads NODE_OPTIONS first and lets the command line win', () => {
    expect(inspectorAddressOf(['node', 'a.js'], '--max-old-space-size=100 --inspect-port=0').port).toBe(0);
    expect(inspectorAddressOf(['node', '--inspect-port=7000', 'a.js'], '--inspect-port=0').port).toBe(7000);
  });

  it("ignores the script's own arguments and code given with -e", () => {
    expect(inspectorAddressOf(['node', 'app.js', '--inspect-port=1234']).port).toBe(9229);
    expect(inspectorAddressOf(['node', '-r', 'ts-node/register', 'app.ts', '--inspect=1']).port).toBe(9229);
    expect(inspectorAddressOf(['node', '-e', '--inspect-port=5', '--inspect-port=6']).port).toBe(9229);
    expect(inspectorAddressOf(['node', '--inspect-port=0', '-e', 'code']).port).toBe(0);
  });
});
