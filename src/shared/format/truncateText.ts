/** Shortens untrusted text (titles, URLs, command lines) for one line of UI or terminal. */
export function truncateText(text: string, maxLength: number): string {
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
