using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace SocialWatch.Demo;

/// <summary>
/// A PostgreSQL server of our own, started from the installed binaries in a folder we name, listening
/// only on loopback. The demo uses it when no connection string is configured, and the tests use it
/// as their real database. It is set up as a council's server is: every connection, over TCP or the
/// socket, must give the superuser's password (scram-sha-256), generated at first start and kept in
/// the folder (readable by its owner only), so code that loses the password on the way fails here too.
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

    public const string Username = "postgres";

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    /// <summary>The file holding the superuser's password (mode 0600).</summary>
    public string PasswordFile => Path.Combine(_root, "superuser-password");

    /// <summary>The superuser's password.</summary>
    public string Password { get; private set; } = "";

    /// <summary>Host, port, user and database, without the password: how a council's settings name a
    /// server, with the password given apart (Database:Password, a secret file).</summary>
    public string ConnectionStringWithoutPassword(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Username, Database = database, Pooling = true }.ConnectionString;

    /// <summary>A complete connection string, password included, for the code that administers the server.</summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder(ConnectionStringWithoutPassword(database)) { Password = Password }.ConnectionString;

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
        var initialised = File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION"));
        if (!initialised || !File.Exists(server.PasswordFile))
        {
            if (initialised)
            {
                // A folder from a version that trusted every connection: start it afresh.
                Directory.Delete(server.DataDirectory, recursive: true);
            }
            var password = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
            await File.WriteAllTextAsync(server.PasswordFile, password, ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(server.PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        server.Password = (await File.ReadAllTextAsync(server.PasswordFile, ct)).Trim();
        if (asPostgresUser)
        {
            await server.RunAsync("chown", ["-R", "postgres:postgres", root], asServerUser: false, ct);
        }
        if (!File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
        {
            await server.RunAsync(Path.Combine(bin, "initdb"),
                ["-D", server.DataDirectory, "-U", Username, "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
                 "--pwfile=" + server.PasswordFile, "-E", "UTF8", "--locale=C.UTF-8"], true, ct);
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
