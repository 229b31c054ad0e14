using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SocialWatch.Demo;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker.Tests;

/// <summary>
/// The tests' real PostgreSQL: a private server started once per test run from the installed binaries
/// on a free loopback port (or the server named by SOCIALWATCH_TEST_DATABASE, a connection string of a
/// user that may create databases). The migrations run once into a template database; each test gets
/// its own database copied from it, so tests never see each other's rows.
/// </summary>
internal static class TestDatabase
{
    public const string ServerVariable = "SOCIALWATCH_TEST_DATABASE";
    private const string Template = "socialwatch_template";

    private static readonly Lazy<Task<Server>> Shared = new(StartAsync);

    internal sealed record Server(string AdminConnectionString, PrivatePostgres? Private);

    public static Task<Server> ServerAsync() => Shared.Value;

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
}
