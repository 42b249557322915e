export const VIEWS = [
  { id: 'targets', label: 'Targets' },
  { id: 'watches', label: 'Watches' },
  { id: 'sessions', label: 'Sessions' },
  { id: 'settings', label: 'Settings' },
] as const;

export type ViewId = (typeof VIEWS)[number]['id'];
