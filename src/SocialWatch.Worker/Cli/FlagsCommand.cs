using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialWatch.Worker.Alerts;

namespace SocialWatch.Worker.Cli;

/// <summary>`flags list|show|resolve|export`: the clerk's flagged-post table from the command line.
/// Reviews go through review_flag, the same function the clerk's database role calls.</summary>
internal static class FlagsCommand
{
    public static Command Build()
    {
        var command = new Command("flags", "The flagged posts and accounts, and their review");
        command.Add(ListCommand());
        command.Add(ShowCommand());
        command.Add(ResolveCommand());
        command.Add(ExportCommand());
        return command;
    }

    private static Option<string?> StatusOption() => new Option<string?>("--status") { Description = "open, acknowledged, actioned or dismissed" }.AcceptOnlyFromAmong(FlagStore.Statuses);

    private static Option<string?> RuleOption() => new("--rule") { Description = "Only this rule (impersonation, confidential_leak, misrepresentation)" };

    private static Command ListCommand()
    {
        var status = StatusOption();
        var rule = RuleOption();
        var since = new Option<string?>("--since") { Description = "Only flags raised since: 7d, 24h, 2w or a date (2026-11-01, UTC)" };
        var format = new Option<string>("--format") { Description = "table, csv or json", DefaultValueFactory = _ => "table" }.AcceptOnlyFromAmong("table", "csv", "json");
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first", DefaultValueFactory = _ => 500 };
        var command = new Command("list", "Flags, newest first") { status, rule, since, format, limit };
        command.SetAction((parse, ct) => WithDatabaseAsync(parse, async connection =>
        {
            if (!TryParseSince(parse.GetValue(since), DateTimeOffset.UtcNow, out var from))
            {
                return Usage($"--since '{parse.GetValue(since)}' is not 7d, 24h, 2w or a date like 2026-11-01");
            }
            var rows = await FlagStore.ListAsync(connection, new FlagStore.Filter(parse.GetValue(status), parse.GetValue(rule), from, Limit: parse.GetValue(limit)), ct);
            Write(Console.Out, rows, parse.GetValue(format)!);
            return 0;
        }));
        return command;
    }

    private static Command ShowCommand()
    {
        var id = new Argument<long>("id") { Description = "The flag's number (flag_id)" };
        var command = new Command("show", "Everything about one flag: the post, the account, the evidence, the review and its alerts") { id };
        command.SetAction((parse, ct) => WithDatabaseAsync(parse, async connection =>
        {
            var flag = await FlagStore.FindAsync(connection, parse.GetValue(id), ct);
            if (flag is null)
            {
                Console.Error.WriteLine($"error: there is no flag {parse.GetValue(id)}");
                return 1;
            }
            await ShowAsync(Console.Out, connection, flag, ct);
            return 0;
        }));
        return command;
    }

