using System.CommandLine;
using SocialWatch.Demo;
using SocialWatch.Demo.Bench;
using SocialWatch.Worker.Cli;

// The production command line with the demo and bench verbs added; the same lifted termination
// timeout as the worker (the host bounds its own stop).
var root = SocialWatchCli.Build();
root.Description = "SocialWatch demo and benchmarks: the production commands plus `demo` and `bench`";
root.Add(DemoCommand.Build());
root.Add(FakesCommand.Build());
root.Add(BenchCommand.Build());
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(5) });
