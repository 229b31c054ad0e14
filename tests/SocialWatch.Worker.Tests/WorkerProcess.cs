using System.Diagnostics;

namespace SocialWatch.Worker.Tests;

/// <summary>Runs the real `socialwatch` binary (or `socialwatch-demo`, for the demo and bench verbs) as a
/// separate process, as an operator or Docker would.</summary>
internal static class WorkerProcess
{
    public const string Worker = "socialwatch.dll";
    public const string Demo = "socialwatch-demo.dll";

    public sealed record Result(int ExitCode, string Output, string Error);

    public static Process Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string binary = Worker)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, binary));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Nothing reaches the worker from the test machine's PostgreSQL client variables (PGPASSWORD
        // above all): it must find the password where a council's settings put it.
        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(variable);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException("could not start socialwatch");
    }

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, string binary = Worker)
    {
        using var process = Start(arguments, environment, binary);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"socialwatch {string.Join(' ', arguments)} did not finish in {timeout}: {await output}{await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>A folder of secret files, one per setting named like its environment variable, as
    /// SOCIALWATCH_SECRETS_DIR (or Docker's /run/secrets) holds them; readable by the owner only.</summary>
    public static string SecretsFolder(IReadOnlyDictionary<string, string> secrets)
    {
        var folder = Path.Combine(Path.GetTempPath(), "socialwatch-secrets-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        foreach (var (name, value) in secrets)
        {
            var file = Path.Combine(folder, name);
            File.WriteAllText(file, value);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return folder;
    }

    /// <summary>Settings as environment variables (Section__Key), as Docker passes them.</summary>
    public static Dictionary<string, string?> AsEnvironment(IReadOnlyDictionary<string, string?> settings) =>
        settings.ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value);
}
