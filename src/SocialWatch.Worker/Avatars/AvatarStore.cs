using Dapper;
using Npgsql;
using SocialWatch.Connectors.Avatars;

namespace SocialWatch.Worker.Avatars;

/// <summary>
/// Keeps an account's picture (table account_avatars) so the review page can show it beside the
/// council's logo. Only pictures that looked like the logo are kept, one per account, and only as the
/// image type their own first bytes say: a server's Content-Type is never trusted, and bytes that are
/// not a PNG, JPEG, GIF or WebP image are refused here (and by the table's checks).
/// </summary>
internal static class AvatarStore
{
    private const string UpsertSql = """
        INSERT INTO account_avatars (account_id, content_type, image, fetched_url, fetched_at)
        VALUES (@AccountId, @ContentType, @Image, @FetchedUrl, now())
        ON CONFLICT (account_id) DO UPDATE
        SET content_type = EXCLUDED.content_type, image = EXCLUDED.image, fetched_url = EXCLUDED.fetched_url, fetched_at = EXCLUDED.fetched_at
        """;

    /// <summary>Stores the picture in the caller's transaction, replacing the account's earlier one;
    /// false (nothing stored) when the bytes are not an image of a kept type.</summary>
    public static async Task<bool> SaveAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long accountId, byte[] image, string fetchedUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (AvatarFetcher.Sniff(image) is not { } contentType)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(UpsertSql,
            new { AccountId = accountId, ContentType = contentType, Image = image, FetchedUrl = fetchedUrl }, tx, cancellationToken: ct));
        return true;
    }
}
