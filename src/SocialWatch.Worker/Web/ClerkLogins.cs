using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace SocialWatch.Worker.Web;

/// <summary>A clerk's sign-in for the review page, as listed by `clerks list`.</summary>
internal sealed record ClerkLogin(long Id, string Name, DateTime CreatedAt, DateTime? LastSignInAt, int FailedCount, DateTime? LockedUntil);

internal enum SignInOutcome
{
    SignedIn,
    Refused,
    Locked,
}

/// <summary>The result of one sign-in attempt; <see cref="Name"/> is the login's own spelling.</summary>
internal sealed record SignInResult(SignInOutcome Outcome, string Name, DateTime? LockedUntil);

/// <summary>
/// The clerk_logins table: passwords hashed with ASP.NET Core Identity's PasswordHasher (PBKDF2,
/// per-password salt, the hash format says its own parameters so old hashes keep working and are
/// upgraded at the next good sign-in), and lockout after Web:LockoutFailures wrong passwords in a row.
/// Runs as the worker's own login: the clerk's database role never reads this table.
/// </summary>
internal sealed class ClerkLogins(NpgsqlDataSource db, TimeProvider time)
{
    public const int MinimumPasswordLength = 12;

    private static readonly PasswordHasher<ClerkLogin> Hasher = new();

    /// <summary>A hash checked when the name is unknown, so an unknown name takes as long as a wrong password.</summary>
    private static readonly string DecoyHash = Hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public static string? PasswordProblem(string password) =>
        password.Length < MinimumPasswordLength ? $"the password needs at least {MinimumPasswordLength} characters" :
        string.IsNullOrWhiteSpace(password) ? "the password cannot be only spaces" : null;

    public static string? NameProblem(string name) =>
        name.Length is 0 or > 100 || name != name.Trim() ? "the name needs 1 to 100 characters without spaces at either end" :
        name.Any(char.IsControl) ? "the name cannot hold control characters" : null;

    /// <summary>Creates the login, or sets a new password (and unlocks) when <paramref name="replace"/>.
    /// Returns false when the name exists and replace is off.</summary>
    public async Task<bool> AddAsync(string name, string password, bool replace, CancellationToken ct)
    {
        var problem = NameProblem(name) ?? PasswordProblem(password);
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }
        var hash = Hasher.HashPassword(null!, password);
        await using var connection = await db.OpenConnectionAsync(ct);
        var sql = replace
            ? """
              INSERT INTO clerk_logins (name, password_hash) VALUES (@name, @hash)
              ON CONFLICT (lower(name)) DO UPDATE SET password_hash = EXCLUDED.password_hash, failed_count = 0, locked_until = NULL
              """
            : "INSERT INTO clerk_logins (name, password_hash) VALUES (@name, @hash) ON CONFLICT (lower(name)) DO NOTHING";
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { name, hash }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<ClerkLogin>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<ClerkLogin>(new CommandDefinition(
            "SELECT id, name, created_at, last_sign_in_at, failed_count, locked_until FROM clerk_logins ORDER BY lower(name)",
            cancellationToken: ct))).ToList();
    }

    public async Task<bool> UnlockAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clerk_logins SET failed_count = 0, locked_until = NULL WHERE lower(name) = lower(@name)", new { name }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> RemoveAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM clerk_logins WHERE lower(name) = lower(@name)", new { name }, cancellationToken: ct)) == 1;
    }

    private sealed record Row(long Id, string Name, string PasswordHash, int FailedCount, DateTime? LockedUntil);

    /// <summary>Checks a password. The row is locked for the check, so parallel guesses count one by one.</summary>
    public async Task<SignInResult> SignInAsync(string name, string password, int lockoutFailures, TimeSpan lockoutDuration, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT id, name, password_hash, failed_count, locked_until FROM clerk_logins WHERE lower(name) = lower(@name) FOR UPDATE",
            new { name = name.Trim() }, tx, cancellationToken: ct));
        if (row is null)
        {
            Hasher.VerifyHashedPassword(null!, DecoyHash, password);
            return new SignInResult(SignInOutcome.Refused, name, null);
        }
        if (row.LockedUntil is { } until && until > now.UtcDateTime)
        {
            return new SignInResult(SignInOutcome.Locked, row.Name, until);
        }
        var verdict = Hasher.VerifyHashedPassword(null!, row.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = row.FailedCount + 1;
            DateTimeOffset? lockedUntil = failures >= lockoutFailures ? now + lockoutDuration : null;
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE clerk_logins SET failed_count = @failures, locked_until = @lockedUntil WHERE id = @Id",
                new { failures = lockedUntil is null ? failures : 0, lockedUntil, row.Id }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return lockedUntil is null ? new SignInResult(SignInOutcome.Refused, row.Name, null) : new SignInResult(SignInOutcome.Locked, row.Name, lockedUntil.Value.UtcDateTime);
        }
        var hash = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(null!, password) : row.PasswordHash;
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE clerk_logins SET failed_count = 0, locked_until = NULL, last_sign_in_at = @now, password_hash = @hash WHERE id = @Id",
            new { now, hash, row.Id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new SignInResult(SignInOutcome.SignedIn, row.Name, null);
    }
}
