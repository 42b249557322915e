interface ChoiceSelectProps<V extends string> {
  value: V;
  choices: readonly { value: V; label: string }[];
  onChange(value: V): void;
  label: string;
  testId?: string;
  disabled?: boolean;
  title?: string;
}

/** A select over a fixed list of labelled values. */
export function ChoiceSelect<V extends string>({ value, choices, onChange, label, testId, disabled, title }: ChoiceSelectProps<V>) {
  return (
    <select
      className="input"
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.target.value as V)}
      disabled={disabled}
      title={title}
      data-testid={testId}
    >
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
