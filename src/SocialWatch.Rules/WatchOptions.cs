using System.Text.Json;

namespace SocialWatch.Rules;

/// <summary>
/// What SocialWatch watches for (configuration section "Watch", same shape as watch.json's "Watch").
/// Settable properties and empty defaults so <c>IConfiguration.Bind</c> works.
/// </summary>
public sealed class WatchOptions
{
    public const string SectionName = "Watch";

    public OrganisationOptions Organisation { get; set; } = new();

    public IList<OfficialAccountOptions> OfficialAccounts { get; set; } = [];

    public IList<StaffAccountOptions> StaffAccounts { get; set; } = [];

    /// <summary>The organisation's own policy wording, quoted in every flag (section "Watch:Policy").</summary>
    public PolicyOptions Policy { get; set; } = new();

    private static readonly JsonSerializerOptions FileJson = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// Reads a watch.json file (an object with a "Watch" property, or the Watch object itself).
    /// Logo paths stay as written; resolve them against the file's folder with <see cref="ResolveLogoPaths"/>.
    /// </summary>
    /// <exception cref="CorpusFormatException">The file is missing or is not valid watch JSON.</exception>
    public static WatchOptions LoadFile(string watchJsonPath)
    {
        ArgumentNullException.ThrowIfNull(watchJsonPath);
        if (!File.Exists(watchJsonPath))
        {
            throw new CorpusFormatException(watchJsonPath, null, "watch file not found");
        }

        try
        {
            using var stream = File.OpenRead(watchJsonPath);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && TryGetPropertyIgnoreCase(root, SectionName, out var watch))
            {
                root = watch;
            }

            return root.Deserialize<WatchOptions>(FileJson)
                ?? throw new CorpusFormatException(watchJsonPath, null, "watch file is empty");
        }
        catch (JsonException ex)
        {
            throw new CorpusFormatException(watchJsonPath, (int?)ex.LineNumber + 1, "invalid JSON: " + ex.Message, ex);
        }
    }

    /// <summary>Logo file paths made absolute against <paramref name="baseDirectory"/>.</summary>
    public IReadOnlyList<string> ResolveLogoPaths(string baseDirectory) =>
        Organisation.LogoFiles.Select(p => Path.GetFullPath(Path.Combine(baseDirectory, p))).ToArray();

    private static bool TryGetPropertyIgnoreCase(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}

public sealed class OrganisationOptions
{
    /// <summary>Full names, e.g. "Leigh Town Council".</summary>
    public IList<string> Names { get; set; } = [];

    /// <summary>Short names, e.g. "LTC".</summary>
    public IList<string> Aliases { get; set; } = [];

    /// <summary>The council's own web domain; links to it mark a post as citing the council.</summary>
    public string Website { get; set; } = "";

    /// <summary>Logo image files, relative to the watch file (CLI) or the content root (worker).</summary>
    public IList<string> LogoFiles { get; set; } = [];

    /// <summary>The organisation's own published phone numbers and addresses: never a person's data in a post.</summary>
    public IList<string> PublicContacts { get; set; } = [];
}

public sealed class PolicyOptions
{
    /// <summary>
    /// Clause key (a <see cref="PolicyClauses"/> member name, e.g. "NoCouncilNameInIdentities") → the line of
    /// the organisation's policy to quote for it. Keys left out get a neutral default naming the organisation.
    /// </summary>
    public IDictionary<string, string> Clauses { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}

public sealed class OfficialAccountOptions
{
    public string Platform { get; set; } = "";
    public string Id { get; set; } = "";
    public string Handle { get; set; } = "";
}

public sealed class StaffAccountOptions
{
    public string Platform { get; set; } = "";
    public string Id { get; set; } = "";
    public string Handle { get; set; } = "";
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
}
