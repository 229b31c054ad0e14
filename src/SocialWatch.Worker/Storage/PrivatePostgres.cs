using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace SocialWatch.Worker.Storage;

/// <summary>
/// A PostgreSQL server of our own, started from the installed binaries in a folder we name, listening
/// only on loopback. The demo uses it when no connection string is configured, and the tests use it
/// as their real database. Trust authentication is safe here only because nothing but this machine's
/// loopback can reach it.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgresUser;

    private PrivatePostgres(string bin, string root, int port, bool asPostgresUser)
    {
        _bin = bin;
        _root = root;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true }.ConnectionString;

    /// <summary>Starts (initialising on first use) a server in <paramref name="root"/>. Re-uses the data
    /// of an earlier run in the same folder.</summary>
    public static async Task<PrivatePostgres> StartAsync(string root, int? port = null, CancellationToken ct = default)
    {
        var bin = FindBinaries();
        root = Path.GetFullPath(root);
        Directory.CreateDirectory(root);
        // initdb refuses to run as root; as root we run the server as the postgres system user.
        var asPostgresUser = Environment.UserName == "root" || geteuid() == 0;
        var server = new PrivatePostgres(bin, root, port ?? FreeLoopbackPort(), asPostgresUser);
        if (asPostgresUser)
        {
            await server.RunAsync("chown", ["-R", "postgres:postgres", root], asServerUser: false, ct);
        }
        if (!File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
        {
            await server.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], true, ct);
        }
        await server.StartServerAsync(ct);
        return server;
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/> (the fault tests stop it mid-run).</summary>
    public Task StartServerAsync(CancellationToken ct = default) =>
        RunAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
             "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"], true, ct);

    public Task StopAsync(CancellationToken ct = default) =>
        RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], true, ct);

    public async Task CreateDatabaseAsync(string name, string? template = null, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(ct);
        var sql = $"CREATE DATABASE \"{name.Replace("\"", "", StringComparison.Ordinal)}\"" + (template is null ? "" : $" TEMPLATE \"{template}\"");
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
    }

    /// <summary>SOCIALWATCH_PG_BIN, else the newest /usr/lib/postgresql/N/bin, else initdb on the PATH.</summary>
    public static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("SOCIALWATCH_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Dir, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return Path.Combine(newest.Dir, "bin");
            }
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(p => File.Exists(Path.Combine(p, "initdb")));
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found (looked in SOCIALWATCH_PG_BIN, /usr/lib/postgresql/*/bin and PATH). " +
            "Install them (Debian: apt-get install postgresql) or set Database__ConnectionString to a server you have.");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, string[] arguments, bool asServerUser, CancellationToken ct)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asServerUser && _asPostgresUser)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        // pg_ctl's server keeps inherited pipes open, so read to the end only after it has exited.
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_root, "server.log");
            var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(5)) : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments.Take(3))} failed (exit {process.ExitCode}): {await stderr}{await stdout}\n{tail}".Trim());
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();
}