    private static Command ResolveCommand()
    {
        var id = new Argument<long>("id") { Description = "The flag's number (flag_id)" };
        var status = new Option<string>("--as") { Description = "actioned, dismissed or acknowledged (or open to reopen)", Required = true }
            .AcceptOnlyFromAmong("actioned", "dismissed", "acknowledged", "open");
        var note = new Option<string?>("--note") { Description = "What was done, in a few words (kept with the flag)" };
        var by = new Option<string>("--by") { Description = "Who reviewed it (default: your login name)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("resolve", "Record the review of a flag: actioned, dismissed or acknowledged, with a note") { id, status, note, by };
        command.SetAction((parse, ct) => WithDatabaseAsync(parse, async connection =>
        {
            var flagId = parse.GetValue(id);
            await FlagStore.ReviewAsync(connection, flagId, parse.GetValue(status)!, parse.GetValue(note), parse.GetValue(by)!, ct);
            Console.WriteLine($"Flag {flagId} is now {parse.GetValue(status)} (by {parse.GetValue(by)}).");
            return 0;
        }));
        return command;
    }

    private static Command ExportCommand()
    {
        var since = new Option<string>("--since") { Description = "Flags raised since: 30d, 7d, 24h or a date (2026-11-01, UTC)", DefaultValueFactory = _ => "30d" };
        var csv = new Option<FileInfo>("--csv") { Description = "The CSV file to write (opens in Excel or LibreOffice)", Required = true };
        var status = StatusOption();
        var rule = RuleOption();
        var command = new Command("export", "Write flags to a CSV file, e.g. for a report to committee") { since, csv, status, rule };
        command.SetAction((parse, ct) => WithDatabaseAsync(parse, async connection =>
        {
            if (!TryParseSince(parse.GetValue(since), DateTimeOffset.UtcNow, out var from))
            {
                return Usage($"--since '{parse.GetValue(since)}' is not 30d, 24h, 2w or a date like 2026-11-01");
            }
            var rows = await FlagStore.ListAsync(connection, new FlagStore.Filter(parse.GetValue(status), parse.GetValue(rule), from), ct);
            var file = parse.GetValue(csv)!;
            await using (var writer = new StreamWriter(file.FullName, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                // The byte-order mark makes Excel read the file as UTF-8.
                WriteCsv(writer, rows);
            }
            Console.WriteLine($"Wrote {rows.Count} flag(s) to {file.FullName}");
            return 0;
        }));
        return command;
    }

    /// <summary>Opens a connection for a verb and turns the database's refusals (no such flag, a bad
    /// status) into one line: the caller's to fix, not a crash.</summary>
    private static Task<int> WithDatabaseAsync(ParseResult parse, Func<NpgsqlConnection, Task<int>> action) =>
        SocialWatchCli.WithServicesAsync(parse, async services =>
        {
            await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
            try
            {
                return await action(connection);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.NoDataFound or PostgresErrorCodes.InvalidParameterValue)
            {
                Console.Error.WriteLine($"error: {e.MessageText}");
                return 1;
            }
        });

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return 2;
    }

    /// <summary>"7d", "24h", "2w", "90m" back from now, or a date/time (UTC unless it says otherwise). Null or empty: no limit.</summary>
    internal static bool TryParseSince(string? value, DateTimeOffset now, out DateTime? since)
    {
        since = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        value = value.Trim();
        if (value.Length >= 2 && int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            TimeSpan? span = char.ToLowerInvariant(value[^1]) switch
            {
                'w' => TimeSpan.FromDays(7 * n),
                'd' => TimeSpan.FromDays(n),
                'h' => TimeSpan.FromHours(n),
                'm' => TimeSpan.FromMinutes(n),
                _ => null,
            };
            if (span is { } back)
            {
                since = (now - back).UtcDateTime;
                return true;
            }
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            since = at.UtcDateTime;
            return true;
        }
        return false;
    }

    private static readonly string[] Columns =
    [
        "flag_id", "flagged_at", "rule", "severity", "score", "status", "platform", "author_handle", "author_name",
        "posted_at", "url", "post_text", "policy_clause", "evidence", "reviewed_by", "reviewed_at", "review_note", "account_id", "post_id",
    ];

    private static string[] Cells(FlagStore.FlaggedPost f) =>
    [
        Number(f.FlagId), Time(f.FlaggedAt), f.Rule, f.Severity, f.Score.ToString("0.###", CultureInfo.InvariantCulture), f.Status,
        f.Platform, f.AuthorHandle, f.AuthorName, Time(f.PostedAt), f.Url ?? "", f.PostText ?? "", f.PolicyClause, f.Evidence,
        f.ReviewedBy ?? "", Time(f.ReviewedAt), f.ReviewNote ?? "", Number(f.AccountId), f.PostId is { } p ? Number(p) : "",
    ];

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";

    internal static void Write(TextWriter output, IReadOnlyList<FlagStore.FlaggedPost> rows, string format)
    {
        switch (format)
        {
            case "csv":
                WriteCsv(output, rows);
                break;
            case "json":
                WriteJson(output, rows);
                break;
            default:
                // Text from the platforms goes through Untrusted: a post cannot send escape codes to the terminal.
                TextTable.Write(output, ["id", "flagged (UTC)", "rule", "severity", "status", "platform", "author", "text", "reviewed by"],
                    rows.Select(f => new[]
                    {
                        Number(f.FlagId), Time(f.FlaggedAt), f.Rule, f.Severity, f.Status, f.Platform,
                        "@" + Untrusted.Line(f.AuthorHandle, 30), Untrusted.Line(f.PostText ?? "(the account itself)", 60), Untrusted.Line(f.ReviewedBy, 20),
                    }));
                break;
        }
    }

    /// <summary>RFC 4180 CSV (CRLF, every field quoted, quotes doubled). A cell that a spreadsheet would
    /// run as a formula (starting = + - @, tab or CR) gets a leading apostrophe; bidi and control
    /// characters are shown as [U+XXXX].</summary>
    internal static void WriteCsv(TextWriter output, IReadOnlyList<FlagStore.FlaggedPost> rows)
    {
        output.Write(string.Join(",", Columns.Select(Field)) + "\r\n");
        foreach (var row in rows)
        {
            output.Write(string.Join(",", Cells(row).Select(c => Field(Untrusted.Text(c)))) + "\r\n");
        }
    }

    internal static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<FlagStore.FlaggedPost> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var f in rows)
            {
                json.WriteStartObject();
                json.WriteNumber("flag_id", f.FlagId);
                json.WriteString("flagged_at", DateTime.SpecifyKind(f.FlaggedAt, DateTimeKind.Utc));
                json.WriteString("rule", f.Rule);
                json.WriteString("severity", f.Severity);
                json.WriteNumber("score", f.Score);
                json.WriteString("status", f.Status);
                json.WriteString("platform", f.Platform);
                json.WriteString("author_handle", f.AuthorHandle);
                json.WriteString("author_name", f.AuthorName);
                WriteTime(json, "posted_at", f.PostedAt);
                json.WriteString("url", f.Url);
                json.WriteString("post_text", f.PostText);
                json.WriteString("policy_clause", f.PolicyClause);
                json.WritePropertyName("evidence");
                using (var evidence = JsonDocument.Parse(f.Evidence))
                {
                    evidence.RootElement.WriteTo(json);
                }
                json.WriteString("reviewed_by", f.ReviewedBy);
                WriteTime(json, "reviewed_at", f.ReviewedAt);
                json.WriteString("review_note", f.ReviewNote);
                json.WriteNumber("account_id", f.AccountId);
                if (f.PostId is { } postId)
                {
                    json.WriteNumber("post_id", postId);
                }
                else
                {
                    json.WriteNull("post_id");
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        // The default encoder escapes <, >, & and every non-ASCII character (bidi controls included) as \uXXXX.
        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTime? utc)
    {
        if (utc is { } t)
        {
            json.WriteString(name, DateTime.SpecifyKind(t, DateTimeKind.Utc));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private sealed record AlertRow(long Id, string Kind, string Delivery, string Status, int Attempts, DateTime CreatedAt, DateTime? SentAt, string? LastError, long? DigestId);

    private sealed record AccountRow(string PlatformId, string Bio, DateTime? PlatformCreatedAt, DateTime FirstSeenAt, long OtherFlags);

    internal static async Task ShowAsync(TextWriter o, NpgsqlConnection connection, FlagStore.FlaggedPost f, CancellationToken ct)
    {
        var account = await connection.QuerySingleAsync<AccountRow>(new CommandDefinition("""
            SELECT a.platform_id, a.bio, a.platform_created_at, a.first_seen_at,
                   (SELECT count(*) FROM flags g WHERE g.account_id = a.id AND g.id <> @FlagId) AS other_flags
            FROM accounts a WHERE a.id = @AccountId
            """, new { f.FlagId, f.AccountId }, cancellationToken: ct));
        var alerts = await connection.QueryAsync<AlertRow>(new CommandDefinition("""
            SELECT id, kind, delivery, status, attempts, created_at, sent_at, last_error, digest_id
            FROM alert_outbox WHERE flag_id = @FlagId ORDER BY id
            """, new { f.FlagId }, cancellationToken: ct));

        o.WriteLine($"Flag {f.FlagId}: {f.Rule} ({f.Severity}, score {f.Score.ToString("0.00", CultureInfo.InvariantCulture)}), status {f.Status}");
        o.WriteLine();
        o.WriteLine($"Platform:      {ClerkAdvice.PlatformName(f.Platform)}");
        o.WriteLine($"Author:        @{Untrusted.Line(f.AuthorHandle, 100)} ({Untrusted.Line(f.AuthorName, 100)}), account {f.AccountId}, platform id {Untrusted.Line(account.PlatformId, 40)}");
        var created = account.PlatformCreatedAt is null ? "(unknown)" : Time(account.PlatformCreatedAt) + " UTC";
        o.WriteLine($"Account:       created {created}, first seen {Time(account.FirstSeenAt)} UTC, {account.OtherFlags} other flag(s)");
        if (!string.IsNullOrWhiteSpace(account.Bio))
        {
            o.WriteLine($"Bio:           {Untrusted.Line(account.Bio, 500)}");
        }
        o.WriteLine($"Posted:        {(f.PostedAt is null ? "(a finding about the account, not one post)" : Time(f.PostedAt) + " UTC")}");
        o.WriteLine($"Flagged:       {Time(f.FlaggedAt)} UTC");
        if (f.Url is not null)
        {
            o.WriteLine($"Link:          {Untrusted.Line(f.Url, 300)}");
        }
        if (f.PostText is not null)
        {
            o.WriteLine();
            o.WriteLine("Text:");
            foreach (var line in Untrusted.Text(f.PostText).Split('\n'))
            {
                o.WriteLine("  " + line);
            }
        }
        o.WriteLine();
        o.WriteLine($"Policy clause: {Untrusted.Line(f.PolicyClause, 1000)}");
        o.WriteLine();
        o.WriteLine("Evidence:");
        foreach (var line in Untrusted.Text(PrettyJson(f.Evidence)).Split('\n'))
        {
            o.WriteLine("  " + line);
        }
        o.WriteLine();
        o.WriteLine(f.ReviewedAt is null
            ? "Review:        not reviewed yet"
            : $"Review:        {f.Status} by {Untrusted.Line(f.ReviewedBy, 100)} at {Time(f.ReviewedAt)} UTC{(f.ReviewNote is null ? "" : ": " + Untrusted.Line(f.ReviewNote, 1000))}");
        foreach (var a in alerts)
        {
            o.WriteLine($"Alert {a.Id}:      {a.Delivery}{(a.DigestId is { } d ? $" (digest {d})" : "")}, {a.Status}{(a.SentAt is { } s ? " " + Time(s) + " UTC" : "")}, {a.Attempts} attempt(s){(a.LastError is null ? "" : ", last error: " + Untrusted.Line(a.LastError, 300))}");
        }
        if (!alerts.Any())
        {
            o.WriteLine("Alert:         none (a repeat of a flag the clerk dismissed, or raised before alerts existed)");
        }
        o.WriteLine();
        o.WriteLine($"To record the review: socialwatch flags resolve {f.FlagId} --as actioned|dismissed|acknowledged --note \"what you did\"");
    }

    private static string PrettyJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.RootElement.WriteTo(writer);
            }
            return Encoding.UTF8.GetString(buffer.ToArray());
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
