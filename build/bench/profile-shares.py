#!/usr/bin/env python3
"""CPU shares of a dotnet-trace thread-time profile (converted with `dotnet dotnet-trace convert --format Speedscope`).

  build/bench/profile-shares.py TRACE.speedscope.json groups        the cost groups of docs/decisions/014 (markdown table)
  build/bench/profile-shares.py TRACE.speedscope.json excl|incl     top methods by exclusive / inclusive share
  build/bench/profile-shares.py TRACE.speedscope.json callers NAME  who calls NAME (nearest frames)
Samples blocked in a wait are left out: shares are of the samples on CPU, which stay meaningful on a busy host."""
import json, sys, collections
d = json.load(open(sys.argv[1]))
frames = [f['name'] for f in d['shared']['frames']]
WAIT = ('WaitHandle.WaitOneNoCheck', 'Monitor.Enter_Slowpath', 'LowLevelLifoSemaphore.WaitNative', 'Monitor.Wait', 'WaitHandle.WaitAnyMultiple',
        'Interop+Sys.Read', 'LowLevelSpinWaiter', 'Thread.Sleep', 'SocketAsyncEngine', 'Interop+Sys.WaitForSocketEvents', 'epoll', 'Interop+Sys.Poll')
stacks = collections.Counter()
for p in d['profiles']:
    if p['type'] == 'evented':
        open_ = []; last = None
        for e in p['events']:
            t = e['at']
            if last is not None and open_:
                stacks[tuple(open_)] += t - last
            last = t
            if e['type'] == 'O': open_.append(e['frame'])
            else: open_.pop()
    else:
        for s, w in zip(p['samples'], p['weights']): stacks[tuple(s)] += w
total = sum(stacks.values())
def blocked(st):
    # Leaves are the pseudo-frames CPU_TIME and UNMANAGED_CODE_TIME; the latter is native work (SQLite, crypto) unless
    # its caller is a wait.
    if frames[st[-1]] == 'CPU_TIME': return False
    caller = frames[st[-2]] if len(st) > 1 else ''
    return any(w in caller for w in WAIT) or caller.startswith('Thread (')
busy = {s[:-1]: w for s, w in stacks.items() if len(s) > 1 and not blocked(s)}
bt = sum(busy.values())
print(f"samples: total {total:.0f}, blocked {100*(1-bt/total):.1f} %")
mode = sys.argv[2] if len(sys.argv) > 2 else 'incl'
pat = sys.argv[3:] 
if mode == 'waits':
    c = collections.Counter()
    for s, w in stacks.items():
        if not blocked(s): continue
        names = [frames[f] for f in s]
        key = ' < '.join(n[:70] for n in reversed(names[-12:]))
        c[key] += w
    for k, w in c.most_common(12): print(f"{100*w/total:5.1f}%  {k}\n")
elif mode == 'incl':
    c = collections.Counter()
    for s, w in busy.items():
        for f in set(s): c[frames[f]] += w
    for k, w in c.most_common(int(pat[0]) if pat else 60): print(f"{100*w/bt:5.1f}%  {k[:150]}")
elif mode == 'excl':
    c = collections.Counter()
    for s, w in busy.items(): c[frames[s[-1]]] += w
    for k, w in c.most_common(40): print(f"{100*w/bt:5.1f}%  {k[:150]}")
if mode == 'callers':
    c = collections.Counter(); tot = 0
    for s, w in busy.items():
        names = [frames[f] for f in s]
        idx = [i for i, n in enumerate(names) if pat[0] in n]
        if not idx: continue
        i = idx[0]; tot += w
        chain = [n.split('!')[-1][:90] for n in names[max(0, i - int(pat[1] if len(pat) > 1 else 8)):i]
                 if 'CompilerServices' not in n and 'ExecutionContext' not in n]
        c[' < '.join(reversed(chain))] += w
    print(f"{pat[0]}: {100*tot/bt:.1f} % of busy")
    for k, w in c.most_common(6): print(f"{100*w/bt:5.1f}%  {k}\n")
if mode == 'groups':
    # Each busy sample counted once, under the first group (in this order) one of its frames belongs to.
    groups = [
        ('SQLite connection pool lock (open/close per query)', ['SqliteConnectionPool']),
        ('SQLite statement prepare (sqlite3_prepare_v2, per command)', ['sqlite3_prepare', 'PrepareAndEnumerateStatements']),
        ('SQLite step + reading rows', ['sqlite3_step', 'SqliteDataReader', 'sqlite3_column', 'SqliteValueReader']),
        ('token payload: JWE decrypt + signature (IdentityModel)', ['Microsoft.IdentityModel', 'JsonWebTokenHandler']),
        ('EF Core: second token read by id (seeded payload names the template)', ['RestoreTokenEntryProperties']),
        ('EF Core query pipeline (funcletizer, cache lookup, shaper, tracking)', ['Microsoft.EntityFrameworkCore']),
        ('OpenIddict dispatcher + handlers (own code)', ['OpenIddict.']),
        ('answer capture (TokenAnswers)', ['TokenAnswerCapture', 'TokenAnswers']),
        ('GC', ['PollGC', 'GCHeap', 'gc_heap', 'GarbageCollect']),
        ('Kestrel HTTP/1.1 + sockets', ['Kestrel', 'System.Net.Sockets']),
        ('rest of the ASP.NET Core pipeline + app middleware', ['Microsoft.AspNetCore', 'AlexaLinkHub']),
    ]
    c = collections.Counter()
    for s, w in busy.items():
        names = [frames[f] for f in s]
        for g, pats in groups:
            if any(any(p in n for p in pats) for n in names):
                c[g] += w; break
        else: c['other (runtime, thread pool, timers, Hangfire)'] += w
    print('| cost | share of CPU samples |\n|---|---:|')
    for k, w in c.most_common(): print(f"| {k} | {100*w/bt:.1f} % |")
