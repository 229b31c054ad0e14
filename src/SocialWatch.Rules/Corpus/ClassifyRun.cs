using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialWatch.Rules;

/// <summary>The flags for one input record, in file order.</summary>
public sealed record ClassifiedRecord(CorpusRecord Record, IReadOnlyList<RuleFlag> Flags)
{
    /// <summary>The output line: <c>{"id": ..., "flags": [{"rule", "severity", "score", "evidence", "policy_clause"}]}</c>.</summary>
    public JsonObject ToJson()
    {
        var flags = new JsonArray();
        foreach (var flag in Flags)
        {
            flags.Add(new JsonObject
            {
                ["rule"] = flag.Rule,
                ["severity"] = flag.Severity,
                ["score"] = flag.Score,
                ["evidence"] = flag.Evidence.DeepClone(),
                ["policy_clause"] = flag.PolicyClause,
            });
        }

        return new JsonObject { ["id"] = Record.Id, ["flags"] = flags };
    }

    /// <summary>Writes the output line's object (the shape of <see cref="ToJson"/>) without building a tree.</summary>
    internal void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Record.Id);
        writer.WriteStartArray("flags");
        foreach (var flag in Flags)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", flag.Rule);
            writer.WriteString("severity", flag.Severity);
            writer.WriteNumber("score", flag.Score);
            writer.WritePropertyName("evidence");
            flag.Evidence.WriteTo(writer);
            writer.WriteString("policy_clause", flag.PolicyClause);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary>
/// The <c>classify</c> verb: runs the rules offline over a corpus-format file, in file order, treating
/// earlier official posts as official statements. Labels (<c>expect</c>, <c>note</c>) are ignored.
/// </summary>
public static class ClassifyRun
{
    private static readonly JsonSerializerOptions OutputJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Classifies every record of <paramref name="inputPath"/> and writes one JSON line per record.</summary>
    /// <returns>The number of records written.</returns>
    /// <exception cref="CorpusFormatException">A missing or malformed watch, input, or logo file.</exception>
    public static int Run(string watchPath, string inputPath, TextWriter output, RulesOptions? options = null, ISentenceEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var count = 0;
        // Each line is written straight from the flags into one reused buffer (no JsonObject tree per
        // record, no deep copy of the evidence), then handed to the writer, which the caller buffers.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = OutputJson.Encoder });
        var chars = new char[1024];
        foreach (var result in Classify(watchPath, inputPath, options, embedder))
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            result.WriteJson(json);
            json.Flush();
            var length = System.Text.Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount);
            if (chars.Length < length)
            {
                chars = new char[length];
            }

            var written = System.Text.Encoding.UTF8.GetChars(buffer.WrittenSpan, chars);
            output.Write(chars, 0, written);
            output.Write('\n');
            count++;
        }

        output.Flush();
        return count;
    }

    /// <summary>Classifies every record, lazily, in file order.</summary>
    public static IEnumerable<ClassifiedRecord> Classify(string watchPath, string inputPath, RulesOptions? options = null, ISentenceEmbedder? embedder = null)
    {
        ArgumentNullException.ThrowIfNull(watchPath);
        ArgumentNullException.ThrowIfNull(inputPath);
        options ??= new RulesOptions();
        var watch = WatchOptions.LoadFile(watchPath);
        var logoHashes = LoadLogoHashes(watch, watchPath);
        var records = CorpusReader.Read(inputPath);
        var classifier = new Classifier(watch, options, logoHashes, embedder);
        return ClassifyRecords(classifier, records, inputPath, options, watch);
    }

    /// <summary>
    /// Hashes the configured logo files (each with its rotated copies, <see cref="PerceptualHash.ComputeReferenceSet"/>),
    /// resolved against the watch file's folder.
    /// </summary>
    public static IReadOnlyList<ulong> LoadLogoHashes(WatchOptions watch, string watchPath)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var folder = Path.GetDirectoryName(Path.GetFullPath(watchPath)) ?? ".";
        var hashes = new List<ulong>();
        foreach (var logo in watch.ResolveLogoPaths(folder))
        {
            if (!File.Exists(logo))
            {
                throw new CorpusFormatException(watchPath, null, $"logo file not found: {logo}");
            }

            try
            {
                hashes.AddRange(PerceptualHash.ComputeReferenceSet(File.ReadAllBytes(logo)));
            }
            catch (InvalidImageException ex)
            {
                throw new CorpusFormatException(watchPath, null, $"logo file is not a readable image: {logo}", ex);
            }
        }

        return hashes;
    }

    private static IEnumerable<ClassifiedRecord> ClassifyRecords(Classifier classifier, IEnumerable<CorpusRecord> records, string inputPath, RulesOptions options, WatchOptions watch)
    {
        var statements = new OfficialStatements(options, watch);
        var folder = Path.GetDirectoryName(Path.GetFullPath(inputPath)) ?? ".";
        var avatarHashes = new Dictionary<string, ulong?>(StringComparer.Ordinal);
        var accountFlags = new Dictionary<AccountInput, IReadOnlyList<RuleFlag>>();
        foreach (var record in records)
        {
            var author = record.Author!;
            ulong? avatarHash = null;
            if (!string.IsNullOrWhiteSpace(author.Avatar))
            {
                var path = Path.GetFullPath(Path.Combine(folder, author.Avatar));
                if (!avatarHashes.TryGetValue(path, out avatarHash))
                {
                    // A missing or broken avatar is not fatal: the account is still checked by name.
                    avatarHash = File.Exists(path) ? PerceptualHash.TryCompute(File.ReadAllBytes(path)) : null;
                    avatarHashes[path] = avatarHash;
                }
            }

            var account = new AccountInput(record.Platform, author.Id, author.Handle ?? "", author.DisplayName ?? "", author.Bio ?? "", avatarHash);
            var post = new PostInput(record.Platform, record.Id, record.Url, record.CreatedAt, record.Text ?? "", account, record.InReplyTo);

            var flags = new List<RuleFlag>(3);
            // The same account (same name, handle, bio and avatar) gets the same verdict: searches bring
            // many posts by few authors, so the impersonation check runs once per distinct profile.
            if (!accountFlags.TryGetValue(account, out var verdict))
            {
                verdict = classifier.CheckAccount(account);
                if (accountFlags.Count >= 100_000)
                {
                    accountFlags.Clear();
                }

                accountFlags[account] = verdict;
            }

            flags.AddRange(verdict);
            if (!string.IsNullOrWhiteSpace(post.Text))
            {
                foreach (var flag in classifier.CheckPost(post, statements))
                {
                    if (!flags.Exists(f => f.Rule == flag.Rule))
                    {
                        flags.Add(flag);
                    }
                }

                if (classifier.IsOfficial(account.Platform, account.Id))
                {
                    statements.Add(post);
                }
            }

            yield return new ClassifiedRecord(record, flags);
        }
    }
}
