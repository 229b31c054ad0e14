using Npgsql;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Rules;

/// <summary>Runs the rules over what a page stored and writes flags with their pending alerts,
/// inside the page's transaction.</summary>
internal sealed class PageRules
{
    #pragma warning disable CA1822 // replaced by the rules stage in the next commit
    public Task<int> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, SourceOptions source, PostStore.StoredPage page, CancellationToken ct) =>
        Task.FromResult(0);
#pragma warning restore CA1822
}
