import type { AlertSettings } from '../../../shared/model/metrics';

/** The settings as typed: strings, in the units people think in (percent, MB). */
export interface AlertSettingsForm {
  warningPercent: string;
  criticalPercent: string;
  leakWindow: string;
  leakMinConfidence: string;
  leakMinGrowthMb: string;
}

export type AlertSettingsFormErrors = Partial<Record<keyof AlertSettingsForm, string>>;

const MB = 1024 * 1024;

const round = (value: number, digits: number): string => String(Number(value.toFixed(digits)));

export function alertSettingsToForm(settings: AlertSettings): AlertSettingsForm {
  return {
    warningPercent: round(settings.warningShare * 100, 2),
    criticalPercent: round(settings.criticalShare * 100, 2),
    leakWindow: String(settings.leakWindow),
    leakMinConfidence: round(settings.leakMinConfidence, 3),
    leakMinGrowthMb: round(settings.leakMinGrowthBytes / MB, 3),
  };
}

/**
 * Checks the form with the same rules Heapdeck applies, so mistakes show beside the field
 * before saving; the service still has the last word.
 */
export function alertSettingsFromForm(
  form: AlertSettingsForm,
): { ok: true; settings: AlertSettings } | { ok: false; errors: AlertSettingsFormErrors } {
  const errors: AlertSettingsFormErrors = {};
  const number = (field: keyof AlertSettingsForm): number => {
    const text = form[field].trim();
    return text === '' ? NaN : Number(text);
  };

  const warning = number('warningPercent');
  const critical = number('criticalPercent');
  const leakWindow = number('leakWindow');
  const confidence = number('leakMinConfidence');
  const growthMb = number('leakMinGrowthMb');

  if (!(warning > 0 && warning <= 100)) errors.warningPercent = 'Enter a percentage above 0 and up to 100.';
  if (!(critical > 0 && critical <= 100)) errors.criticalPercent = 'Enter a percentage above 0 and up to 100.';
  if (!errors.warningPercent && !errors.criticalPercent && warning > critical) {
    errors.warningPercent = 'The warning level must not be above the critical level.';
  }
  if (!(Number.isInteger(leakWindow) && leakWindow >= 3 && leakWindow <= 100)) errors.leakWindow = 'Enter a whole number of GCs from 3 to 100.';
  if (!(confidence >= 0 && confidence <= 1)) errors.leakMinConfidence = 'Enter a number from 0 to 1 (R² of the trend).';
  if (!(growthMb >= 0 && Number.isFinite(growthMb))) errors.leakMinGrowthMb = 'Enter zero or more megabytes.';

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      warningShare: warning / 100,
      criticalShare: critical / 100,
      leakWindow,
      leakMinConfidence: confidence,
      leakMinGrowthBytes: Math.round(growthMb * MB),
    },
  };
}
