using System.Text.Json;
using SocialWatch.Worker.Cli;
using SocialWatch.Worker.Web;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Web;

/// <summary>`socialwatch clerks …` through the real command line; the password arrives on standard input
/// as it does from a pipe (`echo … | socialwatch clerks add NAME`).</summary>
public sealed class ClerksCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("socialwatch-clerks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly Lock StandardInput = new();

    private static int Run(string input, params string[] args)
    {
        // Standard input is one per process: one command at a time reads it.
        lock (StandardInput)
        {
            var original = Console.In;
            Console.SetIn(new StringReader(input));
            try
            {
                return SocialWatchCli.Build().Parse(args).InvokeAsync().GetAwaiter().GetResult();
            }
            finally
            {
                Console.SetIn(original);
            }
        }
    }

    [Fact]
    public async Task Add_list_unlock_and_remove_a_login_with_the_password_from_standard_input()
    {
        Assert.True(Console.IsInputRedirected, "the test runner gives the tests a redirected standard input");
        var db = await TestDatabase.CreateAsync();
        var config = Path.Combine(_folder, "settings.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Database = new { ConnectionString = db } }));

        Assert.Equal(0, Run("a long enough password\n", "clerks", "add", "Town Clerk", "--config", config));
        Assert.Equal(1, Run("another long password\n", "clerks", "add", "town clerk", "--config", config));
        Assert.Equal(2, Run("short\n", "clerks", "add", "Deputy", "--config", config));
        Assert.Equal(1L, await ScalarAsync<long>(db, "SELECT count(*) FROM clerk_logins"));

        using var host = TestHosts.Build(Settings(db));
        var logins = host.Get<ClerkLogins>();
        Assert.Equal(SignInOutcome.SignedIn, (await logins.SignInAsync("Town Clerk", "a long enough password", 2, TimeSpan.FromHours(1), default)).Outcome);
        Assert.Equal(SignInOutcome.Refused, (await logins.SignInAsync("Town Clerk", "wrong", 2, TimeSpan.FromHours(1), default)).Outcome);
        Assert.Equal(SignInOutcome.Locked, (await logins.SignInAsync("Town Clerk", "wrong", 2, TimeSpan.FromHours(1), default)).Outcome);

        Assert.Equal(0, Run("", "clerks", "unlock", "Town Clerk", "--config", config));
        Assert.Equal(SignInOutcome.SignedIn, (await logins.SignInAsync("Town Clerk", "a long enough password", 2, TimeSpan.FromHours(1), default)).Outcome);
        Assert.Equal(0, Run("a new long password\n", "clerks", "add", "Town Clerk", "--reset", "--config", config));
        Assert.Equal(SignInOutcome.SignedIn, (await logins.SignInAsync("Town Clerk", "a new long password", 2, TimeSpan.FromHours(1), default)).Outcome);
        Assert.Equal(0, Run("", "clerks", "list", "--config", config));
        Assert.Equal(1, Run("", "clerks", "unlock", "Nobody", "--config", config));
        Assert.Equal(0, Run("", "clerks", "remove", "Town Clerk", "--config", config));
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM clerk_logins"));
    }
}
