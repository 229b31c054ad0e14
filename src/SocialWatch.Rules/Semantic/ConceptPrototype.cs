namespace SocialWatch.Rules;

/// <summary>One concept description of the semantic layer (a line of Semantic/concepts.txt).</summary>
/// <param name="Label">"claim", "not_claim", "leak", …</param>
/// <param name="Concept">Short name of the concept ("decision", "spending").</param>
/// <param name="Description">A description of the concept, written for it, never a copied post.</param>
/// <param name="Reason">Why the concept belongs to its label.</param>
public sealed record ConceptPrototype(string Label, string Concept, string Description, string Reason)
{
    /// <summary>The prototypes shipped inside the rules assembly.</summary>
    public static IReadOnlyList<ConceptPrototype> BuiltIn { get; } = LoadBuiltIn();

    /// <summary>Parses the prototype file format: <c>label | concept | description | reason</c>, '#' comments.</summary>
    /// <exception cref="FormatException">A line without the four fields.</exception>
    public static List<ConceptPrototype> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new List<ConceptPrototype>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('|', StringSplitOptions.TrimEntries);
            if (fields.Length != 4 || fields.Any(f => f.Length == 0))
            {
                throw new FormatException($"concept prototypes line {lineNumber}: expected 'label | concept | description | reason'");
            }

            result.Add(new ConceptPrototype(fields[0], fields[1], fields[2], fields[3]));
        }

        return result;
    }

    private static List<ConceptPrototype> LoadBuiltIn()
    {
        using var stream = typeof(ConceptPrototype).Assembly.GetManifestResourceStream("SocialWatch.Rules.Semantic.concepts.txt")
            ?? throw new InvalidOperationException("the concept prototypes resource is missing from the rules assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
