namespace SocialWatch.Rules;

/// <summary>
/// Bad input to <c>classify</c> or <c>eval</c>: a missing file or a malformed line. The message names
/// the file and the line so the CLI can print it instead of a stack trace.
/// </summary>
public sealed class CorpusFormatException : Exception
{
    public CorpusFormatException()
    {
    }

    public CorpusFormatException(string message)
        : base(message)
    {
    }

    public CorpusFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CorpusFormatException(string path, int? lineNumber, string problem, Exception? innerException = null)
        : base(lineNumber is null ? $"{path}: {problem}" : $"{path}, line {lineNumber}: {problem}", innerException)
    {
        FilePath = path;
        LineNumber = lineNumber;
    }

    public string? FilePath { get; }

    public int? LineNumber { get; }
}
