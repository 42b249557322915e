import { basename, resolve } from 'node:path';
import { HeapdeckError } from '../../../shared/contract/errors';
import type { AttachRequest } from '../../../shared/model/targets';
import { splitCommandWords } from './commandWords';

type LaunchRequest = Extract<AttachRequest, { by: 'launch' }>;

const NODE_BINARY = /^node(\.exe)?$/i;
const SCRIPT_FILE = /\.[cm]?js$/i;
const ENVIRONMENT_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
// Heapdeck opens the inspector itself (paused on a free port); a second one would fight it.
const INSPECTOR_FLAG = /^--(inspect|debug)/;
// Node flags that run no script file, or restart it under Heapdeck's feet.
const NO_SCRIPT_FLAGS = new Set([
  ...['-e', '--eval', '-p', '--print', '-i', '--interactive', '-c', '--check', '--test', '--run'],
  ...['-v', '--version', '-h', '--help', '--watch', '--watch-path'],
]);
// Node flags whose value may follow as the next word; every other flag's value goes after `=`.
const FLAGS_WITH_VALUE = new Set([
  ...['-r', '--require', '--import', '--loader', '--experimental-loader'],
  ...['-C', '--conditions', '--env-file', '--title', '--input-type'],
]);

const ACCEPTED = 'Give the Node command that starts the app, "node [node flags] script.js [args]" or "script.js [args]"';

/**
 * Reads `--launch "<command>"` into a launch request: `node [flags] script [args]` (a path to a
 * node binary picks that binary) or a bare `script.js [args]`. Anything else (`npm start`, a
 * shell line) is refused with what to do instead, since only a Node script can be launched
 * under the inspector.
 */
export function parseLaunchCommand(text: string, cwd: string): LaunchRequest {
  const split = splitCommandWords(text);
  const invalid = (why: string) => new HeapdeckError('INVALID_ARGUMENT', `--launch "${text}": ${why}`);
  if ('problem' in split) throw invalid(`${split.problem} ${ACCEPTED}, or start the app yourself and use --target.`);
  const [first, ...rest] = split.words;
  if (first === undefined) throw invalid(`the command is empty. ${ACCEPTED}.`);
  if (ENVIRONMENT_ASSIGNMENT.test(first)) {
    throw invalid(`set environment variables for heapdeck itself (e.g. "${first} npx heapdeck check ..."): the app inherits them.`);
  }
  if (SCRIPT_FILE.test(first)) return { by: 'launch', script: first, args: rest, cwd };
  if (!NODE_BINARY.test(basename(first))) {
    throw invalid(
      `"${first}" is not node or a .js script. ${ACCEPTED}: e.g. for "npm start", the command in package.json's "scripts" ` +
        `("node server.js"); or start the app yourself and use --target.`,
    );
  }
  const nodePath = first.includes('/') || first.includes('\\') ? { nodePath: resolve(cwd, first) } : {};
  const { nodeArgs, script, args } = readNodeArguments(rest, invalid);
  return { by: 'launch', script, args, nodeArgs, cwd, ...nodePath };
}

function readNodeArguments(words: string[], invalid: (why: string) => HeapdeckError): { nodeArgs: string[]; script: string; args: string[] } {
  const nodeArgs: string[] = [];
  let index = 0;
  for (; index < words.length; index++) {
    const word = words[index]!;
    if (word === '--') {
      index += 1;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    const name = word.split('=', 1)[0]!;
    if (INSPECTOR_FLAG.test(name)) throw invalid(`leave out ${name}: Heapdeck opens the inspector itself.`);
    if (NO_SCRIPT_FLAGS.has(name)) throw invalid(`${name} does not run a script file the way a check needs. ${ACCEPTED}.`);
    nodeArgs.push(word);
    if (FLAGS_WITH_VALUE.has(word)) {
      const value = words[++index];
      if (value === undefined) throw invalid(`${word} needs a value.`);
      nodeArgs.push(value);
    }
  }
  const script = words[index];
  if (script === undefined || script === '-') throw invalid(`no script to run. ${ACCEPTED}.`);
  return { nodeArgs, script, args: words.slice(index + 1) };
}
