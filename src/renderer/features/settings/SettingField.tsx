interface SettingFieldProps {
  id: string;
  label: string;
  hint: string;
  unit?: string;
  value: string;
  error: string | undefined;
  step: string;
  onChange: (value: string) => void;
}

/** One numeric setting with its explanation and, when invalid, why. */
export function SettingField({ id, label, hint, unit, value, error, step, onChange }: SettingFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="setting">
      <label htmlFor={id}>{label}</label>
      <div className="setting-input">
        <input
          id={id}
          className="input"
          type="number"
          inputMode="decimal"
          step={step}
          value={value}
          aria-invalid={error !== undefined}
          aria-describedby={error ? `${errorId} ${hintId}` : hintId}
          onChange={(event) => onChange(event.target.value)}
          data-testid={id}
        />
        {unit && <span className="unit">{unit}</span>}
      </div>
      <p id={hintId} className="hint">
        {hint}
      </p>
      {error && (
        <p id={errorId} className="field-error" data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
