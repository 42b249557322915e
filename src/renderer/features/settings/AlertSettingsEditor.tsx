import { useState, type FormEvent } from 'react';
import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '../../../shared/model/metrics';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAsyncAction } from '../../components/useAsyncAction';
import { alertSettingsFromForm, alertSettingsToForm, type AlertSettingsForm, type AlertSettingsFormErrors } from './alertSettingsForm';
import { SettingField } from './SettingField';

interface AlertSettingsEditorProps {
  settings: AlertSettings;
  onSave: (settings: AlertSettings) => Promise<AlertSettings>;
}

const FIELDS: { key: keyof AlertSettingsForm; id: string; label: string; unit?: string; step: string; hint: string }[] = [
  { key: 'warningPercent', id: 'setting-warning-share', label: 'Warning level', unit: '% of heap limit', step: '1', hint: 'A warning when heap used passes this share of the heap limit.' },
  { key: 'criticalPercent', id: 'setting-critical-share', label: 'Critical level', unit: '% of heap limit', step: '1', hint: 'A critical alert, which stays on screen until dismissed.' },
  { key: 'leakWindow', id: 'setting-leak-window', label: 'Leak window', unit: 'GCs', step: '1', hint: 'How many post-GC heap baselines the leak trend is fitted on.' },
  { key: 'leakMinConfidence', id: 'setting-leak-min-confidence', label: 'Minimum confidence', unit: 'R², 0–1', step: '0.05', hint: 'How well the baselines must fit a rising line to count as a trend.' },
  { key: 'leakMinGrowthMb', id: 'setting-leak-min-growth', label: 'Minimum growth', unit: 'MB', step: '0.5', hint: 'How much the baseline must rise over the window, so small noise is not a leak.' },
];

export function AlertSettingsEditor({ settings, onSave }: AlertSettingsEditorProps) {
  const [form, setForm] = useState(() => alertSettingsToForm(settings));
  const [errors, setErrors] = useState<AlertSettingsFormErrors>({});
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const save = useAsyncAction(async (next: AlertSettings) => {
    const saved = await onSave(next);
    setForm(alertSettingsToForm(saved));
    setSavedAt(Date.now());
  });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = alertSettingsFromForm(form);
    setErrors(parsed.ok ? {} : parsed.errors);
    setSavedAt(null);
    if (parsed.ok) void save.run(parsed.settings);
  };

  const edit = (key: keyof AlertSettingsForm, value: string): void => {
    setForm((current) => ({ ...current, [key]: value }));
    setSavedAt(null);
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate>
      {FIELDS.map((field) => (
        <SettingField
          key={field.key}
          id={field.id}
          label={field.label}
          unit={field.unit}
          step={field.step}
          hint={field.hint}
          value={form[field.key]}
          error={errors[field.key]}
          onChange={(value) => edit(field.key, value)}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={save.pending} data-testid="settings-save">
          {save.pending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="btn ghost" onClick={() => setForm(alertSettingsToForm(DEFAULT_ALERT_SETTINGS))}>
          Restore defaults
        </button>
        {savedAt !== null && (
          <span className="ok-text" role="status" data-testid="settings-saved">
            Saved. New thresholds apply to every watch.
          </span>
        )}
      </div>
      {save.error && <ErrorNotice error={save.error} title="Could not save" onDismiss={save.clearError} />}
    </form>
  );
}
