interface HeapLimitToggleProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function HeapLimitToggle({ checked, onChange }: HeapLimitToggleProps) {
  return (
    <label className="toggle" title="The heap limit is often far above heap used; showing it flattens the other lines">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} data-testid="show-heap-limit" />
      Show heap limit
    </label>
  );
}
