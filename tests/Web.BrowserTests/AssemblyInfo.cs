using AlexaLinkHub.Web.BrowserTests.Support;
using Xunit.Sdk;
using Xunit.v3;

// One app and one Chromium for the whole assembly; every test opens its own browser context. The tests run one at a
// time: the machine is small and one browser driving one page at a time keeps timings (and failures) readable.
[assembly: AssemblyFixture(typeof(LinkHub))]
[assembly: AssemblyFixture(typeof(Chromium))]
[assembly: Parallelization(Mode = ParallelMode.None)]
