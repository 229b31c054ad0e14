using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SocialWatch.Demo;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker.Tests;

/// <summary>
/// The tests' real PostgreSQL: a private server started once per test run from the installed binaries
/// on a free loopback port (or the server named by SOCIALWATCH_TEST_DATABASE, a connection string with
/// the password of a user that may create databases). Like a council's server it asks every connection
/// for a password (scram-sha-256); the fixture checks that at start and refuses to run the tests against
/// a server that trusts connections, since that hides code that loses the password on the way.
/// PGPASSWORD and the other PG* variables are removed from this process (and WorkerProcess leaves them
/// out of the workers it starts), so nothing finds the password anywhere but where the settings put it.
/// The migrations run once into a template database; each test gets its own database copied from it,
/// so tests never see each other's rows.
/// </summary>
internal static class TestDatabase
{
    public const string ServerVariable = "SOCIALWATCH_TEST_DATABASE";
    private const string Template = "socialwatch_template";

    private static readonly Lazy<Task<Server>> Shared = new(StartAsync);

    internal sealed record Server(string AdminConnectionString, PrivatePostgres? Private)
    {
        /// <summary>The password every connection must give.</summary>
        public string Password => new NpgsqlConnectionStringBuilder(AdminConnectionString).Password ?? "";
    }

    /// <summary>A database as docs/deployment.md names it: the connection string without the password,
    /// and the password apart (Database:Password, from the environment or a secret file).</summary>
    internal sealed record Deployment(string ConnectionStringWithoutPassword, string Password);

    public static Task<Server> ServerAsync() => Shared.Value;

    /// <summary>Splits a test database's connection string the way a council's settings hold it.</summary>
    public static Deployment AsDeployed(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var password = builder.Password ?? "";
        builder.Remove("Password");
        return new Deployment(builder.ConnectionString, password);
    }

    /// <summary>A fresh, migrated database of the test's own; returns its connection string.</summary>
    public static async Task<string> CreateAsync()
    {
        var server = await Shared.Value;
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {Template}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>A fresh database with no schema at all, for tests of the migrations themselves.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var server = await Shared.Value;
        var name = "e_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(server.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<Server> StartAsync()
    {
        foreach (var variable in ClientVariables())
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
        PrivatePostgres? privateServer = null;
        var admin = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrEmpty(admin))
        {
            var root = Path.Combine(Path.GetTempPath(), "socialwatch-test-pg-" + Environment.ProcessId);
            privateServer = await PrivatePostgres.StartAsync(root);
            admin = privateServer.ConnectionString();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                privateServer.StopAsync().GetAwaiter().GetResult();
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                    // Left for the OS to clean; it is under the temp folder.
                }
            };
        }

        await AssertPasswordRequiredAsync(admin, privateServer);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Template}", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Template}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var templateConnection = new NpgsqlConnectionStringBuilder(admin) { Database = Template, Pooling = false }.ConnectionString;
        await using (var dataSource = NpgsqlDataSource.Create(templateConnection))
        {
            await new Migrator(dataSource, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        }
        return new Server(admin, privateServer);
    }

    /// <summary>Environment variables libpq and Npgsql read connection defaults from (PGPASSWORD,
    /// PGPASSFILE, PGUSER, …): none may hand a test or a worker what its settings do not.</summary>
    public static IEnumerable<string> ClientVariables() =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("PG", StringComparison.Ordinal))
            .ToList();

    /// <summary>The server must refuse a connection that gives no password, and one that gives a wrong
    /// one, over TCP and (for the private server) over its socket.</summary>
    private static async Task AssertPasswordRequiredAsync(string admin, PrivatePostgres? privateServer)
    {
        var withoutPassword = new NpgsqlConnectionStringBuilder(admin) { Pooling = false, Timeout = 10 };
        withoutPassword.Remove("Password");
        // A password file (~/.pgpass or PGPASSFILE) would be used silently: point Npgsql at an empty one.
        var emptyPassfile = Path.GetTempFileName();
        withoutPassword.Passfile = emptyPassfile;
        var attempts = new List<(string What, string ConnectionString)>
        {
            ("TCP without a password", withoutPassword.ConnectionString),
            ("TCP with a wrong password", new NpgsqlConnectionStringBuilder(withoutPassword.ConnectionString) { Password = "wrong-" + Guid.NewGuid().ToString("N") }.ConnectionString),
        };
        if (privateServer is not null)
        {
            attempts.Add(("the socket without a password",
                new NpgsqlConnectionStringBuilder(withoutPassword.ConnectionString) { Host = Path.GetDirectoryName(privateServer.DataDirectory) }.ConnectionString));
        }
        foreach (var (what, connectionString) in attempts)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            try
            {
                await connection.OpenAsync();
            }
            catch (NpgsqlException e) when (e is PostgresException { SqlState: PostgresErrorCodes.InvalidPassword } || e.Message.Contains("No password has been provided", StringComparison.Ordinal))
            {
                continue;
            }
            throw new InvalidOperationException(
                $"The test PostgreSQL accepted a connection over {what}: the tests need a server that asks for a password (scram-sha-256), as a council's does.");
        }
        File.Delete(emptyPassfile);
    }
}
