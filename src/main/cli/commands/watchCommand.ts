import { setTimeout as delay } from 'node:timers/promises';
import type { AttachRequest } from '../../../shared/model/targets';
import type { WatchStatusEvent } from '../../../shared/model/watches';
import type { CliContext } from '../cliContext';
import { EXIT } from '../exitCodes';
import { describeAlert, describeGc, describeSample } from '../sampleLine';

export interface WatchOptions {
  request: AttachRequest;
  intervalMs: number;
  durationMs?: number;
  json: boolean;
}

/** Samples until the duration ends, Ctrl-C, or the target goes away (exit 3). */
export async function watchCommand(context: CliContext, options: WatchOptions): Promise<number> {
  const { api } = context;
  const watch = await api.call('attach', { request: options.request, intervalMs: options.intervalMs });
  const mine = <T extends { watchId: string }>(handler: (event: T) => void) => (event: T) => {
    if (event.watchId === watch.watchId) handler(event);
  };
  const print = (type: string, text: string, event: object) =>
    options.json ? context.out(JSON.stringify({ type, ...event })) : context.out(text);
  const stops = [
    api.on('sample', mine((sample) => print('sample', describeSample(sample), sample))),
    api.on('gc', mine((gc) => print('gc', describeGc(gc), gc))),
    api.on('alert', mine((alert) => print('alert', describeAlert(alert), alert))),
    api.on('log', mine((line) => context.err(`[${line.stream}] ${line.text}`))),
  ];
  context.err(`Watching ${watch.target.title} (${watch.target.kind}${watch.target.pid ? `, pid ${watch.target.pid}` : ''}) every ${watch.intervalMs} ms.`);
  for (const note of watch.notes) context.err(`  ${note}`);
  context.err(`Recording to session ${watch.sessionId}.`);

  const ended = new Promise<WatchStatusEvent>((resolve) => {
    stops.push(api.on('watchStatus', mine((event: WatchStatusEvent) => resolve(event))));
  });
  const timeUp = options.durationMs === undefined ? new Promise<never>(() => undefined) : delay(options.durationMs);
  const outcome = await Promise.race([ended, timeUp.then(() => 'done' as const), context.interrupted.then(() => 'done' as const)]);
  stops.forEach((stop) => stop());

  if (outcome === 'done') {
    await api.call('detach', { watchId: watch.watchId });
    return EXIT.ok;
  }
  context.err(`Watch ended: ${outcome.status}${outcome.reason ? ` — ${outcome.reason}` : ''}. All samples are kept in the session.`);
  return outcome.status === 'detached' ? EXIT.ok : EXIT.target;
}
