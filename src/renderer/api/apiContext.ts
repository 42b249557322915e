import { createContext } from 'react';
import type { Connection } from './connection';

export const ConnectionContext = createContext<Connection | null>(null);
