import { describe, expect, it } from 'vitest';
import { edgeLabel, objectLabel } from '../../src/renderer/features/snapshots/explorer/heapLabels';
import { launchSnapshotHash, launchSnapshotPath } from '../../src/shared/launchSnapshot';

describe('edge and object labels', () => {
  it('reads references the way code reads', () => {
    expect(edgeLabel({ type: 'property', name: 'cache' }).text).toBe('.cache');
    expect(edgeLabel({ type: 'element', name: '42' }).text).toBe('[42]');
    expect(edgeLabel({ type: 'context', name: 'entries' })).toMatchObject({ text: 'entries', muted: false });
    expect(edgeLabel({ type: 'internal', name: 'map' }).muted).toBe(true);
    expect(edgeLabel({ type: 'weak', name: 'key' }).text).toBe('key (weak)');
  });

  it('shows strings quoted and cut, closures as calls, other objects by class', () => {
    expect(objectLabel({ type: 'string', name: 'a"b', className: '(string)' })).toBe('"a\\"b"');
    expect(objectLabel({ type: 'string', name: 'x'.repeat(500), className: '(string)' }).length).toBeLessThan(130);
    expect(objectLabel({ type: 'closure', name: 'onData', className: '(closure)' })).toBe('onData()');
    expect(objectLabel({ type: 'closure', name: '', className: '(closure)' })).toBe('(anonymous)()');
    expect(objectLabel({ type: 'object', name: 'LeakyCache', className: 'LeakyCache' })).toBe('LeakyCache');
    expect(objectLabel({ type: 'native', name: 'Detached <div>', className: 'Detached <div>' })).toBe('Detached <div>');
  });
});

describe('launch snapshot in the URL fragment', () => {
  it('round-trips any path next to the serve token', () => {
    const path = '/tmp/my snaps/a&b#c.heapsnapshot';
    expect(launchSnapshotPath(`#token=abc&${launchSnapshotHash(path)}`)).toBe(path);
    expect(launchSnapshotPath('#token=abc')).toBeUndefined();
  });
});
