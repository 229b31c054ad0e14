using SocialWatch.Worker.Cli;

return await SocialWatchCli.Build().Parse(args).InvokeAsync();
