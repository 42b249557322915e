import { HeapdeckError } from '../../../shared/contract/errors';
import type { SeriesAnalysis } from './analysis';
import { growingCollections } from './growingCollections';
import { growingListeners } from './growingListeners';

/** The analyses that follow objects across a series, by the finding kind they report. */
export const SERIES_ANALYSES = {
  'growing-collection': growingCollections,
  'growing-listeners': growingListeners,
} satisfies Record<string, SeriesAnalysis>;

export type SeriesKind = keyof typeof SERIES_ANALYSES;

/** The series analysis reporting `kind`; INVALID_ARGUMENT for any other name. */
export function seriesAnalysis(kind: string): SeriesAnalysis {
  if (!Object.hasOwn(SERIES_ANALYSES, kind)) {
    throw new HeapdeckError('INVALID_ARGUMENT', `There is no series analysis "${kind}"; use ${Object.keys(SERIES_ANALYSES).join(' or ')}.`);
  }
  return SERIES_ANALYSES[kind as SeriesKind];
}
