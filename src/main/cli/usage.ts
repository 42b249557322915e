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
  heapdeck diff <older.heapsnapshot> <newer.heapsnapshot> [--top 20] [--json]
      Compare two snapshots: per class new, deleted, delta count, shallow and
      retained size (objects matched by V8 id; by class name with a warning when
      the ids do not match), and the objects allocated in between grouped by
      retaining path.
  heapdeck leaks <baseline> <target> <final> [--json]
      MemLab-style leak candidates: objects allocated after the baseline, alive in
      the target and still in the final snapshot, noise filtered out, clustered by
      retaining path (10 000 leaked objects are one entry with a count and a path).
  heapdeck trend <file.heapsnapshot>... [--top 20] [--json]
      Three or more snapshots of one process, oldest first: the classes that grew
      (every time or overall) and the retaining paths holding more objects each
      time. Unreadable files are skipped with a message.
  heapdeck findings <file.heapsnapshot>... [--json] [--budget budgets.json]
      Automatic findings over a series of snapshots of one process, oldest first:
      growing collections and listeners (3 snapshots or more), duplicated strings,
      detached DOM trees, strings pinned by slices, closures holding memory, objects
      retaining a large share of the heap; most memory at stake first. Unreadable
      files are skipped with a message. --budget checks each snapshot against a JSON
      list of budgets, e.g. [{"kind":"totalHeap","maxBytes":50000000},
      {"kind":"classRetained","className":"Entry","maxBytes":1000000},
      {"kind":"growthPerSnapshot","maxBytes":1000000}].
  heapdeck report <file.heapsnapshot>... | <session folder> [--format html|json|md] -o <file>
      [--top 20] [--budget budgets.json]
      Write a report: one snapshot gives a snapshot report, two a comparison, three or
      more a trend with leak candidates; all with findings (and budgets with --budget).
      A session folder (~/.heapdeck/sessions/<id>) adds its memory timeline. HTML (the
      default) is one self-contained file with no script; JSON follows
      resources/heapdeck-report.schema.json; md is a summary for a pull request.
  heapdeck check --launch "node app.js" | --target <target> [--tab <match>]
      [--scenario load.js] [--snapshots 3] [--interval 10s] [--budget budgets.json]
      [--report <file.html|json|md>] [--format html|json|md] [--out-dir <dir>] [--json]
      The memory check for CI: launch a Node script (stopped at the end) or attach to a
      running target, take --snapshots snapshots each after a full GC, --interval apart,
      then run findings, leak candidates and budgets over them. --scenario is a Node
      script run before each snapshot (the first run is a warm-up before the baseline)
      to put load on the app; it gets HEAPDECK_ITERATION (0, 1, ...), HEAPDECK_ITERATIONS
      and HEAPDECK_TARGET_PID, and must exit 0. Snapshots go to --out-dir (default: a new
      folder under the OS temp folder, printed). Prints a short verdict, or one JSON
      object with --json. Exits 4 when a budget fails, 5 when a leak is found (a growing
      collection or listeners, or leak candidates of 1000+ objects or 1 MB+ by one path).
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

Exit codes: 0 ok, 1 other error (or a check's scenario failed), 2 usage error,
3 target unreachable, exited or detached (or no snapshot file could be opened),
4 a budget failed (heapdeck findings / report / check --budget), 5 heapdeck check found a
leak, 130 heapdeck check was interrupted (Ctrl-C).
`;
