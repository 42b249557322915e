import { get } from 'node:http';

/** `/json/list` of a busy browser is some KB; anything past this is not an inspector talking. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

export class HttpStatusError extends Error {}

/**
 * GETs a small text resource over plain HTTP. Not `fetch`: it refuses the WHATWG "bad ports"
 * (1, 6000, 6665-6669, 10080, ...), and an inspector may listen on any of them.
 */
export function httpGetText(url: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = get(url, { signal, headers: { accept: 'application/json' } }, (response) => {
      if ((response.statusCode ?? 0) < 200 || (response.statusCode ?? 0) >= 300) {
        response.resume();
        reject(new HttpStatusError(`HTTP ${response.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          request.destroy(new HttpStatusError('response too large'));
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}
