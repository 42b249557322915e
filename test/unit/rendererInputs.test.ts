import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../../src/shared/model/metrics';
import { reconnectDelayMs } from '../../src/renderer/api/connectionStatus';
import { findServeToken, serveSocketUrl } from '../../src/renderer/api/serveToken';
import { splitArgs } from '../../src/renderer/features/targets/launchArgs';
import { alertSettingsFromForm, alertSettingsToForm } from '../../src/renderer/features/settings/alertSettingsForm';

describe('launch arguments', () => {
  it('splits on spaces but keeps quoted words together', () => {
    expect(splitArgs(`--port 8080  --name "two words" 'it''s' ""`)).toEqual(['--port', '8080', '--name', 'two words', 'its', '']);
    expect(splitArgs('   ')).toEqual([]);
  });
});

describe('serve token', () => {
  it('prefers the token in the URL, since each serve run makes a new one', () => {
    expect(findServeToken('#token=new', 'old')).toEqual({ token: 'new', fromHash: true });
    expect(findServeToken('', 'old')).toEqual({ token: 'old', fromHash: false });
    expect(findServeToken('#other=1', null)).toEqual({ token: null, fromHash: false });
  });

  it('encodes the token into the socket address', () => {
    expect(serveSocketUrl('127.0.0.1:5000', 'a+b/c')).toBe('ws://127.0.0.1:5000/rpc?token=a%2Bb%2Fc');
  });

  it('backs off reconnects up to every 5 s', () => {
    expect([1, 2, 3, 4, 5, 10].map(reconnectDelayMs)).toEqual([500, 1000, 2000, 4000, 5000, 5000]);
  });
});

describe('alert settings form', () => {
  it('round-trips the settings through the form', () => {
    const parsed = alertSettingsFromForm(alertSettingsToForm(DEFAULT_ALERT_SETTINGS));
    expect(parsed).toEqual({ ok: true, settings: DEFAULT_ALERT_SETTINGS });
  });

  it('converts percent and megabytes', () => {
    const form = { warningPercent: '70', criticalPercent: '95', leakWindow: '8', leakMinConfidence: '0.9', leakMinGrowthMb: '2.5' };
    expect(alertSettingsFromForm(form)).toEqual({
      ok: true,
      settings: { warningShare: 0.7, criticalShare: 0.95, leakWindow: 8, leakMinConfidence: 0.9, leakMinGrowthBytes: 2.5 * 1024 * 1024 },
    });
  });

  it('names each invalid field', () => {
    const form = { warningPercent: '95', criticalPercent: '90', leakWindow: '2.5', leakMinConfidence: '1.2', leakMinGrowthMb: '' };
    const parsed = alertSettingsFromForm(form);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['leakMinConfidence', 'leakMinGrowthMb', 'leakWindow', 'warningPercent']);
    expect(parsed.errors.warningPercent).toMatch(/not be above the critical/);
  });
});
