using System.Runtime.CompilerServices;

namespace SocialWatch.Worker.Storage;

internal static class DapperSettings
{
    /// <summary>Columns are snake_case, C# names PascalCase: last_success_at maps to LastSuccessAt.
    /// Set once for the process, before any query, whichever entry point (worker, CLI verb, bench, test) runs.</summary>
    [ModuleInitializer]
    internal static void MatchSnakeCaseColumns() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
}
