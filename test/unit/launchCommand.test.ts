import { describe, expect, it } from 'vitest';
import { parseLaunchCommand } from '../../src/main/cli/check/launchCommand';
import { splitCommandWords } from '../../src/main/cli/check/commandWords';

const CWD = '/srv/app';

describe('heapdeck check --launch', () => {
  it('splits words like a shell: quotes, escaped spaces, Windows backslashes kept', () => {
    expect(splitCommandWords(`node  "my app.js" 'a "b"' c\\ d "e \\"f\\""`)).toEqual({ words: ['node', 'my app.js', 'a "b"', 'c d', 'e "f"'] });
    expect(splitCommandWords('node C:\\srv\\app.js')).toEqual({ words: ['node', 'C:\\srv\\app.js'] });
    expect(splitCommandWords(`node ''`)).toEqual({ words: ['node', ''] });
    expect(splitCommandWords('node "app.js')).toEqual({ problem: 'a " quote is not closed.' });
    expect(splitCommandWords('node app.js > log')).toMatchObject({ problem: expect.stringMatching(/^">" is shell syntax/) });
    expect(splitCommandWords('node "$HOME/app.js"')).toMatchObject({ problem: expect.stringMatching(/shell expansion/) });
    expect(splitCommandWords("node '$literal' '|'")).toEqual({ words: ['node', '$literal', '|'] });
  });

  it('reads node, its flags (with separate values where Node allows them), the script and its args', () => {
    expect(parseLaunchCommand('node --max-old-space-size=512 -r dotenv/config --import ./tracing.mjs server.js --port 3000', CWD)).toEqual({
      by: 'launch',
      nodeArgs: ['--max-old-space-size=512', '-r', 'dotenv/config', '--import', './tracing.mjs'],
      script: 'server.js',
      args: ['--port', '3000'],
      cwd: CWD,
    });
    expect(parseLaunchCommand('node -- -weird-name.js x', CWD)).toMatchObject({ nodeArgs: [], script: '-weird-name.js', args: ['x'] });
    expect(parseLaunchCommand('bin/node22/node app', CWD)).toMatchObject({ nodePath: '/srv/app/bin/node22/node', script: 'app' });
  });

  it('takes a bare .js, .mjs or .cjs script with its args', () => {
    expect(parseLaunchCommand('dist/server.mjs --verbose', CWD)).toEqual({ by: 'launch', script: 'dist/server.mjs', args: ['--verbose'], cwd: CWD });
  });

  it.each([
    ['npm start', /"npm" is not node or a \.js script.*"npm start".*--target/],
    ['PORT=3000 node app.js', /set environment variables for heapdeck itself/],
    ['node --inspect=9229 app.js', /leave out --inspect: Heapdeck opens the inspector itself/],
    ['node -e "leak()"', /-e does not run a script file/],
    ['node --watch app.js', /--watch does not run a script file/],
    ['node --max-old-space-size=512', /no script to run/],
    ['node -r', /-r needs a value/],
    ['   ', /the command is empty/],
  ])('refuses %j', (command, message) => {
    expect(() => parseLaunchCommand(command, CWD)).toThrow(message);
  });
});
