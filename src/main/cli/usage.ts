export const USAGE = `Heapdeck — watch the memory of Node apps and Chrome tabs.

Usage:
  heapdeck targets [--endpoint host:port]... [--json]
      Node processes on this machine and the targets of inspector endpoints
      (127.0.0.1:9229 and 127.0.0.1:9222 are always asked).
  heapdeck watch <target> [--tab <match>] [--interval 1s] [--duration 30s] [--json]
      Sample a target's memory until --duration ends or Ctrl-C. With --json, one JSON
      object per line on stdout: {"type":"sample"|"gc"|"alert", ...}.
      Every sample is also recorded in a session folder (printed at start).
  heapdeck gc <target> [--tab <match>]
      Force a full garbage collection and print what it freed.
  heapdeck snapshot <target> [--tab <match>] -o <file.heapsnapshot> [--no-gc] [--analyze]
      Stream a heap snapshot of the target to a file (a full GC runs first unless
      --no-gc). Ctrl-C cancels and deletes the partial file. --analyze analyses it
      while it streams and prints what "heapdeck analyze" prints.
  heapdeck analyze <file.heapsnapshot> [--top 20] [--json]
      Parse and analyse a snapshot in a worker thread: totals, memory by kind, the
      classes and objects that retain the most (DevTools' retained sizes).
  heapdeck snapshots [--json]
      The snapshot library: snapshots taken in sessions and files imported or opened
      before, newest first, with size, object count and heap total once analysed.
  heapdeck serve [file.heapsnapshot] [--port N]
      Open the Heapdeck UI in a browser: 127.0.0.1 only, with a per-launch token;
      with a file, the UI opens it in the snapshot explorer.

<target> is one of:
  pid:<n>            a running Node process (Heapdeck sends SIGUSR1 to open its inspector)
  ws://host:port/id  a debugger WebSocket URL
  host:port | port   an inspector endpoint; for Chrome, --tab picks a tab by URL part or id

Exit codes: 0 ok, 1 other error, 2 usage error, 3 target unreachable or detached.
`;
