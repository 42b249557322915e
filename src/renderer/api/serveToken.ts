/** Where the `serve` mode's token is kept for the tab's life, so a reload keeps working. */
export const SERVE_TOKEN_STORAGE_KEY = 'heapdeck.serveToken';

export interface ServeTokenLookup {
  token: string | null;
  /** True when the token came from the URL, which should then be cleaned of it. */
  fromHash: boolean;
}

/**
 * The token `heapdeck serve` prints in its URL (`#token=…`) wins over a stored one, since
 * each serve run makes a new token; without one in the URL the tab's stored token is used.
 */
export function findServeToken(hash: string, storedToken: string | null): ServeTokenLookup {
  const fromUrl = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  if (fromUrl) return { token: fromUrl, fromHash: true };
  return { token: storedToken || null, fromHash: false };
}

/** The WebSocket address of the `serve` mode, on the host that served this page. */
export function serveSocketUrl(host: string, token: string): string {
  return `ws://${host}/rpc?token=${encodeURIComponent(token)}`;
}
