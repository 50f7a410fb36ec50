#!/usr/bin/env python3
"""On-CPU shares of a `perf record -g` profile of the app (see build/bench/profile.sh refresh).

  build/bench/perf-shares.py PERF_SCRIPT.txt threads          CPU samples per thread kind (JIT, GC, request threads …)
  build/bench/perf-shares.py PERF_SCRIPT.txt groups           the request threads' samples in cost groups (markdown table)
  build/bench/perf-shares.py PERF_SCRIPT.txt incl [REGEX] [N] top managed methods by inclusive share of request samples
  build/bench/perf-shares.py PERF_SCRIPT.txt callers REGEX    who calls the methods matching REGEX

PERF_SCRIPT.txt is `perf script -F comm,tid,ip,sym,dso` of a recording made with DOTNET_PerfMapEnabled=1 (managed
frames named from /tmp/perf-PID.map; DOTNET_ReadyToRun=0 names precompiled code too, DOTNET_EnableWriteXorExecute=0
keeps the map's addresses valid). Every sample is on CPU (perf samples the CPU, not the threads), so no wait filtering is
needed — unlike profile-shares.py's thread-time traces. Native libraries without frame pointers (libcrypto, SQLite,
libc) often end the stack at their own frame: such samples are counted by their library."""
import collections, re, sys

samples = []  # (thread name, [(symbol, library)] leaf first)
for line in open(sys.argv[1], errors='replace'):
    if not line.startswith('\t') and line.strip():
        samples.append((re.sub(r'\s+\d+\s*$', '', line.rstrip()).strip(), [])); continue
    m = re.match(r'\s*([0-9a-f]+) (.*) \((.*)\)$', line.rstrip())
    if m and samples: samples[-1][1].append((m.group(2), m.group(3).split('/')[-1]))

def short(name):
    name = re.sub(r'\[(QuickJitted|OptimizedTier1|OptimizedTier1OSR|InstrumentedTier|InstrumentedTierOptimized|Optimized|Tier0|Tier1|PreJIT)\]$', '', name)
    m = re.search(r'\] ([^ (]+)\(', name)
    return (m.group(1) if m else name)[:160]

def kind(thread):
    if thread.startswith('.NET TP Worker'): return 'request threads (.NET TP Worker)'
    if thread.startswith('.NET Tiered Com'): return 'tiered JIT compilation'
    if thread.startswith('.NET BGC') or thread.startswith('.NET Server GC') or thread.startswith('.NET GC'): return 'GC threads'
    if thread.startswith('Worker #') or 'Hangfire' in thread or thread.startswith('RecurringJob') or thread.startswith('ServerHeartbeat'): return 'Hangfire'
    return 'other: ' + thread

mode = sys.argv[2] if len(sys.argv) > 2 else 'groups'
total = len(samples)
work = [frames for thread, frames in samples if kind(thread).startswith('request')]
print(f"samples: {total}, on request threads: {len(work)}")

if mode == 'threads':
    c = collections.Counter(kind(t) for t, _ in samples)
    for k, v in c.most_common(): print(f"{100 * v / total:5.1f} %  {k}")

elif mode == 'groups':
    # Each request-thread sample once, under the first group (in this order) whose pattern matches a frame or the leaf library.
    groups = [
        ('cryptography: RS256 signing, token encryption/decryption (libcrypto, IdentityModel)', r'libcrypto|Microsoft\.IdentityModel|System\.Security\.Cryptography'),
        ('SQLite engine (native) and its file I/O (kernel write/fsync)', r'libe_sqlite3|sqlite3_|pwrite|fsync|pread|fdatasync'),
        ('EF Core SaveChanges (change detection, command batches, interceptors)', r'SaveChanges|ChangeDetector|CommandBatch|ModificationCommand|StateManager'),
        ('EF Core queries (compile cache, shaper, materialization)', r'Microsoft\.EntityFrameworkCore|Microsoft\.Data\.Sqlite|Npgsql'),
        ('OpenIddict dispatcher (resolving and filtering handlers per event)', r'OpenIddictServerDispatcher.*(GetHandlersAsync|IsActiveAsync)'),
        ('OpenIddict handlers and managers (own code)', r'OpenIddict\.'),
        ('dependency injection (scoped services per request)', r'Microsoft\.Extensions\.DependencyInjection|dynamicClass::ResolveService'),
        ('Kestrel HTTP/1.1 + sockets + kernel networking', r'Kestrel|System\.Net\.Sockets|tcp_|__send|__recv|epoll'),
        ('rest of the ASP.NET Core pipeline + app middleware', r'Microsoft\.AspNetCore|AlexaLinkHub'),
    ]
    c = collections.Counter()
    for frames in work:
        names = [f"{short(s)} {lib}" for s, lib in frames]
        for g, pat in groups:
            if any(re.search(pat, n) for n in names): c[g] += 1; break
        else: c['other (runtime helpers, GC on the allocating thread, libc)'] += 1
    print('| cost | share of request-thread CPU samples |\n|---|---:|')
    for k, v in c.most_common(): print(f"| {k} | {100 * v / max(1, len(work)):.1f} % |")

elif mode == 'incl':
    pat = sys.argv[3] if len(sys.argv) > 3 else ''
    c = collections.Counter()
    for frames in work:
        for k in {short(s) for s, _ in frames if s != '[unknown]' and (not pat or re.search(pat, s))}: c[k] += 1
    for k, v in c.most_common(int(sys.argv[4]) if len(sys.argv) > 4 else 60): print(f"{100 * v / len(work):5.1f} %  {k}")

elif mode == 'callers':
    pat = sys.argv[3]; c = collections.Counter(); hit = 0
    for frames in work:
        names = [short(s) for s, _ in frames if s != '[unknown]']
        idx = [i for i, n in enumerate(names) if re.search(pat, n)]
        if not idx: continue
        hit += 1
        chain = [n for n in names[idx[-1]:] if 'CompilerServices' not in n and 'ExecutionContext' not in n][:8]
        c['\n    < '.join(chain)] += 1
    print(f"{pat}: {100 * hit / max(1, len(work)):.1f} % of request-thread samples")
    for k, v in c.most_common(6): print(f"{100 * v / len(work):5.1f} %  {k}\n")
