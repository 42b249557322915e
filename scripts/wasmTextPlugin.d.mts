import type { Plugin } from 'vite';

export function wasmText(): Plugin;
