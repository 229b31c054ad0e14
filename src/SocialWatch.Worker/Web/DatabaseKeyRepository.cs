using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace SocialWatch.Worker.Web;

/// <summary>
/// Keeps the review page's Data Protection keys in the <c>review_page_keys</c> table, so sign-ins survive
/// a restart and are accepted by every worker sharing the database. Data Protection calls these methods
/// synchronously, rarely (at start, when a key is made, when the ring is refreshed).
/// </summary>
internal sealed class DatabaseKeyRepository(NpgsqlDataSource db) : IXmlRepository
{
    private const string SelectKeys = "SELECT xml FROM review_page_keys ORDER BY created_at, name";

    // Two workers making a key at once store two keys; both are kept and both are valid.
    private const string InsertKey = "INSERT INTO review_page_keys (name, xml) VALUES (@name, @xml) ON CONFLICT (name) DO NOTHING";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = db.OpenConnection();
        return [.. connection.Query<string>(SelectKeys).Select(xml => XElement.Parse(xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var connection = db.OpenConnection();
        connection.Execute(InsertKey, new { name = friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
