// C0 and C1 controls except tab, plus DEL: invisible or layout-breaking in a report.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/**
 * Shows control characters as `\uXXXX` text: a heap string's newline must not end a table row,
 * and an invisible byte should not hide in a class name.
 */
export function showControlCharacters(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
