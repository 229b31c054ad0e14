using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Quartz;
using SocialWatch.Connectors;

namespace SocialWatch.Worker.Ingestion;

/// <summary>One entry of the "Sources" list in configuration.</summary>
internal sealed class SourceOptions
{
    public string Name { get; set; } = "";
    public string Platform { get; set; } = "";
    public SourceKind? Kind { get; set; }
    public string Target { get; set; } = "";

    /// <summary>Poll this often (hh:mm:ss). Give this or <see cref="Cron"/>, not both.</summary>
    public TimeSpan? Every { get; set; }

    /// <summary>A Quartz cron expression (seconds first), e.g. "0 0/15 7-19 ? * MON-FRI".</summary>
    public string? Cron { get; set; }

    /// <summary>How far back the first poll reaches.</summary>
    public int BackfillDays { get; set; } = 3;

    public bool Enabled { get; set; } = true;

    public SourceSpec ToSpec() => new(Name, Platform, Kind ?? SourceKind.Search, Target, BackfillDays);

    /// <summary>The expected time between polls, for health checks (for a cron, the gap after the next fire).</summary>
    public TimeSpan ExpectedInterval()
    {
        if (Every is { } every)
        {
            return every;
        }
        var cron = new CronExpression(Cron!);
        var first = cron.GetNextValidTimeAfter(DateTimeOffset.UtcNow);
        var second = first is null ? null : cron.GetNextValidTimeAfter(first.Value);
        return first is not null && second is not null ? second.Value - first.Value : TimeSpan.FromDays(1);
    }

    public string Schedule => Every?.ToString() ?? Cron ?? "";
}

/// <summary>The whole list, bound from the "Sources" section.</summary>
internal sealed class SourcesOptions
{
    public const string Section = "Sources";

    public List<SourceOptions> Items { get; } = [];

    public SourceOptions? Find(string name) => Items.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Start-up checks of the sources: a bad entry stops the worker with a message naming the setting.</summary>
internal sealed class SourcesOptionsValidator(IConfiguration configuration) : IValidateOptions<SourcesOptions>
{
    internal static readonly string[] Platforms = ["x", "facebook", "bluesky", "mastodon", "rss"];
    internal static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, SourcesOptions options)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Items.Count; i++)
        {
            var s = options.Items[i];
            var at = $"Sources:{i}";
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                errors.Add($"{at}:Name is required");
            }
            else if (!seen.Add(s.Name))
            {
                errors.Add($"{at}:Name '{s.Name}' is used by two sources");
            }
            if (!Platforms.Contains(s.Platform))
            {
                errors.Add($"{at}:Platform must be one of {string.Join(", ", Platforms)} (was '{s.Platform}')");
            }
            if (s.Kind is null)
            {
                errors.Add($"{at}:Kind is required ({string.Join(", ", Enum.GetNames<SourceKind>())})");
            }
            if (string.IsNullOrWhiteSpace(s.Target))
            {
                errors.Add($"{at}:Target is required (an account id or handle, a search query or a feed URL)");
            }
            if (s.Every is null == string.IsNullOrWhiteSpace(s.Cron))
            {
                errors.Add($"{at}: give either Every (hh:mm:ss) or Cron, not both and not neither");
            }
            if (s.Every is { } every && every < MinimumInterval)
            {
                errors.Add($"{at}:Every must be at least {MinimumInterval} (was {every})");
            }
            if (!string.IsNullOrWhiteSpace(s.Cron) && !Jobs.Cron.IsValid(s.Cron))
            {
                errors.Add($"{at}:Cron '{s.Cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
            }
            if (s.BackfillDays is < 0 or > 365)
            {
                errors.Add($"{at}:BackfillDays must be between 0 and 365");
            }
            if (s.Enabled && s.Kind is { } kind && ConnectorRegistration.CredentialProblem(configuration, s.Platform, kind) is { } missing)
            {
                errors.Add($"{at} ('{s.Name}'): {missing}");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

}
