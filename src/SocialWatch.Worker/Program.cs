using System.CommandLine;
using SocialWatch.Worker.Cli;

// On SIGTERM/Ctrl+C System.CommandLine cancels the verb's token; the worker then stops Quartz, which
// lets running polls and sends finish within Scheduler:ShutdownTimeout. The default two-second grace
// before the process is cut off would defeat that, so it is lifted here (the host bounds the stop).
return await SocialWatchCli.Build().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(5) });
