using Npgsql;
using SocialWatch.Worker.Storage;
using SocialWatch.Worker;

namespace SocialWatch.Demo.Bench;

/// <summary>A database for a bench run: a fresh one on the configured server, or on a private
/// PostgreSQL started from the installed binaries in a temporary folder.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly PrivatePostgres? _server;
    private readonly string _root;

    private BenchDatabase(string connectionString, PrivatePostgres? server, string root)
    {
        ConnectionString = connectionString;
        _server = server;
        _root = root;
    }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string? configured, CancellationToken ct)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N")[..12];
        var root = Path.Combine(Path.GetTempPath(), "socialwatch-" + name);
        PrivatePostgres? server = null;
        string admin;
        if (string.IsNullOrWhiteSpace(configured))
        {
            server = await PrivatePostgres.StartAsync(root, ct: ct);
            admin = server.ConnectionString();
        }
        else
        {
            admin = configured;
        }
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await new Migrator(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance).MigrateAsync(ct);
        }
        return new BenchDatabase(connectionString, server, root);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A temporary folder; the OS cleans it in the end.
            }
        }
    }
}
