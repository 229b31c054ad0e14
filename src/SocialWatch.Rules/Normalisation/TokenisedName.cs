namespace SocialWatch.Rules.Normalisation;

/// <summary>
/// A display name or handle as its word tokens' <see cref="NameKey"/> keys laid end to end, with where each
/// token ends: "Rayleigh Town Council" → "raylelghtowncouncll" with token ends [8, 12, 19]. Matches of the
/// organisation's names are only accepted where a token starts, so a name inside a longer word (the
/// "leigh" in "Rayleigh") is not the name.
/// </summary>
internal sealed class TokenisedName
{
    private TokenisedName(string key, int[] ends)
    {
        Key = key;
        Ends = ends;
    }

    public static TokenisedName Empty { get; } = new("", []);

    /// <summary>The token keys concatenated.</summary>
    public string Key { get; }

    /// <summary>The end offset in <see cref="Key"/> of each token, ascending.</summary>
    public int[] Ends { get; }

    public int Count => Ends.Length;

    public int StartOf(int token) => token == 0 ? 0 : Ends[token - 1];

    public ReadOnlySpan<char> Token(int token) => Key.AsSpan(StartOf(token), Ends[token] - StartOf(token));

    /// <summary>True when a token starts at <paramref name="offset"/> of <see cref="Key"/>.</summary>
    public bool IsTokenStart(int offset) => offset == 0 || Array.BinarySearch(Ends, offset) >= 0;

    /// <summary>The index of the token that holds <paramref name="offset"/>.</summary>
    public int TokenAt(int offset)
    {
        var index = Array.BinarySearch(Ends, offset);
        return index >= 0 ? index + 1 : ~index;
    }

    public static TokenisedName Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return Empty;
        }

        if (text.Length <= NameKey.StackLimit)
        {
            Span<char> keys = stackalloc char[text.Length];
            Span<int> ends = stackalloc int[text.Length];
            var count = NameKey.TokenKeys(text, keys, ends);
            if (count >= 0)
            {
                return count == 0 ? Empty : new TokenisedName(new string(keys[..ends[count - 1]]), ends[..count].ToArray());
            }
        }

        var tokens = NameKey.Tokens(text);
        var tokenEnds = new int[tokens.Count];
        var length = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            length += tokens[i].Length;
            tokenEnds[i] = length;
        }

        return tokens.Count == 0 ? Empty : new TokenisedName(string.Concat(tokens), tokenEnds);
    }
}
