import { basename } from 'node:path';
import type { Endpoint } from '../../shared/targetSpec';

/** Where Node opens its inspector when nothing on its command line says otherwise. */
export const DEFAULT_INSPECTOR: Endpoint = { host: '127.0.0.1', port: 9229 };

/** True for a path or argv[0] naming a Node binary (`node`, `nodejs`, `/usr/bin/node`). */
export function isNodeExecutable(path: string): boolean {
  return /^node(js)?$/i.test(basename(path.replace(/ \(deleted\)$/, '')));
}

// Node options that take their value as the next argument; the rest use `=` or take none.
const VALUE_OPTIONS = new Set([
  '-r', '--require', '--import', '--loader', '--experimental-loader', '-C', '--conditions',
  '--inspect-port', '--debug-port', '--title', '--env-file', '--input-type', '--stack-size',
]);
const CODE_OPTIONS = new Set(['-e', '--eval', '-p', '--print']);

/** Where a process's inspector listens or will listen, read from its Node options. */
export interface InspectorAddress extends Endpoint {
  /** Started with `--inspect`, `--inspect-brk` or `--inspect-wait`: open from the start. */
  openAtStart: boolean;
}

/**
 * Where SIGUSR1 will open this process's inspector: `--inspect-port`, `--inspect`,
 * `--inspect-brk`, `--inspect-wait` or `--debug-port` among its Node options (options in
 * NODE_OPTIONS come first, the command line wins), else 127.0.0.1:9229. Arguments after the
 * script belong to the script and are ignored. Port 0 means "any free port".
 */
export function inspectorAddressOf(argv: string[], nodeOptions = ''): InspectorAddress {
  const options = [...splitNodeOptions(nodeOptions), ...nodeOptionsOf(argv.slice(1))];
  let address: Endpoint = DEFAULT_INSPECTOR;
  let openAtStart = false;
  for (let i = 0; i < options.length; i++) {
    const [name = '', inline] = splitOption(options[i] ?? '');
    if (!/^--(inspect(-brk|-wait)?|inspect-port|debug-port)$/.test(name)) continue;
    if (name.startsWith('--inspect') && name !== '--inspect-port') openAtStart = true;
    const takesNext = (name === '--inspect-port' || name === '--debug-port') && inline === undefined;
    const value = takesNext ? options[++i] : inline;
    if (value !== undefined) address = parseHostPort(value, address);
  }
  return { ...address, openAtStart };
}

/** The leading Node options of `node [options] script args`, with values of value options. */
function nodeOptionsOf(args: string[]): string[] {
  const options: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--' || !arg.startsWith('-')) break;
    options.push(arg);
    const [name = '', inline] = splitOption(arg);
    if (CODE_OPTIONS.has(name)) break;
    if (VALUE_OPTIONS.has(name) && inline === undefined && i + 1 < args.length) options.push(args[++i] ?? '');
  }
  return options;
}

function splitOption(option: string): [string, string | undefined] {
  const equals = option.indexOf('=');
  return equals < 0 ? [option, undefined] : [option.slice(0, equals), option.slice(equals + 1)];
}

function splitNodeOptions(text: string): string[] {
  return text.split(/\s+/).filter((part) => part !== '');
}

/** `[host:]port` as Node reads it for its inspector flags; a bare host keeps the port. */
function parseHostPort(value: string, previous: Endpoint): Endpoint {
  if (/^\d+$/.test(value)) return { host: previous.host, port: Number(value) };
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(value);
  if (match) return { host: match[1] || previous.host, port: Number(match[2]) };
  return { host: value, port: previous.port };
}
