export const VIEWS = [
  { id: 'targets', label: 'Targets' },
  { id: 'watches', label: 'Watches' },
  { id: 'snapshots', label: 'Snapshots' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];
