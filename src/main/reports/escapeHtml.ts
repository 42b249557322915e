import { showControlCharacters } from './controlCharacters';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML element content or a quoted attribute value. Heap strings are attacker-controlled
 * (any page can name a class `<script>`), so every string from a snapshot or a target goes
 * through this, never straight into the markup.
 */
export function escapeHtml(text: string): string {
  return showControlCharacters(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}
