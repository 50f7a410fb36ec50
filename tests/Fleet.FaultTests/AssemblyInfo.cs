using Xunit.Sdk;
using Xunit.v3;

// The tests share one fleet and stop parts of it (the database, an instance): one at a time.
[assembly: Parallelization(Mode = ParallelMode.None)]
