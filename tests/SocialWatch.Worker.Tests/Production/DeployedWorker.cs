using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SocialWatch.Worker.Tests.Production;

/// <summary>Where the database password comes from, as docs/deployment.md offers a council.</summary>
public enum PasswordFrom
{
    /// <summary>Database__Password in the environment (docker-compose `environment:`, a systemd unit).</summary>
    Environment,

    /// <summary>A file named Database__Password in the SOCIALWATCH_SECRETS_DIR folder (a Docker secret).</summary>
    SecretFile,
}

/// <summary>
/// The real binaries configured as a council's deployment is: Database__ConnectionString without the
/// password, the password apart (environment or secret file), no PG* client variables, against the
/// tests' password-protected PostgreSQL. Every process runs with the dynamic loader's library log
/// (LD_DEBUG=libs) written to a folder, so a test sees whether Npgsql reached for Kerberos (GSS
/// encryption), which in the container prints "Cannot load library libgssapi_krb5.so.2".
/// </summary>
internal sealed class DeployedWorker : IDisposable
{
    private readonly string _folder;
    private readonly string _loaderLog;

    private DeployedWorker(Dictionary<string, string?> environment, string password, string folder)
    {
        Environment = environment;
        Password = password;
        _folder = folder;
        _loaderLog = Path.Combine(folder, "ld");
        Directory.CreateDirectory(_loaderLog);
        Environment["LD_DEBUG"] = "libs";
        Environment["LD_DEBUG_OUTPUT"] = Path.Combine(_loaderLog, "process");
    }

    public Dictionary<string, string?> Environment { get; }

    public string Password { get; }

    /// <summary>From settings made by TestHosts.Settings (connection string without the password plus Database:Password).</summary>
    public static DeployedWorker Create(Dictionary<string, string?> settings, PasswordFrom from)
    {
        var environment = WorkerProcess.AsEnvironment(settings);
        var password = environment["Database__Password"] ?? "";
        Assert.False(string.IsNullOrEmpty(password), "the test database has no password");
        Assert.DoesNotContain(password, environment["Database__ConnectionString"] ?? "", StringComparison.Ordinal);
        var folder = Directory.CreateTempSubdirectory("socialwatch-deployed-").FullName;
        if (from == PasswordFrom.SecretFile)
        {
            environment.Remove("Database__Password");
            environment[WorkerHost.SecretsDirectoryVariable] = WorkerProcess.SecretsFolder(new Dictionary<string, string> { ["Database__Password"] = password });
        }
        return new DeployedWorker(environment, password, folder);
    }

    public Task<WorkerProcess.Result> RunAsync(string[] arguments, string binary = WorkerProcess.Worker, int timeoutSeconds = 120) =>
        WorkerProcess.RunAsync(arguments, Environment, TimeSpan.FromSeconds(timeoutSeconds), binary);

    /// <summary>A long-running command whose output is collected as it comes.</summary>
    public Running Start(string[] arguments, string binary = WorkerProcess.Worker) =>
        new(WorkerProcess.Start(arguments, Environment, binary));

    /// <summary>What a council must never see from a command: the password, or the Kerberos library
    /// being looked for (the container's "Cannot load library libgssapi_krb5.so.2").</summary>
    public void AssertClean(string what, string output)
    {
        Assert.DoesNotContain("libgssapi", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot load library", output, StringComparison.Ordinal);
        Assert.False(output.Contains(Password, StringComparison.Ordinal), $"the database password appears in the output of {what}");
        var loaded = Directory.GetFiles(_loaderLog).SelectMany(File.ReadLines)
            .Where(l => l.Contains("libgssapi_krb5", StringComparison.Ordinal)).Take(3).ToList();
        Assert.True(Directory.GetFiles(_loaderLog).Length > 0, "the loader wrote no log: LD_DEBUG had no effect");
        Assert.True(loaded.Count == 0, $"{what} looked for the Kerberos library (Npgsql tried GSS encryption):\n{string.Join('\n', loaded)}");
    }

    public void Dispose()
    {
        if (Environment.TryGetValue(WorkerHost.SecretsDirectoryVariable, out var secrets) && secrets is not null)
        {
            Directory.Delete(secrets, recursive: true);
        }
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A started process, its output gathered line by line.</summary>
    internal sealed class Running : IDisposable
    {
        private readonly StringBuilder _output = new();
        private readonly Task _pump;

        public Running(Process process)
        {
            Process = process;
            _pump = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>SIGTERM, as `docker stop` sends; the exit code once it has stopped.</summary>
        public async Task<int> StopAsync(TimeSpan within)
        {
            using (var term = System.Diagnostics.Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var patience = new CancellationTokenSource(within);
            try
            {
                await Process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                Process.Kill(entireProcessTree: true);
                throw new TimeoutException($"did not stop within {within} of SIGTERM:\n{Output}");
            }
            await _pump;
            return Process.ExitCode;
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
            Process.Dispose();
        }

        private async Task PumpAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }
}
